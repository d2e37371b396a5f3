import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { AuthCard, UnusableLinkCard } from "@/components/auth/auth-card";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { findOpenInvitation } from "@/lib/users/accept-invitation";

export const metadata: Metadata = { title: "Accept your invitation", robots: { index: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(token);
  if (!invitation) {
    return (
      <UnusableLinkCard title="This invitation cannot be used">Ask an admin for a new invitation.</UnusableLinkCard>
    );
  }
  return (
    <AuthCard title="Join the Chancery desk">
      <AcceptInvitationForm
        token={token}
        email={invitation.email}
        suggestedName={invitation.name ?? ""}
        lead={`You are invited as ${ROLE_LABELS[invitation.role].toLowerCase()}. Choose your name and a password.`}
      />
    </AuthCard>
  );
}
