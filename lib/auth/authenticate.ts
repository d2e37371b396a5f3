import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { chargeAttempt, settleFailure, settleSuccess, type Attempt } from "./attempt";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { clientAddress, userAgentOf, type HeaderBag } from "./client-address";
import { browserIdFrom, hashBrowserId } from "./browser-cookie";
import { sendNewSignInMail } from "@/lib/mail/send-new-sign-in";
import { normaliseEmail } from "./throttle";
import { hashRecoveryCode, isRecoveryCodeShaped, verifyTotp } from "./two-factor";

// Checked against when the email is unknown, so every failure costs the same time.
let dummyHash: Promise<string> | undefined;

/** The password was right, the account has two-factor sign-in, and no code came with it. */
export class SecondFactorRequired extends Error {
  override name = "SecondFactorRequired";
}

/** Claims a second factor for good: a TOTP step newer than the last one used, or an unused recovery code. */
async function claimSecondFactor(user: { id: string; totpSecret: string; totpLastStep: number | null }, code: string) {
  if (isRecoveryCodeShaped(code)) {
    const used = await db.recoveryCode.updateMany({
      where: { userId: user.id, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    return used.count === 1 ? "recovery code" : null;
  }
  const step = await verifyTotp({ secret: user.totpSecret, code, lastStep: user.totpLastStep });
  if (step === null) return null;
  // Guarded, so the same code sent twice at once is accepted once.
  const claimed = await db.user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return claimed.count === 1 ? "authenticator code" : null;
}

/**
 * Checks an email and password (and, for accounts with two-factor sign-in, a code).
 * Every failure gives the same answer (null) after the same work: one password
 * hash, one transaction, and a delay that grows with the failures on the account
 * and the client address. On success, creates a session and records the sign-in;
 * on failure, records that (and any lock-out). A right password without the code
 * an account needs throws SecondFactorRequired, and still counts as an attempt.
 */
export async function authenticate(input: {
  email: string;
  password: string;
  /** A TOTP code or a recovery code, for accounts with two-factor sign-in. */
  code?: string;
  headers: HeaderBag;
  /** Tests pass a recorder instead of really waiting. */
  wait?: (ms: number) => Promise<unknown>;
}): Promise<{ userId: string; sessionId: string } | null> {
  const email = normaliseEmail(input.email);
  const password = input.password.slice(0, 1024);
  const code = (input.code ?? "").trim().slice(0, 32);
  const user = email ? await db.user.findUnique({ where: { email } }) : null;
  const attempt: Attempt = {
    email,
    userId: user?.id ?? null,
    ip: clientAddress(input.headers),
    userAgent: userAgentOf(input.headers),
    wait: input.wait,
  };
  const charge = await chargeAttempt(attempt);
  dummyHash ??= hashPassword("chancery-timing-equaliser");
  // The hash is checked even when locked, so a locked account answers in the same time.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));

  if (charge.isLocked || !user || !ok || !user.isActive || !user.passwordHash) {
    const reason = charge.isLocked ? "locked" : !user ? "unknown email" : !user.isActive ? "inactive" : "wrong password";
    await settleFailure(attempt, charge, { action: "auth.sign_in_failed", summary: { reason } });
    return null;
  }

  let secondFactor: string | null = null;
  if (user.totpEnabledAt && user.totpSecret) {
    if (!code) {
      // Not released: learning that a password is right costs an attempt too.
      await settleFailure(attempt, charge, { action: "auth.second_factor_required", summary: { reason: "code required" } });
      throw new SecondFactorRequired();
    }
    secondFactor = await claimSecondFactor({ id: user.id, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep }, code);
    if (!secondFactor) {
      await settleFailure(attempt, charge, { action: "auth.sign_in_failed", summary: { reason: "wrong code" } });
      return null;
    }
  }

  // A hash from before argon2id (or with weaker parameters) is replaced now that we hold the password.
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
  const browserId = browserIdFrom(input.headers);
  const browserHash = browserId ? hashBrowserId(browserId) : null;
  const newBrowser = await isNewBrowser(user.id, browserHash);
  const session = await createSession({ userId: user.id, ip: attempt.ip, userAgent: attempt.userAgent, browserHash });
  await db.$transaction(async (tx) => {
    await settleSuccess(tx, attempt);
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    // Guarded by the old hash: a password changed meanwhile is never overwritten.
    if (rehashed) await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: rehashed } });
    const summary = { ...(rehashed ? { rehashed: "argon2id" } : {}), ...(secondFactor ? { secondFactor } : {}), ...(newBrowser ? { newBrowser: true } : {}) };
    await writeAudit(tx, {
      action: "auth.sign_in",
      actorId: user.id,
      actorEmail: user.email,
      targetType: "User",
      targetId: user.id,
      summary: Object.keys(summary).length ? summary : undefined,
      ip: attempt.ip,
      userAgent: attempt.userAgent,
    });
  });
  // After the commit, and never what the sign-in waits on or fails for.
  if (newBrowser) void sendNewSignInMail({ to: { name: user.name, address: user.email }, userAgent: attempt.userAgent, ip: attempt.ip, at: new Date() });
  return { userId: user.id, sessionId: session.id };
}

/**
 * Whether this sign-in comes from a browser the account has not signed in from
 * before (lib/auth/browser-cookie.ts): one without an id, or with an id none of
 * the account's sessions has. An account's first sign-in from a browser with an
 * id (its first ever, or its first since sessions kept them) is not news.
 */
async function isNewBrowser(userId: string, browserHash: string | null): Promise<boolean> {
  const [anyKnown, thisOne] = await Promise.all([
    db.userSession.findFirst({ where: { userId, browserHash: { not: null } }, select: { id: true } }),
    browserHash ? db.userSession.findFirst({ where: { userId, browserHash }, select: { id: true } }) : null,
  ]);
  return !!anyKnown && !thisOne;
}
