"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_HINT } from "@/lib/auth/password-rules";
import { useJsonSubmit } from "@/components/ui/use-json-submit";
import { formFields, sendJson } from "@/lib/http/send-json";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  // No role guard on the route: the single-use token is the credential.
  const { state, pending, onSubmit } = useJsonSubmit((form) =>
    sendJson<{ email: string }>("/api/account/password-reset", { body: formFields(form, ["token", "password"]) }),
  );
  if (state?.ok) {
    return (
      <Alert tone="success" title="Your password is set">
        <p>
          Every earlier session has ended. <Link href="/login?callbackUrl=%2Fdashboard">Sign in</Link> with the new password.
        </p>
      </Alert>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form onSubmit={onSubmit} noValidate>
      {state && !state.ok && <Alert tone="danger">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Field id="reset-email" label="Email">
        {(props) => <input {...props} type="email" value={email} readOnly autoComplete="username" />}
      </Field>
      <Field id="reset-password" label="New password" required hint={PASSWORD_HINT} errors={errors.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
