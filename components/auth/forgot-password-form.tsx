"use client";

import { StaffLink } from "@/components/ui/staff-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useJsonSubmit } from "@/components/ui/use-json-submit";
import { formFields, sendJson } from "@/lib/http/send-json";

/** "Forgot password?": asks for the email; the answer is the same whether it has an account. */
export function ForgotPasswordForm() {
  const { state, pending, onSubmit } = useJsonSubmit((form) =>
    sendJson<{ message: string }>("/api/account/forgot-password", { body: formFields(form, ["email"]) }),
  );
  if (state?.ok) {
    return (
      <>
        <Alert tone="success" title="Check your inbox">
          <p>{state.message}</p>
          <p>Nothing there after a few minutes? Look in the spam folder, or ask an admin for a link.</p>
        </Alert>
        <p className="small"><StaffLink href="/login">Back to sign-in</StaffLink></p>
      </>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form onSubmit={onSubmit} noValidate>
      {state && !state.ok && <Alert tone="danger">{state.message}</Alert>}
      <Field id="forgot-email" label="Email" required errors={errors.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="username" />}
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </Button>
      <p className="small"><StaffLink href="/login">Back to sign-in</StaffLink></p>
    </form>
  );
}
