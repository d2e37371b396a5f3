import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { sendAccountNotice } from "@/lib/mail/send-account-notice";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { createToken, hashToken, isWellFormedToken } from "@/lib/auth/tokens";
import { accountKey, clearThrottle, normaliseEmail, recordFailure } from "@/lib/auth/throttle";
import type { Tx } from "@/lib/db/client";
import { isMailConfigured } from "@/lib/mail/mailer";
import { sendPasswordResetEmail } from "@/lib/mail/send-password-reset";
import type { Actor, RequestContext } from "./actor";
import {
  ForgotPasswordInputSchema,
  ResetPasswordInputSchema,
  UserIdInputSchema,
} from "./schemas";
import { auditUserChange } from "./audit-user";
import { changeUser } from "./user-change";

export const RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;
const INVALID_LINK = "This password-reset link is not valid any more. Ask for a new one.";

/** How long a link someone asked for themselves stays usable: an inbox is a weaker vault than an admin's hand. */
export const REQUESTED_RESET_LIFETIME_MS = 60 * 60 * 1000;
/** "Forgot password?" requests allowed per email and per client address in one throttle window. */
export const RESET_REQUESTS_PER_EMAIL = 3;
export const RESET_REQUESTS_PER_ADDRESS = 20;

/** Makes a reset for a user inside the caller's transaction; earlier open links stop working. */
async function issueReset(tx: Tx, options: { userId: string; createdById: string | null; now: Date; lifetimeMs: number }) {
  const { token, tokenHash } = createToken();
  await tx.passwordReset.updateMany({ where: { userId: options.userId, usedAt: null, expiresAt: { gt: options.now } }, data: { expiresAt: options.now } });
  const created = await tx.passwordReset.create({
    data: { userId: options.userId, tokenHash, createdById: options.createdById, createdAt: options.now, expiresAt: new Date(options.now.getTime() + options.lifetimeMs) },
    select: { id: true, expiresAt: true },
  });
  return { ...created, token };
}

const resetLink = (origin: string, token: string) => `${origin.replace(/\/$/, "")}/reset/${token}`;

/** An admin makes a single-use reset link for someone; earlier links stop working. */
export async function createPasswordReset(options: { actor: Actor; input: unknown; context: RequestContext; origin: string; now?: Date }) {
  const input = parseInput(UserIdInputSchema, options.input);
  const now = options.now ?? new Date();
  const reset = await changeUser({ userId: input.userId, select: { id: true, email: true, isActive: true } }, async (tx, user) => {
    if (!user.isActive) throw new AppError("CONFLICT", "Reactivate this account before resetting its password.");
    const created = await issueReset(tx, { userId: user.id, createdById: options.actor.id, now, lifetimeMs: RESET_LIFETIME_MS });
    await auditUserChange(tx, { action: "user.password_reset_link", actor: options.actor, userId: user.id, summary: { email: user.email, resetId: created.id }, context: options.context });
    return created;
  });
  return { id: reset.id, expiresAt: reset.expiresAt, token: reset.token, link: resetLink(options.origin, reset.token) };
}

/**
 * "Forgot password?": e-mails a single-use link to the account with this email, if
 * there is an active one. The answer and the work are the same either way (one
 * throttle charge, one transaction with an audit row; the mail goes out after the
 * answer), so the answer never tells whether an address has an account. Throttled
 * per email (known or not) and per client address; needs SMTP_URL.
 */
export async function requestPasswordReset(options: { input: unknown; context: RequestContext; origin: string; now?: Date }) {
  if (!isMailConfigured()) throw new AppError("CONFLICT", "This Chancery does not send e-mail. Ask an admin for a password-reset link.");
  const input = parseInput(ForgotPasswordInputSchema, options.input);
  const email = normaliseEmail(input.email);
  const now = options.now ?? new Date();
  const keys = [{ key: `reset:${email}`, limit: RESET_REQUESTS_PER_EMAIL + 1 }];
  if (options.context.ip) keys.push({ key: `reset-address:${options.context.ip}`, limit: RESET_REQUESTS_PER_ADDRESS + 1 });
  const mail = await db.$transaction(async (tx) => {
    const states = await recordFailure(tx, keys, now);
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, isActive: true } });
    const refused = states.some((s) => s.lockedUntil);
    const matched = !!user?.isActive && !refused;
    const reset = matched ? await issueReset(tx, { userId: user.id, createdById: null, now, lifetimeMs: REQUESTED_RESET_LIFETIME_MS }) : null;
    await writeAudit(tx, {
      action: refused ? "user.password_reset_throttled" : "user.password_reset_request",
      actorEmail: email,
      targetType: "User",
      targetId: user?.id ?? null,
      summary: { email, ...(reset ? { resetId: reset.id } : { sent: false }) },
      ...options.context,
    });
    if (refused) return "refused" as const;
    return reset && user ? { to: { name: user.name, address: user.email }, link: resetLink(options.origin, reset.token), expiresAt: reset.expiresAt } : null;
  });
  if (mail === "refused") throw new AppError("RATE_LIMITED", "Too many password-reset requests. Try again in 15 minutes, or ask an admin.");
  // Not awaited: how long the SMTP server takes must not tell anyone that the account exists.
  if (mail) void sendPasswordResetEmail(mail);
  return { email };
}

/** The reset behind a link, if it can still be used. */
export async function findOpenPasswordReset(token: string, now = new Date()) {
  if (!isWellFormedToken(token)) return null;
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, isActive: true } } },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= now || !reset.user.isActive) return null;
  return reset;
}

/** Sets a new password from a reset link; every session of that user ends. Works once. */
export async function resetPassword(options: { input: unknown; context: RequestContext; now?: Date }) {
  const input = parseInput(ResetPasswordInputSchema, options.input);
  const now = options.now ?? new Date();
  const reset = await findOpenPasswordReset(input.token, now);
  if (!reset) throw new AppError("NOT_FOUND", INVALID_LINK);
  const passwordHash = await hashPassword(input.password);
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID_LINK);
    await tx.user.update({ where: { id: reset.user.id }, data: { passwordHash, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null } });
    await clearThrottle(tx, accountKey(reset.user.email));
    const ended = await revokeUserSessions(tx, reset.user.id, { now });
    await auditUserChange(tx, { action: "user.password_reset", actor: reset.user, userId: reset.user.id, summary: { resetId: reset.id, sessionsEnded: ended }, context: options.context });
    return { userId: reset.user.id, email: reset.user.email };
  });
  void sendAccountNotice({ name: reset.user.name, address: reset.user.email }, { kind: "password_reset" }, options.context, now);
  return result;
}
