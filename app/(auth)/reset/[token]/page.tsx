import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { AuthCard, UnusableLinkCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { isMailConfigured } from "@/lib/mail/mailer";
import { findOpenPasswordReset } from "@/lib/users/password-reset";

export const metadata: Metadata = { title: "Set a new password", robots: { index: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findOpenPasswordReset(token);
  if (!reset) {
    return (
      <UnusableLinkCard title="This link cannot be used">
        {isMailConfigured() ? <>Ask for a new one at <StaffLink href="/forgot-password">Forgot password?</StaffLink>, or ask an admin.</> : "Ask an admin for a new one."}
      </UnusableLinkCard>
    );
  }
  return (
    <AuthCard title="Set a new password">
      <ResetPasswordForm token={token} email={reset.user.email} />
    </AuthCard>
  );
}
