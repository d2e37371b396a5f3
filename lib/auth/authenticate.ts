import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { clientAddress } from "./client-address";
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  accountKey,
  addressKey,
  clearThrottle,
  failureDelayMs,
  normaliseEmail,
  readThrottle,
  recordFailure,
} from "./throttle";

// Checked against when the email is unknown, so every failure costs the same time.
let dummyHash: Promise<string> | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password. Every failure gives the same answer (null) after
 * the same work: one password hash, one transaction, and a delay that grows with
 * the failures on the account and the client address. On success, creates a
 * session and records the sign-in; on failure, records that (and any lock-out).
 */
export async function authenticate(input: {
  email: string;
  password: string;
  headers: Record<string, string | string[] | undefined> | Headers;
  /** Tests pass a recorder instead of really waiting. */
  wait?: (ms: number) => Promise<unknown>;
}): Promise<{ userId: string; sessionId: string } | null> {
  const email = normaliseEmail(input.email);
  const password = input.password.slice(0, 1024);
  const ip = clientAddress(input.headers);
  const userAgent =
    (input.headers instanceof Headers ? input.headers.get("user-agent") : String(input.headers["user-agent"] ?? "")) ?? "";
  const keys = [{ key: accountKey(email), limit: ACCOUNT_LIMIT }];
  if (ip) keys.push({ key: addressKey(ip), limit: ADDRESS_LIMIT });

  const [user, throttle] = await Promise.all([
    email ? db.user.findUnique({ where: { email } }) : null,
    readThrottle(keys.map((k) => k.key)),
  ]);
  const isLocked = throttle.some((t) => t.lockedUntil);
  dummyHash ??= hashPassword("chancery-timing-equaliser");
  // The hash is checked even when locked, so a locked account answers in the same time.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));

  if (isLocked || !user || !ok || !user.isActive || !user.passwordHash) {
    const reason = isLocked ? "locked" : !user ? "unknown email" : !user.isActive ? "inactive" : "wrong password";
    const states = await db.$transaction(async (tx) => {
      const counted = await recordFailure(tx, keys);
      const account = counted[0]!;
      if (user) {
        await tx.user.update({
          where: { id: user.id },
          data: { failedSignIns: account.failures, lockedUntil: account.lockedUntil },
        });
      }
      await writeAudit(tx, {
        action: "auth.sign_in_failed",
        actorId: user?.id ?? null,
        actorEmail: email || null,
        targetType: "User",
        targetId: user?.id ?? null,
        summary: { reason, failures: account.failures },
        ip,
        userAgent,
      });
      for (const state of counted.filter((s) => s.justLocked)) {
        const isAccount = state.key.startsWith("account:");
        await writeAudit(tx, {
          action: "auth.locked",
          actorEmail: email || null,
          targetType: isAccount ? "User" : "Address",
          targetId: isAccount ? (user?.id ?? null) : ip,
          summary: { lockedBy: isAccount ? "account" : "address", failures: state.failures, until: state.lockedUntil!.toISOString() },
          ip,
          userAgent,
        });
      }
      return counted;
    });
    await (input.wait ?? sleep)(failureDelayMs(Math.max(...states.map((s) => s.failures))));
    return null;
  }

  const session = await createSession({ userId: user.id, ip, userAgent });
  await db.$transaction(async (tx) => {
    // The address counter is left alone: one good account must not wash an address clean.
    await clearThrottle(tx, accountKey(email));
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), failedSignIns: 0, lockedUntil: null } });
    await writeAudit(tx, { action: "auth.sign_in", actorId: user.id, actorEmail: user.email, targetType: "User", targetId: user.id, ip, userAgent });
  });
  return { userId: user.id, sessionId: session.id };
}
