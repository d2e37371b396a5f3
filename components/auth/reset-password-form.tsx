"use client";

import { StaffLink } from "@/components/ui/staff-link";
import { Alert } from "@/components/ui/alert";
import { TokenPasswordForm } from "./token-password-form";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  return (
    <TokenPasswordForm
      endpoint="/api/account/password-reset"
      idPrefix="reset"
      token={token}
      email={email}
      lead="Choose a new password. Every session signed in with the old one will end."
      passwordLabel="New password"
      submitLabel="Set password"
      pendingLabel="Saving…"
      done={() => (
        <Alert tone="success" title="Your password is set">
          <p>
            Every earlier session has ended. <StaffLink href="/login?callbackUrl=%2Fdashboard">Sign in</StaffLink> with the new password.
          </p>
        </Alert>
      )}
    />
  );
}
