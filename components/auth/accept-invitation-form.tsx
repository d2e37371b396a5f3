"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_HINT } from "@/lib/auth/password-rules";
import { useJsonSubmit } from "@/components/ui/use-json-submit";
import { formFields, sendJson } from "@/lib/http/send-json";

export function AcceptInvitationForm({ token, email, suggestedName }: { token: string; email: string; suggestedName: string }) {
  // No role guard on the route: the single-use token is the credential.
  const { state, pending, onSubmit } = useJsonSubmit((form) =>
    sendJson<{ email: string }>("/api/invitations/accept", { body: formFields(form, ["token", "name", "password"]) }),
  );
  if (state?.ok) {
    return (
      <Alert tone="success" title="Your account is ready">
        <p>
          <Link href="/login?callbackUrl=%2Fdashboard">Sign in</Link> with {state.email} and the password you chose.
        </p>
      </Alert>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form onSubmit={onSubmit} noValidate>
      {state && !state.ok && <Alert tone="danger">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Field id="invite-email" label="Email">
        {(props) => <input {...props} type="email" value={email} readOnly autoComplete="username" />}
      </Field>
      <Field id="invite-name" label="Name" required errors={errors.name}>
        {(props) => <input {...props} name="name" autoComplete="name" defaultValue={suggestedName} />}
      </Field>
      <Field id="invite-password" label="Password" required hint={PASSWORD_HINT} errors={errors.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
