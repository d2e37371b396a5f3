"use client";

import { useRef, useState, type ReactNode } from "react";
import { Field, TextArea, TextInput } from "@/components/ui/field";

/** Small form pieces the record forms share. */

export function TextField(props: { id: string; name: string; label: string; defaultValue?: string; errors?: string[]; hint?: ReactNode; required?: boolean; type?: string; placeholder?: string; maxLength?: number }) {
  const { id, name, label, defaultValue, errors, hint, required, type, placeholder, maxLength } = props;
  return (
    <Field id={id} label={label} errors={errors} hint={hint} required={required}>
      {(control) => <TextInput {...control} name={name} type={type ?? "text"} defaultValue={defaultValue} placeholder={placeholder} maxLength={maxLength} />}
    </Field>
  );
}

export function TextAreaField(props: { id: string; name: string; label: string; defaultValue?: string; errors?: string[]; hint?: ReactNode; rows?: number }) {
  return (
    <Field id={props.id} label={props.label} errors={props.errors} hint={props.hint}>
      {(control) => <TextArea {...control} name={props.name} defaultValue={props.defaultValue} rows={props.rows ?? 4} />}
    </Field>
  );
}

/** Rows that can be added and removed; each keeps a stable key so typed text stays with its row. */
export function useRows<T>(initial: T[] | undefined, blank: () => T) {
  // Unsaved text restored from the browser leaves out lists the form sent empty (a row's sources).
  const start = initial ?? [];
  const next = useRef(start.length);
  const [rows, setRows] = useState(() => start.map((value, i) => ({ key: i, value })));
  return {
    rows,
    add: () => setRows((list) => [...list, { key: next.current++, value: blank() }]),
    remove: (key: number) => setRows((list) => list.filter((r) => r.key !== key)),
  };
}

export const PARTIAL_DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD: type only what is known.";
