import type { ComponentProps, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { ChoiceOptions, type ChoicePair } from "./choice-options";
import styles from "./ui.module.css";

interface FieldProps {
  /** The control's id; the label, hint and error are tied to it. */
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string; required?: boolean }) => ReactNode;
}

/** A labelled form control with its hint and errors, announced to screen readers. */
export function Field({ id, label, hint, errors, required, children }: FieldProps) {
  const { errorId, describedBy } = fieldNoteIds(id, hint, errors);
  return (
    <div className={styles.field}>
      {/* The marker sits outside the label so the field's name is exactly `label`;
          the control's own `required` tells assistive technology. */}
      <span className={styles.labelRow}>
        <label htmlFor={id} className={styles.label}>
          {label}
        </label>
        {required && <span className={styles.required} aria-hidden="true">*</span>}
      </span>
      {children({ id, "aria-invalid": errorId ? true : undefined, "aria-describedby": describedBy, className: styles.control ?? "", required })}
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** The ids of a control's hint and errors, and the aria-describedby that names them. */
export function fieldNoteIds(id: string, hint: ReactNode, errors?: string[]) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/** A control's hint and its errors, the errors announced as they appear. */
export function FieldNotes({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] }) {
  const { hintId, errorId } = fieldNoteIds(id, hint, errors);
  return (
    <>
      {hint && <span id={hintId} className={styles.hint}>{hint}</span>}
      {errorId && (
        <span id={errorId} className={styles.error} role="alert">
          {errors!.join(" ")}
        </span>
      )}
    </>
  );
}

export const controlClass = styles.control ?? "";

export function TextInput(props: ComponentProps<"input">) {
  return <input {...props} className={[styles.control, props.className].filter(Boolean).join(" ")} />;
}

export function TextArea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...props} className={[styles.control, props.className].filter(Boolean).join(" ")} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={[styles.control, props.className].filter(Boolean).join(" ")} />;
}

export type Choices = Readonly<Record<string, ReactNode>> | ReadonlyArray<{ value: string; label: ReactNode }>;

/** The choices as the [value, label] pairs ChoiceOptions takes (a table's entries already are). */
const choicePairs = (choices: Choices): ChoicePair[] =>
  Array.isArray(choices)
    ? (choices as ReadonlyArray<{ value: string; label: ReactNode }>).map((choice) => [choice.value, choice.label] as const)
    : Object.entries(choices as Readonly<Record<string, ReactNode>>);

/**
 * A labelled Select over a list of choices (a value → label table or a list), after
 * an empty first choice when `empty` names it ("Any country", "— choose —"). The
 * other props go to the select itself (name, defaultValue or value and onChange).
 */
export function SelectField({
  id,
  label,
  hint,
  errors,
  required,
  choices,
  empty,
  ...select
}: Omit<FieldProps, "children"> & { choices: Choices; empty?: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "required" | "children">) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} required={required}>
      {(props) => (
        <Select {...props} {...select}>
          <ChoiceOptions choices={empty === undefined ? choicePairs(choices) : [["", empty], ...choicePairs(choices)]} />
        </Select>
      )}
    </Field>
  );
}
