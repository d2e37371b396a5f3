import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { accountKey, clearThrottle } from "@/lib/auth/throttle";
import { createToken, hashToken, isWellFormedToken } from "@/lib/auth/tokens";
import type { Actor, RequestContext } from "./actor";
import { ResetPasswordInputSchema, UserIdInputSchema, fieldErrorsOf, type ResetPasswordInput, type UserIdInput } from "./schemas";

export const RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;
const INVALID_LINK = "This password-reset link is not valid any more. Ask an admin for a new one.";

/** An admin makes a single-use reset link for someone; earlier links stop working. */
export async function createPasswordReset(options: { actor: Actor; input: UserIdInput; context: RequestContext; origin: string; now?: Date }) {
  const parsed = UserIdInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("INVALID", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const now = options.now ?? new Date();
  const { token, tokenHash } = createToken();
  const reset = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: parsed.data.userId }, select: { id: true, email: true, isActive: true } });
    if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
    if (!user.isActive) throw new AppError("CONFLICT", "Reactivate this account before resetting its password.");
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const created = await tx.passwordReset.create({
      data: { userId: user.id, tokenHash, createdById: options.actor.id, createdAt: now, expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS) },
      select: { id: true, expiresAt: true },
    });
    await writeAudit(tx, {
      action: "user.password_reset_link",
      actorId: options.actor.id,
      actorEmail: options.actor.email,
      targetType: "User",
      targetId: user.id,
      summary: { email: user.email, resetId: created.id },
      ...options.context,
    });
    return created;
  });
  return { ...reset, token, link: `${options.origin.replace(/\/$/, "")}/reset/${token}` };
}

/** The reset behind a link, if it can still be used. */
export async function findOpenPasswordReset(token: string, now = new Date()) {
  if (!isWellFormedToken(token)) return null;
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, isActive: true } } },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= now || !reset.user.isActive) return null;
  return reset;
}

/** Sets a new password from a reset link; every session of that user ends. Works once. */
export async function resetPassword(options: { input: ResetPasswordInput; context: RequestContext; now?: Date }) {
  const parsed = ResetPasswordInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("INVALID", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const now = options.now ?? new Date();
  const reset = await findOpenPasswordReset(parsed.data.token, now);
  if (!reset) throw new AppError("NOT_FOUND", INVALID_LINK);
  const passwordHash = await hashPassword(parsed.data.password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID_LINK);
    await tx.user.update({ where: { id: reset.user.id }, data: { passwordHash, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null } });
    await clearThrottle(tx, accountKey(reset.user.email));
    const ended = await revokeUserSessions(tx, reset.user.id, { now });
    await writeAudit(tx, {
      action: "user.password_reset",
      actorId: reset.user.id,
      actorEmail: reset.user.email,
      targetType: "User",
      targetId: reset.user.id,
      summary: { resetId: reset.id, sessionsEnded: ended },
      ...options.context,
    });
    return { userId: reset.user.id, email: reset.user.email };
  });
}
