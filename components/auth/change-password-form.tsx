"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useJsonSubmit } from "@/components/ui/use-json-submit";
import { formFields, sendJson } from "@/lib/http/send-json";
import { NewPasswordField } from "./token-password-form";

export function ChangePasswordForm() {
  const { state, pending, onSubmit } = useJsonSubmit((form) =>
    sendJson<{ sessionsEnded: number }>("/api/account/password", { body: formFields(form, ["currentPassword", "newPassword"]) }),
  );
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    // The key resets the fields after a success, so no password lingers in the form.
    <form onSubmit={onSubmit} noValidate key={state?.ok ? "done" : "editing"}>
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
      <NewPasswordField id="new-password" name="newPassword" label="New password" errors={errors.newPassword} />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
