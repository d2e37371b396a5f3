import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { chargeAttempt, settleFailure, settleSuccess, type Attempt } from "./attempt";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { clientAddress, userAgentOf, type HeaderBag } from "./client-address";
import { normaliseEmail } from "./throttle";

// Checked against when the email is unknown, so every failure costs the same time.
let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Every failure gives the same answer (null) after
 * the same work: one password hash, one transaction, and a delay that grows with
 * the failures on the account and the client address. On success, creates a
 * session and records the sign-in; on failure, records that (and any lock-out).
 */
export async function authenticate(input: {
  email: string;
  password: string;
  headers: HeaderBag;
  /** Tests pass a recorder instead of really waiting. */
  wait?: (ms: number) => Promise<unknown>;
}): Promise<{ userId: string; sessionId: string } | null> {
  const email = normaliseEmail(input.email);
  const password = input.password.slice(0, 1024);
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

  // A hash from before argon2id (or with weaker parameters) is replaced now that we hold the password.
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
  const session = await createSession({ userId: user.id, ip: attempt.ip, userAgent: attempt.userAgent });
  await db.$transaction(async (tx) => {
    await settleSuccess(tx, attempt);
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    // Guarded by the old hash: a password changed meanwhile is never overwritten.
    if (rehashed) await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: rehashed } });
    await writeAudit(tx, {
      action: "auth.sign_in",
      actorId: user.id,
      actorEmail: user.email,
      targetType: "User",
      targetId: user.id,
      summary: rehashed ? { rehashed: "argon2id" } : undefined,
      ip: attempt.ip,
      userAgent: attempt.userAgent,
    });
  });
  return { userId: user.id, sessionId: session.id };
}
