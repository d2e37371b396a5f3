import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { diffSnapshots } from "@/lib/records/diff";
import { insertRows } from "@/lib/records/insert-rows";

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
 * What content saves changed, read from the revisions written in the same
 * transaction: a save that records `version: n` in its summary is compared with the
 * record's previous revision. Nothing is asked of the caller but the version it
 * already records. One query for any number of entries (each reads its own two
 * latest revisions up to its version).
 */
async function changedFields(tx: Tx, entries: Array<AuditEntry | null>) {
  const wanted = entries.map((entry) => {
    if (!entry) return null;
    const kind = entry.targetType ? REVISION_KINDS[entry.targetType] : undefined;
    const version = (entry.summary as { version?: unknown } | null | undefined)?.version;
    return kind && entry.targetId && typeof version === "number" && Number.isInteger(version) ? { kind, entityId: entry.targetId, version } : null;
  });
  const asked = wanted.filter((w) => w !== null);
  if (!asked.length) return wanted.map(() => null);
  const rows = await tx.$queryRaw<Array<{ kind: string; entityId: string; at: number; version: number; data: unknown }>>`
    SELECT w.kind, w."entityId", w.version AS at, r.version, r.data
    FROM unnest(${asked.map((w) => w.kind)}::text[], ${asked.map((w) => w.entityId)}::text[], ${asked.map((w) => w.version)}::int[]) AS w(kind, "entityId", version)
    CROSS JOIN LATERAL (
      SELECT version, data FROM "Revision"
      WHERE kind = w.kind::"ContentKind" AND "entityId" = w."entityId" AND version <= w.version
      ORDER BY version DESC LIMIT 2
    ) r
    ORDER BY r.version DESC`;
  const key = (kind: string, entityId: string, version: number) => `${kind}\u0000${entityId}\u0000${version}`;
  const byEntry = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = key(r.kind, r.entityId, r.at);
    byEntry.set(k, [...(byEntry.get(k) ?? []), r]);
  }
  return wanted.map((w) => {
    if (!w) return null;
    const revisions = byEntry.get(key(w.kind, w.entityId, w.version)) ?? [];
    if (revisions[0]?.version !== w.version) return null;
    return describeChanges(revisions[1]?.data ?? {}, revisions[0].data);
  });
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
export const writeAudit = (tx: Tx, entry: AuditEntry): Promise<void> => writeAudits(tx, [entry]);

/** Appends many rows at once (a bulk import's batch), each as `writeAudit` would: one query for the changes, one insert. */
export async function writeAudits(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const fromRequest = (entry: AuditEntry) => entry.ip === undefined && entry.userAgent === undefined;
  const here = entries.some(fromRequest) ? await requestOrigin() : null;
  const read = await changedFields(tx, entries.map((entry) => (entry.changes ? null : entry)));
  const at = new Date();
  await insertRows(
    tx,
    "AuditLog",
    AUDIT_COLUMNS,
    entries.map((entry, i) => {
      const origin = fromRequest(entry) && here ? here : { ip: entry.ip ?? null, userAgent: entry.userAgent ?? null };
      const changes = entry.changes ? describeChanges(entry.changes.before, entry.changes.after) : (read[i] ?? null);
      const summary =
        changes && (entry.summary === undefined || entry.summary === null || (typeof entry.summary === "object" && !Array.isArray(entry.summary)))
          ? ({ ...((entry.summary as Record<string, Prisma.InputJsonValue> | null | undefined) ?? {}), ...changes } as Prisma.InputJsonValue)
          : entry.summary;
      return {
        at,
        action: entry.action,
        actorId: entry.actorId ?? null,
        actorEmail: entry.actorEmail ?? null,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        summary: summary ?? null,
        ip: origin.ip,
        userAgent: origin.userAgent?.slice(0, 500) ?? null,
      };
    }),
  );
}

const AUDIT_COLUMNS = { at: "timestamptz", action: "text", actorId: "text", actorEmail: "text", targetType: "text", targetId: "text", summary: "jsonb", ip: "text", userAgent: "text" } as const;
