import { db } from "@/lib/db/client";
import { replaceBadCharacters } from "@/lib/records/fields";
import type { Tx } from "@/lib/db/client";

/**
 * Sign-in throttling, counted in the database so that every server process and
 * restart sees the same numbers. Two counters per failed attempt:
 *   account:<normalised email>  (known or not, so probing unknown emails is counted too)
 *   address:<client address>    (only when the address is known; see client-address.ts)
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 30;
/** Higher than the account limit: an office behind one NAT address shares it. */
export const ADDRESS_LIMIT = 100;
/** Failures before responses start to slow down, and the ceiling of that delay. */
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 2_000;

/**
 * An email as accounts are looked up and throttled by: NFKC, trimmed, lower case. A control
 * character (a NUL, which PostgreSQL refuses in text) or half of a surrogate pair
 * (findBadCharacter) becomes U+FFFD, so that such an address is an unknown one, answered as
 * any other, and never a database error: no account's email holds either (lib/users/schemas.ts
 * refuses them).
 */
export function normaliseEmail(email: string): string {
  return replaceBadCharacters(email, "\ufffd").normalize("NFKC").trim().toLowerCase().slice(0, 320);
}

export function accountKey(email: string): string {
  return `account:${normaliseEmail(email)}`;
}

export function addressKey(address: string): string {
  return `address:${address}`;
}

export interface ThrottleState {
  key: string;
  failures: number;
  lockedUntil: Date | null;
}

/** The current state of some keys; expired windows and locks read as clean. */
export async function readThrottle(keys: string[], now = new Date()): Promise<ThrottleState[]> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  return rows.map((row) => {
    const windowOpen = now.getTime() - row.windowStart.getTime() < THROTTLE_WINDOW_MS;
    const locked = row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
    return { key: row.key, failures: windowOpen || locked ? row.failures : 0, lockedUntil: locked };
  });
}

/**
 * Counts one failure on each key, atomically (concurrent attempts cannot slip
 * past the limit), and locks a key that reaches its limit. Returns the new states.
 */
export async function recordFailure(tx: Tx, keys: { key: string; limit: number }[], now = new Date()) {
  const states: (ThrottleState & { justLocked: boolean })[] = [];
  for (const { key, limit } of keys) {
    const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
    const lockUntil = new Date(now.getTime() + LOCK_MS);
    // A window that has passed (and whose lock, if any, has ended) starts again at 1.
    const [row] = await tx.$queryRaw<{ failures: number; lockedUntil: Date | null; wasLocked: boolean }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil", "updatedAt")
      VALUES (${key}, 1, ${now}, NULL, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE
          WHEN "SignInThrottle"."windowStart" < ${windowStart}
           AND ("SignInThrottle"."lockedUntil" IS NULL OR "SignInThrottle"."lockedUntil" <= ${now}) THEN 1
          ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE
          WHEN "SignInThrottle"."windowStart" < ${windowStart}
           AND ("SignInThrottle"."lockedUntil" IS NULL OR "SignInThrottle"."lockedUntil" <= ${now}) THEN ${now}
          ELSE "SignInThrottle"."windowStart" END,
        "updatedAt" = ${now}
      RETURNING "failures", "lockedUntil", ("lockedUntil" IS NOT NULL AND "lockedUntil" > ${now}) AS "wasLocked"`;
    let lockedUntil = row!.wasLocked ? row!.lockedUntil : null;
    let justLocked = false;
    if (!lockedUntil && row!.failures >= limit) {
      await tx.signInThrottle.update({ where: { key }, data: { lockedUntil: lockUntil } });
      lockedUntil = lockUntil;
      justLocked = true;
    }
    states.push({ key, failures: row!.failures, lockedUntil, justLocked });
  }
  return states;
}

/** Forgets the failures of one key (a successful sign-in, an admin's unlock). */
export async function clearThrottle(tx: Tx, key: string) {
  await tx.signInThrottle.deleteMany({ where: { key } });
}

/**
 * How long a failed answer waits, growing with the failures on the key: cheap
 * for someone who mistyped twice, slow for a script. Capped, so that nobody can
 * make the answers for someone else's account take forever.
 */
export function failureDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 100 * 2 ** Math.min(10, failures - FREE_FAILURES - 1));
}

/** Takes back the charge of one attempt that turned out to be good. */
export async function releaseCharge(tx: Tx, key: string) {
  await tx.$executeRaw`UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${key}`;
}
