"use client";

import { StaffLink } from "@/components/ui/staff-link";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { TokenPasswordForm } from "./token-password-form";

export function AcceptInvitationForm({ token, email, suggestedName, lead }: { token: string; email: string; suggestedName: string; lead: string }) {
  return (
    <TokenPasswordForm
      endpoint="/api/invitations/accept"
      idPrefix="invite"
      token={token}
      email={email}
      lead={lead}
      fieldNames={["name"]}
      fields={(errors) => (
        <Field id="invite-name" label="Name" required errors={errors.name}>
          {(props) => <input {...props} name="name" autoComplete="name" defaultValue={suggestedName} />}
        </Field>
      )}
      passwordLabel="Password"
      submitLabel="Create account"
      pendingLabel="Creating…"
      done={(accountEmail) => (
        <Alert tone="success" title="Your account is ready">
          <p>
            <StaffLink href="/login?callbackUrl=%2Fdashboard">Sign in</StaffLink> with {accountEmail} and the password you chose.
          </p>
        </Alert>
      )}
    />
  );
}
