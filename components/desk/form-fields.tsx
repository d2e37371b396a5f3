"use client";

import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import styles from "./reference-form.module.css";
import { focusAddedRow, focusAfterRemoving } from "./row-focus";

/** Small form pieces the record forms share. */

export function TextField(props: { id: string; name: string; label: string; defaultValue?: string; errors?: string[]; hint?: ReactNode; required?: boolean; type?: string; placeholder?: string; maxLength?: number; autoComplete?: string; onValueChange?: (value: string) => void }) {
  const { id, name, label, defaultValue, errors, hint, required, type, placeholder, maxLength, autoComplete, onValueChange } = props;
  return (
    <Field id={id} label={label} errors={errors} hint={hint} required={required}>
      {(control) => (
        <TextInput {...control} name={name} type={type ?? "text"} defaultValue={defaultValue} placeholder={placeholder} maxLength={maxLength} autoComplete={autoComplete} onChange={onValueChange && ((event) => onValueChange(event.target.value))} />
      )}
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

/** A picker's starting choice: the id with the label the page looked up for it (or the id itself). */
export const chosenOption = (id: string, labels: Record<string, string>) => (id ? { id, label: labels[id] ?? id } : null);

/**
 * A fieldset of repeated rows (offices, members, treaty actions, sources): each row
 * under its numbered heading with a Remove button, a line when there are none, and
 * a button that adds one.
 */
export function RowsFieldset<T>(props: {
  legend: string;
  /** What a row is, in lower case ("office"): rows are headed "Office 1" and removed by "Remove office 1". */
  noun: string;
  rows: ReturnType<typeof useRows<T>>;
  emptyText: string;
  addLabel: string;
  children: (row: { key: number; value: T }, i: number) => ReactNode;
}) {
  const { rows, noun } = props;
  const list = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <fieldset className={styles.rows} ref={list}>
      <legend>{props.legend}</legend>
      {rows.rows.length === 0 && <p className="small muted">{props.emptyText}</p>}
      {rows.rows.map((row, i) => (
        <div key={row.key} className={styles.row} data-row="">
          <div className={styles.rowHeader}>
            <h3>
              {noun.charAt(0).toUpperCase() + noun.slice(1)} {i + 1}
            </h3>
            <Button
              size="sm"
              variant="ghost"
              onClick={(event) => {
                focusAfterRemoving(event.currentTarget, () => addButton.current);
                rows.remove(row.key);
              }}
              aria-label={`Remove ${noun} ${i + 1}`}
            >
              Remove
            </Button>
          </div>
          {props.children(row, i)}
        </div>
      ))}
      <Button
        ref={addButton}
        size="sm"
        onClick={() => {
          rows.add();
          focusAddedRow(() => list.current);
        }}
      >
        {props.addLabel}
      </Button>
    </fieldset>
  );
}

/** The local time of day something happened or was said, and the IANA time zone it is in. */
export function LocalTimeFields(props: { idPrefix: string; timeName: string; time?: string | null; zone?: string | null; errors: Record<string, string[] | undefined> }) {
  return (
    <>
      <Field id={`${props.idPrefix}-time`} label="Local time" errors={props.errors[props.timeName]} hint="HH:MM, 24-hour">
        {(p) => <TextInput {...p} name={props.timeName} defaultValue={props.time ?? ""} autoComplete="off" />}
      </Field>
      <Field id={`${props.idPrefix}-zone`} label="Time zone" errors={props.errors.timeZone} hint="IANA name, e.g. America/New_York">
        {(p) => <TextInput {...p} name="timeZone" defaultValue={props.zone ?? ""} autoComplete="off" />}
      </Field>
    </>
  );
}
