import type { ReactNode } from "react";
import { FieldNotes, fieldNoteIds } from "./field";
import styles from "./ui.module.css";

/** Checkboxes under one legend, named alike, with a hint and errors announced to screen readers. */
export function CheckGroup({
  id,
  legend,
  name,
  options,
  selected,
  hint,
  errors,
}: {
  id: string;
  legend: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  selected: readonly string[];
  hint?: ReactNode;
  errors?: string[];
}) {
  return (
    <fieldset id={id} className={styles.checks} aria-describedby={fieldNoteIds(id, hint, errors).describedBy}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className={styles.check}>
          <input type="checkbox" name={name} value={option.value} defaultChecked={selected.includes(option.value)} /> {option.label}
        </label>
      ))}
      <FieldNotes id={id} hint={hint} errors={errors} />
    </fieldset>
  );
}

/** One checkbox with its label beside it (a yes/no setting). */
export function Checkbox({ name, label, defaultChecked, hint, id }: { id: string; name: string; label: ReactNode; defaultChecked?: boolean; hint?: ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={styles.field}>
      <label className={styles.check} htmlFor={id}>
        <input type="checkbox" id={id} name={name} defaultChecked={defaultChecked} aria-describedby={hintId} /> {label}
      </label>
      {hint && <span id={hintId} className={styles.hint}>{hint}</span>}
    </div>
  );
}
