import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  accountKey,
  addressKey,
  clearThrottle,
  failureDelayMs,
  recordFailure,
  releaseCharge,
  type ThrottleState,
} from "./throttle";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Who is trying a secret (a password, a two-factor code) and from where. */
export interface Attempt {
  /** Normalised email: the account counter's key, known account or not. */
  email: string;
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** Tests pass a recorder instead of really waiting. */
  wait?: (ms: number) => Promise<unknown>;
}

export interface Charge {
  states: ThrottleState[];
  isLocked: boolean;
  /** The account counter after this attempt's charge. */
  accountFailures: number;
  accountLockedUntil: Date | null;
}

/**
 * Every guess at a secret goes through here: sign-in, the current password on
 * /account, a two-factor code. It is charged against the account and the client
 * address before the secret is looked at, so an attempt whose bookkeeping fails is
 * never a free guess, and a lock holds whatever the secret was.
 */
export async function chargeAttempt(attempt: Attempt): Promise<Charge> {
  const keys = [{ key: accountKey(attempt.email), limit: ACCOUNT_LIMIT }];
  if (attempt.ip) keys.push({ key: addressKey(attempt.ip), limit: ADDRESS_LIMIT });
  const states = await db.$transaction(
    async (tx) => {
      const charged = await recordFailure(tx, keys);
      for (const state of charged.filter((s) => s.justLocked)) {
        const isAccount = state.key.startsWith("account:");
        await writeAudit(tx, {
          action: "auth.locked",
          actorEmail: attempt.email || null,
          targetType: isAccount ? "User" : "Address",
          targetId: isAccount ? attempt.userId : attempt.ip,
          summary: { lockedBy: isAccount ? "account" : "address", failures: state.failures, until: state.lockedUntil!.toISOString() },
          ip: attempt.ip,
          userAgent: attempt.userAgent,
        });
      }
      return charged;
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  const account = states[0]!;
  return {
    states,
    isLocked: states.some((s) => s.lockedUntil),
    accountFailures: account.failures,
    accountLockedUntil: account.lockedUntil,
  };
}

/**
 * Records a failed attempt (the user's counters and an audit row), then waits the
 * delay its failures have earned, so a script pays in time for every guess.
 */
export async function settleFailure(
  attempt: Attempt,
  charge: Charge,
  audit: { action: string; summary: Record<string, Prisma.InputJsonValue | null> },
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      if (attempt.userId) {
        await tx.user.update({
          where: { id: attempt.userId },
          data: { failedSignIns: charge.accountFailures, lockedUntil: charge.accountLockedUntil },
        });
      }
      await writeAudit(tx, {
        action: audit.action,
        actorId: attempt.userId,
        actorEmail: attempt.email || null,
        targetType: "User",
        targetId: attempt.userId,
        summary: { ...audit.summary, failures: charge.accountFailures },
        ip: attempt.ip,
        userAgent: attempt.userAgent,
      });
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  await (attempt.wait ?? sleep)(failureDelayMs(Math.max(...charge.states.map((s) => s.failures))));
}

/**
 * Takes back a good attempt's charge, inside the caller's transaction: the account
 * starts clean, the address gives back only this one attempt (one good account must
 * not wash an address clean).
 */
export async function settleSuccess(tx: Tx, attempt: Attempt) {
  await clearThrottle(tx, accountKey(attempt.email));
  if (attempt.ip) await releaseCharge(tx, addressKey(attempt.ip));
  if (attempt.userId) await tx.user.update({ where: { id: attempt.userId }, data: { failedSignIns: 0, lockedUntil: null } });
}
