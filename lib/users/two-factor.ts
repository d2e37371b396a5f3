import { sendAccountNotice } from "@/lib/mail/send-account-notice";
import { actorName } from "./actor-name";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import { chargeAttempt, settleFailure, settleSuccess, type Attempt } from "@/lib/auth/attempt";
import { verifyPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from "@/lib/auth/two-factor";
import type { Actor, RequestContext } from "./actor";
import { UserIdInputSchema } from "./schemas";
import { auditUserChange } from "./audit-user";
import { changeUser } from "./user-change";

const CodeInputSchema = z.object({ code: z.string().trim().min(1, "Enter the 6-digit code from your app.").max(20) }).strict();
const PasswordInputSchema = z.object({ currentPassword: z.string().min(1, "Enter your current password.").max(1024) }).strict();

/** The two-factor state of a user, for their account page and the admin's. */
export async function getTwoFactorStatus(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, totpEnabledAt: true, totpPendingSecret: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  if (!user) return null;
  return {
    isEnabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user._count.recoveryCodes,
    // Shown until confirmed with a code: the secret as text and as a QR code.
    pending: user.totpEnabledAt === null && user.totpPendingSecret ? { secret: user.totpPendingSecret, uri: totpUri(user.email, user.totpPendingSecret) } : null,
  };
}

/** Starts (or restarts) enrolment: a new secret, waiting to be confirmed with a code from it. */
export async function startTwoFactorEnrolment(options: { actor: Actor; context: RequestContext }) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: options.actor.id }, select: { email: true, totpEnabledAt: true } });
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on. Turn it off first to set up a new app.");
    const secret = newTotpSecret();
    await tx.user.update({ where: { id: options.actor.id }, data: { totpPendingSecret: secret } });
    await auditUserChange(tx, { action: "user.two_factor_setup", actor: options.actor, userId: options.actor.id, context: options.context });
    return { secret, uri: totpUri(user.email, secret) };
  });
}

/**
 * Turns two-factor sign-in on, given a code from the new secret (so the app is known
 * to work), and returns the recovery codes: the only time they exist in clear.
 * Wrong codes count against the account like wrong passwords.
 */
export async function confirmTwoFactorEnrolment(options: { actor: Actor; input: unknown; context: RequestContext; wait?: (ms: number) => Promise<unknown> }) {
  const input = parseInput(CodeInputSchema, options.input);
  const user = await db.user.findUniqueOrThrow({ where: { id: options.actor.id }, select: { id: true, email: true, name: true, totpPendingSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on.");
  if (!user.totpPendingSecret) throw new AppError("CONFLICT", "Start the set-up first.");
  const attempt: Attempt = { email: user.email, userId: user.id, ip: options.context.ip, userAgent: options.context.userAgent, wait: options.wait };
  const charge = await chargeAttempt(attempt);
  const step = await verifyTotp({ secret: user.totpPendingSecret, code: input.code, lastStep: null });
  if (charge.isLocked || step === null) {
    await settleFailure(attempt, charge, { action: "user.two_factor_setup_failed", summary: { reason: charge.isLocked ? "locked" : "wrong code" } });
    if (charge.isLocked) throw new AppError("RATE_LIMITED", "Too many wrong codes: your account is locked for 15 minutes.");
    throw new AppError("INVALID", "Check the highlighted fields.", { code: ["That code is not right. Check the time on your phone and try the newest code."] });
  }
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await settleSuccess(tx, attempt);
    const claimed = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpPendingSecret: user.totpPendingSecret },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "The set-up changed meanwhile; start again.");
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code) })) });
    // Other sessions were signed in with the password alone.
    const ended = await revokeUserSessions(tx, user.id, { exceptSessionId: options.actor.sessionId });
    await auditUserChange(tx, { action: "user.two_factor_enable", actor: user, userId: user.id, summary: { sessionsEnded: ended }, context: options.context });
  });
  void sendAccountNotice({ name: user.name, address: user.email }, { kind: "two_factor_on" }, options.context);
  return { recoveryCodes: codes };
}

/** Turns one's own two-factor sign-in off, given the current password (throttled like sign-in). */
export async function disableOwnTwoFactor(options: { actor: Actor; input: unknown; context: RequestContext; wait?: (ms: number) => Promise<unknown> }) {
  const input = parseInput(PasswordInputSchema, options.input);
  const user = await db.user.findUniqueOrThrow({ where: { id: options.actor.id }, select: { id: true, email: true, name: true, passwordHash: true } });
  const attempt: Attempt = { email: user.email, userId: user.id, ip: options.context.ip, userAgent: options.context.userAgent, wait: options.wait };
  const charge = await chargeAttempt(attempt);
  const ok = user.passwordHash ? await verifyPassword(input.currentPassword, user.passwordHash) : false;
  if (charge.isLocked || !ok) {
    await settleFailure(attempt, charge, { action: "user.two_factor_disable_failed", summary: { reason: charge.isLocked ? "locked" : "wrong password" } });
    if (charge.isLocked) throw new AppError("RATE_LIMITED", "Too many wrong passwords: your account is locked for 15 minutes.");
    throw new AppError("INVALID", "Check the highlighted fields.", { currentPassword: ["That is not your current password."] });
  }
  await db.$transaction(async (tx) => {
    await settleSuccess(tx, attempt);
    await clearTwoFactor(tx, user.id);
    await auditUserChange(tx, { action: "user.two_factor_disable", actor: user, userId: user.id, context: options.context });
  });
  void sendAccountNotice({ name: user.name, address: user.email }, { kind: "two_factor_off" }, options.context);
  return { isEnabled: false };
}

/**
 * An admin turns someone's two-factor sign-in off (a lost phone and lost recovery
 * codes). Their sessions end; they sign in with the password and can enrol again.
 */
export async function resetTwoFactor(options: { actor: Actor; input: unknown; context: RequestContext }) {
  const input = parseInput(UserIdInputSchema, options.input);
  const result = await changeUser({ userId: input.userId, select: { id: true, email: true, name: true, totpEnabledAt: true } }, async (tx, user) => {
    await clearTwoFactor(tx, user.id);
    const ended = await revokeUserSessions(tx, user.id);
    await auditUserChange(tx, { action: "user.two_factor_reset", actor: options.actor, userId: user.id, summary: { email: user.email, before: { twoFactor: user.totpEnabledAt !== null }, after: { twoFactor: false }, sessionsEnded: ended }, context: options.context });
    return { id: user.id, changed: user.totpEnabledAt !== null, to: { name: user.name, address: user.email } };
  });
  if (result.changed) {
    void sendAccountNotice(result.to, { kind: "two_factor_reset", byName: await actorName(options.actor) }, options.context);
  }
  return { id: result.id, changed: result.changed };
}

async function clearTwoFactor(tx: Tx, userId: string) {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}
