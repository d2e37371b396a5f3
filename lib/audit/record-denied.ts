import { db } from "@/lib/db/client";
import { writeAudit } from "./write-audit";
import { recordFailure } from "@/lib/auth/throttle";

/**
 * Denied requests, in the audit log without letting a script fill it. A signed-in
 * user's denial is always one row (someone with an account tried something). An
 * anonymous client's denials are counted per address in a 15-minute window (the
 * sign-in throttle's table, under `denied:` keys): the first denial of each route
 * gets its row (at most 20 such per window), then one `access.denied_repeated` row
 * at the 10th, 100th, 1000th… denial says how many there were. Past
 * ANONYMOUS_DENIAL_LIMIT the address gets 429 until the window ends.
 */
export const ANONYMOUS_DENIAL_LIMIT = 1_000;
const FULL_ROWS_PER_WINDOW = 20;

export interface Denial {
  actor: { id: string; email: string; role: string } | null;
  required: string;
  what: string;
  ip: string | null;
  userAgent: string | null;
}

const isPowerOfTen = (n: number) => n >= 10 && /^10*$/.test(String(n));

/** Records a denial; answers whether the client has been denied so often that it is now refused outright. */
export async function recordDenied(denial: Denial): Promise<{ isRateLimited: boolean }> {
  const what = denial.what.slice(0, 200);
  const row = {
    actorId: denial.actor?.id ?? null,
    actorEmail: denial.actor?.email ?? null,
    targetType: "Route",
    targetId: what,
    ip: denial.ip,
    userAgent: denial.userAgent,
  };
  return db.$transaction(async (tx) => {
    if (denial.actor) {
      await writeAudit(tx, { action: "access.denied", ...row, summary: { required: denial.required, role: denial.actor.role } });
      return { isRateLimited: false };
    }
    const address = denial.ip ?? "unknown";
    const [client, route] = await recordFailure(tx, [
      { key: `denied:${address}`, limit: ANONYMOUS_DENIAL_LIMIT },
      { key: `denied:${address}|${what}`, limit: Number.MAX_SAFE_INTEGER },
    ]);
    if (route!.failures === 1 && client!.failures <= FULL_ROWS_PER_WINDOW) {
      await writeAudit(tx, { action: "access.denied", ...row, summary: { required: denial.required, role: null } });
    } else if (isPowerOfTen(client!.failures)) {
      await writeAudit(tx, { action: "access.denied_repeated", ...row, targetType: "Address", targetId: address, summary: { denials: client!.failures, lastRoute: what, windowMinutes: 15 } });
    }
    if (client!.justLocked) {
      await writeAudit(tx, { action: "access.rate_limited", ...row, targetType: "Address", targetId: address, summary: { denials: client!.failures, until: client!.lockedUntil!.toISOString() } });
    }
    return { isRateLimited: client!.lockedUntil !== null };
  });
}
