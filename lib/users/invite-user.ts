import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import { createToken } from "@/lib/auth/tokens";
import { sendInvitationEmail } from "@/lib/mail/send-invitation";
import type { Actor, RequestContext } from "./actor";
import { InviteUserInputSchema } from "./schemas";

export const INVITATION_LIFETIME_MS = 72 * 60 * 60 * 1000;

/**
 * Invites someone by email and role. Returns the single-use token, which exists
 * nowhere else (only its SHA-256 is stored): the caller shows the link once.
 * Earlier open invitations for the same email stop working.
 */
export async function inviteUser(options: { actor: Actor; input: unknown; context: RequestContext; origin: string; now?: Date }) {
  const input = parseInput(InviteUserInputSchema, options.input);
  const { email, role, name } = input;
  const now = options.now ?? new Date();
  const { token, tokenHash } = createToken();
  const invitation = await db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("INVALID", "Check the highlighted fields.", { email: ["There is already an account with this email."] });
    }
    await tx.invitation.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const created = await tx.invitation.create({
      data: { email, name: name || null, role, tokenHash, invitedById: options.actor.id, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS) },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await writeAudit(tx, {
      action: "user.invite",
      actorId: options.actor.id,
      actorEmail: options.actor.email,
      targetType: "Invitation",
      targetId: created.id,
      summary: { email, role },
      ...options.context,
    });
    return created;
  });
  const link = `${options.origin.replace(/\/$/, "")}/invite/${token}`;
  const emailed = await sendInvitationEmail({ to: email, role, link, expiresAt: invitation.expiresAt });
  return { ...invitation, token, link, emailed };
}
