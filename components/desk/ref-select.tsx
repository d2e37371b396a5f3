import { SelectField } from "@/components/ui/field";

export interface RefOption {
  id: string;
  label: string;
}

/**
 * A labelled list of records for a reference field; submits the chosen id under
 * `name`, like the search-as-you-type EntityPicker it stands in for.
 */
export function RefSelect({
  options,
  defaultValue,
  emptyLabel = "— none —",
  ...field
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
  return <SelectField {...field} defaultValue={defaultValue ?? ""} empty={emptyLabel} choices={options.map((o) => ({ value: o.id, label: o.label }))} />;
}
