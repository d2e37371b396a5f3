import type { ComponentProps, ReactNode } from "react";
import { FieldNotes, fieldNoteIds } from "./field";
import styles from "./ui.module.css";

/**
 * Checkboxes under one legend, named alike, with a hint and errors announced to screen readers.
 * Short labels (topics) sit side by side and wrap; `stacked` puts one option a line, for labels
 * of a sentence's length that would otherwise wrap raggedly.
 */
export function CheckGroup({
  id,
  legend,
  name,
  options,
  selected,
  hint,
  errors,
  empty,
  stacked,
}: {
  id: string;
  legend: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  selected: readonly string[];
  hint?: ReactNode;
  errors?: string[];
  /** Said in place of the options when there are none. */
  empty?: ReactNode;
  stacked?: boolean;
}) {
  return (
    <fieldset id={id} className={stacked ? `${styles.checks} ${styles.checksStacked}` : styles.checks} aria-describedby={fieldNoteIds(id, hint, errors).describedBy}>
      <legend>{legend}</legend>
      {options.length === 0 && empty && <span className={styles.hint}>{empty}</span>}
      {options.map((option) => (
        <label key={option.value} className={styles.check}>
          <input type="checkbox" name={name} value={option.value} defaultChecked={selected.includes(option.value)} /> {option.label}
        </label>
      ))}
      <FieldNotes id={id} hint={hint} errors={errors} />
    </fieldset>
  );
}

/** One checkbox with its label beside it (a yes/no setting), with a hint and errors announced to screen readers. */
export function Checkbox({ id, label, hint, errors, ...input }: { id: string; label: ReactNode; hint?: ReactNode; errors?: string[] } & Omit<ComponentProps<"input">, "id" | "type" | "className">) {
  const { errorId, describedBy } = fieldNoteIds(id, hint, errors);
  return (
    <div className={styles.field}>
      <label className={styles.check} htmlFor={id}>
        <input type="checkbox" id={id} aria-describedby={describedBy} aria-invalid={errorId ? true : undefined} {...input} /> {label}
      </label>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}
