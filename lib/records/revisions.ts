import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import { diffSnapshots, type FieldChange } from "./diff";
import { insertRows, newId } from "./insert-rows";

interface RevisionEntry {
  kind: ContentKind;
  entityId: string;
  version: number;
  data: unknown;
  authorId: string | null;
  note?: string | null;
}

const revisionRow = (revision: RevisionEntry) => ({
  kind: revision.kind,
  entityId: revision.entityId,
  version: revision.version,
  data: revision.data as Prisma.InputJsonValue,
  authorId: revision.authorId,
  note: revision.note ?? null,
});

const REVISION_COLUMNS = { id: "text", kind: '"ContentKind"', entityId: "text", version: "int", data: "jsonb", authorId: "text", note: "text", createdAt: "timestamptz" } as const;

/** Keeps a snapshot of a record at a version, inside the transaction that saved it. */
export async function writeRevision(tx: Tx, revision: RevisionEntry) {
  return tx.revision.create({ data: revisionRow(revision) });
}

/** Keeps the snapshots of many changes at once (one multi-row insert), inside their transaction. */
export async function writeRevisions(tx: Tx, revisions: RevisionEntry[]): Promise<void> {
  const now = new Date();
  await insertRows(tx, "Revision", REVISION_COLUMNS, revisions.map((revision) => ({ ...revisionRow(revision), id: newId(), createdAt: now })));
}

/**
 * Records loaded by the seed or an import have no revision yet: keep their
 * state as it was found before the first desk change, so that change can be
 * compared, shown in a conflict, and undone.
 */
export async function keepBaseRevision(tx: Tx, options: { kind: ContentKind; entityId: string; version: number; data: () => Promise<unknown> }): Promise<void> {
  const { kind, entityId, version } = options;
  const exists = await tx.revision.findUnique({ where: { kind_entityId_version: { kind, entityId, version } }, select: { id: true } });
  if (exists) return;
  await writeRevision(tx, { kind, entityId, version, data: await options.data(), authorId: null, note: "As recorded before the first desk edit" });
}

/** The snapshot kept at one version, or null. */
export async function revisionData(tx: Tx, options: { kind: ContentKind; entityId: string; version: number }): Promise<unknown> {
  const row = await tx.revision.findUnique({
    where: { kind_entityId_version: { kind: options.kind, entityId: options.entityId, version: options.version } },
    select: { data: true },
  });
  return row?.data ?? null;
}

export interface RevisionSummary {
  version: number;
  createdAt: Date;
  authorName: string | null;
  note: string | null;
}

/** A record's history, newest first. */
export async function listRevisions(kind: ContentKind, entityId: string): Promise<RevisionSummary[]> {
  const rows = await db.revision.findMany({
    where: { kind, entityId },
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true, note: true, author: { select: { name: true, email: true } } },
    take: 500,
  });
  return rows.map((r) => ({ version: r.version, createdAt: r.createdAt, note: r.note, authorName: r.author?.name || r.author?.email || null }));
}

/** Field-by-field differences between two versions of a record (null when one is missing). */
export async function compareRevisions(kind: ContentKind, entityId: string, from: number, to: number): Promise<FieldChange[] | null> {
  const rows = await db.revision.findMany({ where: { kind, entityId, version: { in: [from, to] } }, select: { version: true, data: true } });
  const before = rows.find((r) => r.version === from);
  const after = rows.find((r) => r.version === to);
  return before && after ? diffSnapshots(before.data, after.data) : null;
}
