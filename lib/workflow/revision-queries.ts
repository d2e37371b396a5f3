import "server-only";
import { db } from "@/lib/db/client";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import { diffSnapshots } from "@/lib/records/diff";

/** An item's history, newest first. */
export async function listRevisions(kind: ContentKind, entityId: string) {
  return db.revision.findMany({
    where: { kind, entityId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, note: true, createdAt: true, author: { select: { name: true, email: true } } },
  });
}

/** Field-by-field differences between two revisions of one item (null when one is missing). */
export async function compareRevisions(kind: ContentKind, entityId: string, from: number, to: number) {
  const rows = await db.revision.findMany({ where: { kind, entityId, version: { in: [from, to] } } });
  const a = rows.find((r) => r.version === from);
  const b = rows.find((r) => r.version === to);
  if (!a || !b) return null;
  return diffSnapshots(a.data, b.data);
}
