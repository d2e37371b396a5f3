"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import type { SaveResult } from "@/lib/reference/results";
import { formDataToObject } from "@/lib/records/form-data";
import { ConflictScreen } from "./conflict-screen";

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
  const [submitted, setSubmitted] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
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
    setSubmitted(formDataToObject(formData));
    startTransition(() => dispatch(formData));
  };
  /** After a conflict: save what is in the form on top of their version, knowingly. */
  const keepMine = (version: number) => {
    if (!formRef.current) return;
    const formData = new FormData(formRef.current);
    formData.set("baseVersion", String(version));
    setBaseVersion(version);
    startTransition(() => dispatch(formData));
  };
  return {
    state,
    isPending,
    baseVersion,
    submitted,
    keepMine,
    formProps: { ref: formRef, onSubmit, onInput: () => setIsDirty(true), noValidate: true },
    errorsFor: (path: string) => (state && !state.ok ? state.fieldErrors[path] : undefined),
  };
}

export function FormMessage({ state, savedText = "Saved." }: { state: SaveResult | null; savedText?: string }) {
  if (!state) return null;
  if (state.ok) return <Alert tone="success">{savedText}</Alert>;
  if (state.conflict) return null;
  return <Alert tone="danger" title={state.code === "FORBIDDEN" ? "Not allowed" : "Not saved"}>{<p>{state.message}</p>}</Alert>;
}

/**
 * The stale-save screen (the desk's shared ConflictScreen): what the other
 * person changed beside what this user typed, which stays in the form.
 */
export function ConflictPanel({ form, noun }: { form: { state: SaveResult | null; submitted: unknown; keepMine: (version: number) => void; isPending: boolean }; noun: string }) {
  const { state } = form;
  if (!state || state.ok || !state.conflict) return null;
  const { conflict } = state;
  return (
    <ConflictScreen
      conflict={conflict}
      mine={form.submitted}
      noun={noun}
      onKeepMine={() => form.keepMine(conflict.currentVersion)}
      onLoadTheirs={() => window.location.reload()}
      busy={form.isPending}
    />
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
