import "server-only";
import { db } from "@/lib/db/client";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import { diffSnapshots, type FieldChange } from "@/lib/revisions/diff";

export interface VersionConflict {
  currentVersion: number;
  /** What others changed between the version this user started from and now. */
  theirChanges: FieldChange[];
  /** Who saved in between, and how. */
  savedBy: Array<{ version: number; author: string | null; note: string | null; at: string }>;
}

/** Explains a refused stale save: the revisions saved since `baseVersion`, field by field. */
export async function readVersionConflict(kind: ContentKind, id: string, baseVersion: number): Promise<VersionConflict | null> {
  const current =
    kind === "EVENT"
      ? await db.event.findUnique({ where: { id }, select: { version: true } })
      : await db.statement.findUnique({ where: { id }, select: { version: true } });
  if (!current || current.version === baseVersion) return null;
  const revisions = await db.revision.findMany({
    where: { kind, entityId: id, version: { gte: baseVersion } },
    orderBy: { version: "asc" },
    include: { author: { select: { name: true, email: true } } },
  });
  const base = revisions.find((r) => r.version === baseVersion);
  const latest = revisions.at(-1);
  return {
    currentVersion: current.version,
    theirChanges: base && latest ? diffSnapshots(base.data, latest.data) : [],
    savedBy: revisions
      .filter((r) => r.version > baseVersion)
      .map((r) => ({ version: r.version, author: r.author?.name ?? r.author?.email ?? null, note: r.note, at: r.createdAt.toISOString() })),
  };
}
