"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useJsonSubmit } from "@/components/ui/use-json-submit";
import { formFields, sendJson } from "@/lib/http/send-json";
import { LinkBox } from "./link-box";

type Invitation = { email: string; link: string; emailed: boolean; expiresAt: string };

export function InviteUserForm() {
  const router = useRouter();
  const { state, pending, onSubmit } = useJsonSubmit(async (form) => {
    const result = await sendJson<Invitation>("/api/admin/users", { body: formFields(form, ["email", "role", "name"]) });
    if (result.ok) router.refresh(); // the open invitations beside the form
    return result;
  });
  const failed = state && !state.ok ? state : null;
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
      {/* A new key after each success empties the form for the next invitation; after a failure it keeps what was typed. */}
      <form onSubmit={onSubmit} noValidate key={state?.ok ? state.link : "form"}>
        <Field id="invite-email" label="Email" required errors={failed?.fieldErrors.email}>
          {(props) => <input {...props} name="email" type="email" autoComplete="off" />}
        </Field>
        <Field id="invite-name" label="Name" hint="Optional; they can change it when they accept." errors={failed?.fieldErrors.name}>
          {(props) => <input {...props} name="name" autoComplete="off" />}
        </Field>
        <Field id="invite-role" label="Role" required errors={failed?.fieldErrors.role}>
          {(props) => (
            <select {...props} name="role" defaultValue="CONTRIBUTOR">
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
