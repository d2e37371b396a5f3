"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import type { SaveResult } from "@/lib/reference/results";
import styles from "./reference-form.module.css";

export type SaveAction = (previous: SaveResult | null, formData: FormData) => Promise<SaveResult>;

/**
 * Runs a save action without React's automatic form reset, so a refused save
 * keeps everything typed; tracks the version the edit is based on, and asks
 * before leaving with unsaved changes.
 */
export function useDeskForm(action: SaveAction, initialVersion: number) {
  const router = useRouter();
  const [baseVersion, setBaseVersion] = useState(initialVersion);
  const [isDirty, setIsDirty] = useState(false);
  const [state, dispatch, isPending] = useActionState<SaveResult | null, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    if (result.ok) {
      setIsDirty(false);
      if (typeof result.version === "number") setBaseVersion(result.version);
      router.refresh();
    }
    return result;
  }, null);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return {
    state,
    isPending,
    baseVersion,
    /** After a conflict: build on their version (the next save overwrites it knowingly). */
    rebase: (version: number) => setBaseVersion(version),
    formProps: { onSubmit, onInput: () => setIsDirty(true), noValidate: true },
    errorsFor: (path: string) => (state && !state.ok ? state.fieldErrors[path] : undefined),
  };
}

export function FormMessage({ state, savedText = "Saved." }: { state: SaveResult | null; savedText?: string }) {
  if (!state) return null;
  if (state.ok) return <Alert tone="success">{savedText}</Alert>;
  if (state.conflict) return null;
  return <Alert tone="danger" title={state.code === "FORBIDDEN" ? "Not allowed" : "Not saved"}>{<p>{state.message}</p>}</Alert>;
}

const show = (value: unknown) => (value === undefined || value === null || value === "" ? "(empty)" : typeof value === "string" ? value : JSON.stringify(value));

/** The stale-save screen: what the other person changed, and a way to build on it. */
export function ConflictPanel({ state, onRebase }: { state: SaveResult | null; onRebase: (version: number) => void }) {
  if (!state || state.ok || !state.conflict) return null;
  const { conflict } = state;
  return (
    <section className={styles.conflict} role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved this first</h2>
      <p>{state.message}</p>
      <p className="small muted">
        Version {conflict.currentVersion}
        {conflict.changedBy ? ` by ${conflict.changedBy}` : ""}
        {conflict.changedAt ? `, ${new Date(conflict.changedAt).toUTCString()}` : ""}. Their changes:
      </p>
      {conflict.changes.length ? (
        <table className={styles.diff}>
          <caption className="visually-hidden">Fields they changed</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">Their version</th>
            </tr>
          </thead>
          <tbody>
            {conflict.changes.map((change) => (
              <tr key={change.path}>
                <th scope="row">{change.path}</th>
                <td>{show(change.before)}</td>
                <td>{show(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No field differs from the version you started from.</p>
      )}
      <p>Your form below still holds what you typed. To keep your text, save again on top of their version; to keep theirs, reload the page.</p>
      <Button variant="primary" onClick={() => onRebase(conflict.currentVersion)}>
        Save mine on top of their version next
      </Button>
    </section>
  );
}

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
export function useRows<T>(initial: T[], blank: () => T) {
  const next = useRef(initial.length);
  const [rows, setRows] = useState(() => initial.map((value, i) => ({ key: i, value })));
  return {
    rows,
    add: () => setRows((list) => [...list, { key: next.current++, value: blank() }]),
    remove: (key: number) => setRows((list) => list.filter((r) => r.key !== key)),
  };
}

export const PARTIAL_DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD: type only what is known.";
