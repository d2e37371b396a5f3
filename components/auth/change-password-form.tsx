"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_HINT } from "@/lib/auth/password-rules";
import type { ActionResult } from "@/lib/errors/app-error";

type ChangePasswordResult = ActionResult<{ sessionsEnded: number }>;

export function ChangePasswordForm({
  action,
}: {
  action: (previous: ChangePasswordResult | null, form: FormData) => Promise<ChangePasswordResult>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    // The key resets the fields after a success, so no password lingers in the form.
    <form action={formAction} noValidate key={state?.ok ? "done" : "editing"}>
      {state?.ok && (
        <Alert tone="success" title="Password changed">
          <p>
            {state.sessionsEnded === 1
              ? "Your one other session has ended."
              : `Your other sessions have ended (${state.sessionsEnded}).`}
          </p>
        </Alert>
      )}
      {state && !state.ok && <Alert tone="danger">{state.message}</Alert>}
      <Field id="current-password" label="Current password" required errors={errors.currentPassword}>
        {(props) => <input {...props} name="currentPassword" type="password" autoComplete="current-password" />}
      </Field>
      <Field id="new-password" label="New password" required hint={PASSWORD_HINT} errors={errors.newPassword}>
        {(props) => <input {...props} name="newPassword" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
