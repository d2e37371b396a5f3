import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Alert } from "@/components/ui/alert";
import { isMailConfigured } from "@/lib/mail/mailer";

export const metadata: Metadata = { title: "Forgot password", robots: { index: false } };
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  if (!isMailConfigured()) {
    return (
      <AuthCard title="Forgot your password?">
        <Alert tone="info">
          <p>This Chancery does not send e-mail, so it cannot mail you a link. Ask an admin: they can make you a single-use link to set a new password.</p>
        </Alert>
        <p className="small"><StaffLink href="/login">Back to sign-in</StaffLink></p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Forgot your password?" lead="Enter the email you sign in with. We will send a link to set a new password; it works once, for one hour.">
      <ForgotPasswordForm />
    </AuthCard>
  );
}
