import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { diffSnapshots } from "@/lib/records/diff";

export interface AuditEntry {
  action: string;
  actorId?: string | null;
  actorEmail?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  /** Before/after summary. Never put a secret here. */
  summary?: Prisma.InputJsonValue | null;
  /**
   * Where the request came from. Leave both out inside a request and they are read
   * from it (lib/audit/request-context.ts); pass null for work no request asked for.
   */
  ip?: string | null;
  userAgent?: string | null;
  /** What a save changed, when the caller has both versions at hand (else see changedFields). */
  changes?: { before: unknown; after: unknown };
}

/** How many changed fields a row names, and how long a before/after value may be. */
const MAX_CHANGED = 40;
const MAX_VALUE = 200;

// Audit target types whose saves keep a Revision (lib/records/revisions.ts), by their Revision kind.
const REVISION_KINDS: Record<string, string> = {
  Event: "EVENT",
  Statement: "STATEMENT",
  Person: "PERSON",
  Organization: "ORGANIZATION",
  Agreement: "AGREEMENT",
  Topic: "TOPIC",
};

function clip(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : (typeof value === "string" ? value : (value as Prisma.InputJsonValue));
}

function describeChanges(before: unknown, after: unknown) {
  const changes = diffSnapshots(before, after);
  return {
    changed: changes.slice(0, MAX_CHANGED).map((c) => ({ field: c.path, before: clip(c.before), after: clip(c.after) })),
    ...(changes.length > MAX_CHANGED ? { moreChanged: changes.length - MAX_CHANGED } : {}),
  };
}

/**
 * What a content save changed, read from the revisions written in the same
 * transaction: a save that records `version: n` in its summary is compared with the
 * record's previous revision. Nothing is asked of the caller but the version it
 * already records.
 */
async function changedFields(tx: Tx, entry: AuditEntry) {
  const kind = entry.targetType ? REVISION_KINDS[entry.targetType] : undefined;
  const version = (entry.summary as { version?: unknown } | null | undefined)?.version;
  if (!kind || !entry.targetId || typeof version !== "number") return null;
  const revisions = await tx.revision.findMany({
    where: { kind: kind as never, entityId: entry.targetId, version: { lte: version } },
    orderBy: { version: "desc" },
    take: 2,
    select: { version: true, data: true },
  });
  if (revisions[0]?.version !== version) return null;
  return describeChanges(revisions[1]?.data ?? {}, revisions[0].data);
}

/** The client address and user agent of the request this code runs in, or nulls outside one. */
async function requestOrigin(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const { headers } = await import("next/headers");
    const { clientAddress, userAgentOf } = await import("@/lib/auth/client-address");
    const h = await headers();
    return { ip: clientAddress(h), userAgent: userAgentOf(h) };
  } catch {
    return { ip: null, userAgent: null }; // a script, a test, a job: no request
  }
}

/**
 * Appends one row to the audit log. Pass the transaction of the change it records,
 * so the change and its record land together or not at all. Inside a request, the
 * client address and user agent are recorded whether or not the caller passes them,
 * and a content save records which fields it changed.
 */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const origin = entry.ip === undefined && entry.userAgent === undefined ? await requestOrigin() : { ip: entry.ip ?? null, userAgent: entry.userAgent ?? null };
  const changes = entry.changes ? describeChanges(entry.changes.before, entry.changes.after) : await changedFields(tx, entry);
  const summary =
    changes && (entry.summary === undefined || entry.summary === null || (typeof entry.summary === "object" && !Array.isArray(entry.summary)))
      ? ({ ...((entry.summary as Record<string, Prisma.InputJsonValue> | null | undefined) ?? {}), ...changes } as Prisma.InputJsonValue)
      : entry.summary;
  await tx.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      actorEmail: entry.actorEmail ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      summary: summary ?? undefined,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
    },
  });
}
