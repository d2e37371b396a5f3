"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors/app-error";
import { LinkBox } from "./link-box";

type InviteResult = ActionResult<{ email: string; link: string; emailed: boolean; expiresAt: string }> & { values?: Record<string, string> };

export function InviteUserForm({ action }: { action: (previous: InviteResult | null, form: FormData) => Promise<InviteResult> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  return (
    <>
      {state?.ok && (
        <Alert tone="success" title={`Invitation for ${state.email} created`}>
          <p>
            {state.emailed ? "It was e-mailed; you can also pass the link on yourself." : "Pass this link on: it works once and expires in 72 hours."}
          </p>
          <LinkBox id="invitation-link" label="Invitation link" link={state.link} />
        </Alert>
      )}
      {failed && <Alert tone="danger">{failed.message}</Alert>}
      {/* A new key after each success empties the form for the next invitation. */}
      <form action={formAction} noValidate key={state?.ok ? state.link : "form"}>
        <Field id="invite-email" label="Email" required errors={failed?.fieldErrors.email}>
          {(props) => <input {...props} name="email" type="email" autoComplete="off" defaultValue={values.email ?? ""} />}
        </Field>
        <Field id="invite-name" label="Name" hint="Optional; they can change it when they accept." errors={failed?.fieldErrors.name}>
          {(props) => <input {...props} name="name" autoComplete="off" defaultValue={values.name ?? ""} />}
        </Field>
        <Field id="invite-role" label="Role" required errors={failed?.fieldErrors.role}>
          {(props) => (
            <select {...props} name="role" defaultValue={values.role || "CONTRIBUTOR"}>
              <option value="CONTRIBUTOR">Contributor</option>
              <option value="EDITOR">Editor</option>
              <option value="ADMIN">Admin</option>
            </select>
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
    </>
  );
}
