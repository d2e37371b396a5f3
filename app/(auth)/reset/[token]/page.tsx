import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { isMailConfigured } from "@/lib/mail/mailer";
import { findOpenPasswordReset } from "@/lib/users/password-reset";

export const metadata: Metadata = { title: "Set a new password", robots: { index: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findOpenPasswordReset(token);
  if (!reset) {
    return (
      <AuthCard title="This link cannot be used">
        <Alert tone="warning">
          <p>
            The link has expired, has been used already, or was replaced by a newer one.{" "}
            {isMailConfigured() ? <>Ask for a new one at <Link href="/forgot-password">Forgot password?</Link>, or ask an admin.</> : "Ask an admin for a new one."}
          </p>
        </Alert>
        <p><Link href="/login">Go to sign-in</Link></p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set a new password" lead="Choose a new password. Every session signed in with the old one will end.">
      <ResetPasswordForm token={token} email={reset.user.email} />
    </AuthCard>
  );
}
