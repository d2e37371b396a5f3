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
  recordFailure,
  releaseCharge,
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

  const user = email ? await db.user.findUnique({ where: { email } }) : null;
  // Every attempt is charged before the password is looked at, so an attempt whose
  // bookkeeping fails (a busy database, a dropped request) is never a free guess.
  // A good password takes its charge back below.
  const charged = await db.$transaction(
    async (tx) => {
      const states = await recordFailure(tx, keys);
      for (const state of states.filter((s) => s.justLocked)) {
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
      return states;
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  const account = charged[0]!;
  const isLocked = charged.some((s) => s.lockedUntil);
  dummyHash ??= hashPassword("chancery-timing-equaliser");
  // The hash is checked even when locked, so a locked account answers in the same time.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));

  if (isLocked || !user || !ok || !user.isActive || !user.passwordHash) {
    const reason = isLocked ? "locked" : !user ? "unknown email" : !user.isActive ? "inactive" : "wrong password";
    await db.$transaction(
      async (tx) => {
        if (user) {
          await tx.user.update({ where: { id: user.id }, data: { failedSignIns: account.failures, lockedUntil: account.lockedUntil } });
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
      },
      { maxWait: 15_000, timeout: 15_000 },
    );
    await (input.wait ?? sleep)(failureDelayMs(Math.max(...charged.map((s) => s.failures))));
    return null;
  }

  const session = await createSession({ userId: user.id, ip, userAgent });
  await db.$transaction(async (tx) => {
    await clearThrottle(tx, accountKey(email));
    // Only this attempt's charge: one good account must not wash an address clean.
    if (ip) await releaseCharge(tx, addressKey(ip));
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), failedSignIns: 0, lockedUntil: null } });
    await writeAudit(tx, { action: "auth.sign_in", actorId: user.id, actorEmail: user.email, targetType: "User", targetId: user.id, ip, userAgent });
  });
  return { userId: user.id, sessionId: session.id };
}
