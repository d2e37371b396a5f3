"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useJsonSubmit } from "@/components/ui/use-json-submit";
import { PASSWORD_HINT } from "@/lib/auth/password-rules";
import { formFields, sendJson } from "@/lib/http/send-json";
import styles from "./auth-card.module.css";

/** A new password, with the rules it must meet and the browser's offer to make one up. */
export function NewPasswordField({ id, name, label, errors }: { id: string; name: string; label: string; errors?: string[] }) {
  return (
    <Field id={id} label={label} required hint={PASSWORD_HINT} errors={errors}>
      {(props) => <input {...props} name={name} type="password" autoComplete="new-password" />}
    </Field>
  );
}

/**
 * A form opened by a single-use link (an invitation, a password reset): the token,
 * the account's email shown read-only (so a password manager files it right), any
 * fields of its own, and the password the person chooses. No role guard on the
 * routes it posts to: the token is the credential. `lead` says what to do, above the form;
 * once it is done, only what `done` says stays ("Your account is ready", not "Choose a password").
 */
export function TokenPasswordForm(props: {
  endpoint: string;
  idPrefix: string;
  token: string;
  email: string;
  lead: ReactNode;
  /** The fields `fields(errors)` adds, by name, sent with the token and the password. */
  fieldNames?: string[];
  fields?: (errors: Record<string, string[]>) => ReactNode;
  passwordLabel: string;
  submitLabel: string;
  pendingLabel: string;
  done: (email: string) => ReactNode;
}) {
  const { state, pending, onSubmit } = useJsonSubmit((form) =>
    sendJson<{ email: string }>(props.endpoint, { body: formFields(form, ["token", ...(props.fieldNames ?? []), "password"]) }),
  );
  if (state?.ok) return props.done(state.email);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <>
      <p className={styles.lead}>{props.lead}</p>
      <form onSubmit={onSubmit} noValidate>
        {state && !state.ok && <Alert tone="danger">{state.message}</Alert>}
        <input type="hidden" name="token" value={props.token} />
        <Field id={`${props.idPrefix}-email`} label="Email">
          {(p) => <input {...p} type="email" value={props.email} readOnly autoComplete="username" />}
        </Field>
        {props.fields?.(errors)}
        <NewPasswordField id={`${props.idPrefix}-password`} name="password" label={props.passwordLabel} errors={errors.password} />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? props.pendingLabel : props.submitLabel}
        </Button>
      </form>
    </>
  );
}
