import "server-only";
import { db } from "@/lib/db/client";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import { diffSnapshots, type FieldChange } from "@/lib/records/diff";
import { AppError } from "@/lib/errors/app-error";

export interface RevisionSummary {
  version: number;
  createdAt: Date;
  authorName: string | null;
  note: string | null;
}

/** A record's revisions, newest first. */
export async function listRevisions(kind: ContentKind, entityId: string): Promise<RevisionSummary[]> {
  const rows = await db.revision.findMany({
    where: { kind, entityId },
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true, note: true, author: { select: { name: true, email: true } } },
    take: 200,
  });
  return rows.map((r) => ({ version: r.version, createdAt: r.createdAt, note: r.note, authorName: r.author?.name || r.author?.email || null }));
}

export async function getRevisionData(kind: ContentKind, entityId: string, version: number): Promise<unknown> {
  const row = await db.revision.findUnique({ where: { kind_entityId_version: { kind, entityId, version } }, select: { data: true } });
  if (!row) throw new AppError("NOT_FOUND", `There is no version ${version} of this record.`);
  return row.data;
}

/** Field-by-field differences between two versions of a record. */
export async function compareRevisions(kind: ContentKind, entityId: string, from: number, to: number): Promise<FieldChange[]> {
  const [before, after] = await Promise.all([getRevisionData(kind, entityId, from), getRevisionData(kind, entityId, to)]);
  return diffSnapshots(before, after);
}

/** The comparison asked for by `?from=&to=` on an edit page, or null. */
export async function readComparison(kind: ContentKind, entityId: string, query: { from?: string; to?: string }): Promise<{ from: number; to: number; changes: FieldChange[] } | null> {
  const from = Number(query.from);
  const to = Number(query.to);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1) return null;
  try {
    return { from, to, changes: await compareRevisions(kind, entityId, from, to) };
  } catch {
    return null;
  }
}
