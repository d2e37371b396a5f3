import { Field, Select } from "@/components/ui/field";

export interface RefOption {
  id: string;
  label: string;
}

/**
 * A labelled list of records for a reference field; submits the chosen id under
 * `name`, like the search-as-you-type EntityPicker it stands in for.
 */
export function RefSelect({
  id,
  name,
  label,
  options,
  defaultValue,
  errors,
  required,
  hint,
  emptyLabel = "— none —",
}: {
  id: string;
  name: string;
  label: string;
  options: RefOption[];
  defaultValue?: string | null;
  errors?: string[];
  required?: boolean;
  hint?: string;
  emptyLabel?: string;
}) {
  return (
    <Field id={id} label={label} errors={errors} required={required} hint={hint}>
      {(p) => (
        <Select {...p} name={name} defaultValue={defaultValue ?? ""}>
          <option value="">{emptyLabel}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
