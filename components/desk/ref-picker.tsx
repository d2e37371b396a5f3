"use client";

import { EntityPicker, type EntityKind, type EntityOption } from "./entity-picker";

/**
 * A search-as-you-type reference field whose current value is an id; `labels`
 * names the ids the form may start with (the record's own references).
 */
export function RefPicker({ kind, id, name, label, value, labels, errors, required, hint, onChange }: {
  kind: EntityKind;
  id: string;
  name: string;
  label: string;
  value: string | null | undefined;
  labels: Record<string, string>;
  errors?: string[];
  required?: boolean;
  hint?: string;
  onChange?: (value: EntityOption | null) => void;
}) {
  return (
    <EntityPicker
      kind={kind}
      id={id}
      name={name}
      label={label}
      defaultValue={value ? { id: value, label: labels[value] ?? value } : null}
      errors={errors}
      required={required}
      hint={hint}
      onChange={onChange}
    />
  );
}
