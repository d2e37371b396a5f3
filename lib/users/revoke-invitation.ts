import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import type { Actor, RequestContext } from "./actor";
import { InvitationIdInputSchema } from "./schemas";

/** An admin withdraws an open invitation: its link stops working at once. */
export async function revokeInvitation(options: { actor: Actor; input: unknown; context: RequestContext; now?: Date }) {
  const input = parseInput(InvitationIdInputSchema, options.input);
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { id: input.invitationId },
      select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "There is no such invitation.");
    // Claimed with a condition, so an invitee accepting at this very moment wins cleanly or loses cleanly.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    if (claimed.count !== 1) {
      throw new AppError("CONFLICT", invitation.acceptedAt ? "This invitation has been accepted already." : "This invitation is no longer open.");
    }
    await writeAudit(tx, {
      action: "user.invitation_revoke",
      actorId: options.actor.id,
      actorEmail: options.actor.email,
      targetType: "Invitation",
      targetId: invitation.id,
      summary: { email: invitation.email, role: invitation.role },
      ...options.context,
    });
    return { id: invitation.id, email: invitation.email };
  });
}
