import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "./actor";

/**
 * The audit row of a change to a staff account: who did it (an admin, or the
 * person themselves), to which account, what changed, and the request it came from.
 */
export function auditUserChange(
  tx: Tx,
  entry: { action: string; actor: { id: string; email: string }; userId: string; summary?: Prisma.InputJsonValue; context: RequestContext },
) {
  return writeAudit(tx, {
    action: entry.action,
    actorId: entry.actor.id,
    actorEmail: entry.actor.email,
    targetType: "User",
    targetId: entry.userId,
    summary: entry.summary,
    ...entry.context,
  });
}
