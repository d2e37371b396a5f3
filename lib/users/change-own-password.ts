import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { chargeAttempt, settleFailure, settleSuccess, type Attempt } from "@/lib/auth/attempt";
import type { Actor, RequestContext } from "./actor";
import { ChangeOwnPasswordInputSchema } from "./schemas";
import { auditUserChange } from "./audit-user";
import { sendAccountNotice } from "@/lib/mail/send-account-notice";

/**
 * Changes the signed-in user's password, given the current one. Every other
 * session of theirs ends; the one making the change stays signed in.
 */
export async function changeOwnPassword(options: {
  actor: Actor;
  input: unknown;
  context: RequestContext;
  /** Tests pass a recorder instead of really waiting. */
  wait?: (ms: number) => Promise<unknown>;
}) {
  const input = parseInput(ChangeOwnPasswordInputSchema, options.input);
  const user = await db.user.findUnique({ where: { id: options.actor.id }, select: { id: true, email: true, name: true, passwordHash: true } });
  if (!user?.passwordHash) throw new AppError("NOT_FOUND", "There is no such user.");
  // A stolen session must not become a way to guess the password: the same counters,
  // delays and lock-out as sign-in, and a locked account refuses even the right one.
  const attempt: Attempt = { email: user.email, userId: user.id, ip: options.context.ip, userAgent: options.context.userAgent, wait: options.wait };
  const charge = await chargeAttempt(attempt);
  const ok = await verifyPassword(input.currentPassword, user.passwordHash);
  if (charge.isLocked || !ok) {
    await settleFailure(attempt, charge, { action: "user.password_change_failed", summary: { reason: charge.isLocked ? "locked" : "wrong password" } });
    if (charge.isLocked) {
      throw new AppError("RATE_LIMITED", "Too many wrong passwords: your account is locked for 15 minutes. An admin can unlock it sooner.");
    }
    throw new AppError("INVALID", "Check the highlighted fields.", { currentPassword: ["That is not your current password."] });
  }
  if (input.newPassword === input.currentPassword) {
    await db.$transaction((tx) => settleSuccess(tx, attempt));
    throw new AppError("INVALID", "Check the highlighted fields.", { newPassword: ["Choose a password different from the current one."] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const result = await db.$transaction(async (tx) => {
    await settleSuccess(tx, attempt);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    const ended = await revokeUserSessions(tx, user.id, { exceptSessionId: options.actor.sessionId });
    await auditUserChange(tx, { action: "user.password_change", actor: user, userId: user.id, summary: { sessionsEnded: ended }, context: options.context });
    return { sessionsEnded: ended };
  });
  void sendAccountNotice({ name: user.name, address: user.email }, { kind: "password_changed" }, options.context);
  return result;
}
