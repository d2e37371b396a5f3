import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { ACCOUNT_LIMIT, accountKey, recordFailure } from "@/lib/auth/throttle";
import type { Actor, RequestContext } from "./actor";
import { ChangeOwnPasswordInputSchema, fieldErrorsOf, type ChangeOwnPasswordInput } from "./schemas";

/**
 * Changes the signed-in user's password, given the current one. Every other
 * session of theirs ends; the one making the change stays signed in.
 */
export async function changeOwnPassword(options: { actor: Actor; input: ChangeOwnPasswordInput; context: RequestContext }) {
  const parsed = ChangeOwnPasswordInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("INVALID", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const user = await db.user.findUnique({ where: { id: options.actor.id }, select: { id: true, email: true, passwordHash: true } });
  if (!user?.passwordHash) throw new AppError("NOT_FOUND", "There is no such user.");
  if (!(await verifyPassword(parsed.data.currentPassword, user.passwordHash))) {
    // A stolen session must not become a way to guess the password without limit.
    await db.$transaction(async (tx) => {
      await recordFailure(tx, [{ key: accountKey(user.email), limit: ACCOUNT_LIMIT }]);
      await writeAudit(tx, { action: "user.password_change_failed", actorId: user.id, actorEmail: user.email, targetType: "User", targetId: user.id, ...options.context });
    });
    throw new AppError("INVALID", "Check the highlighted fields.", { currentPassword: ["That is not your current password."] });
  }
  if (parsed.data.newPassword === parsed.data.currentPassword) {
    throw new AppError("INVALID", "Check the highlighted fields.", { newPassword: ["Choose a password different from the current one."] });
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    const ended = await revokeUserSessions(tx, user.id, { exceptSessionId: options.actor.sessionId });
    await writeAudit(tx, {
      action: "user.password_change",
      actorId: user.id,
      actorEmail: user.email,
      targetType: "User",
      targetId: user.id,
      summary: { sessionsEnded: ended },
      ...options.context,
    });
    return { sessionsEnded: ended };
  });
}
