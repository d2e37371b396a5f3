import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import { hashPassword } from "@/lib/auth/password";
import { hashToken, isWellFormedToken } from "@/lib/auth/tokens";
import type { RequestContext } from "./actor";
import { AcceptInvitationInputSchema } from "./schemas";
import { auditUserChange } from "./audit-user";

const INVALID_LINK = "This invitation link is not valid any more. Ask an admin for a new one.";

/** The invitation behind a link, if it can still be accepted. */
export async function findOpenInvitation(token: string, now = new Date()) {
  if (!isWellFormedToken(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, name: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) return null;
  return invitation;
}

/** Creates the invitee's account with the name and password they chose. Works once. */
export async function acceptInvitation(options: { input: unknown; context: RequestContext; now?: Date }) {
  const input = parseInput(AcceptInvitationInputSchema, options.input);
  const now = options.now ?? new Date();
  const invitation = await findOpenInvitation(input.token, now);
  if (!invitation) throw new AppError("NOT_FOUND", INVALID_LINK);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      // The guarded update is what makes the link single-use under concurrency.
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID_LINK);
      const user = await tx.user.create({
        data: { email: invitation.email, name: input.name, role: invitation.role, passwordHash, passwordChangedAt: now },
        select: { id: true, email: true, role: true },
      });
      await auditUserChange(tx, { action: "user.invitation_accepted", actor: user, userId: user.id, summary: { invitationId: invitation.id, role: user.role }, context: options.context });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "There is already an account with this email. Sign in instead.");
    }
    throw error;
  }
}
