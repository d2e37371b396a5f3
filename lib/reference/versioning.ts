import type { Tx } from "@/lib/db/client";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import { diffSnapshots } from "@/lib/revisions/diff";
import { assertBaseVersion } from "@/lib/revisions/write-revision";
import { conflictError } from "./results";

/**
 * Refuses a save based on a stale version, carrying what the other person
 * changed since the version this user started from (so the form can show it
 * while keeping what this user typed).
 */
export async function refuseStaleSave(tx: Tx, options: { kind: ContentKind; entityId: string; current: number; base: number; what: string }): Promise<void> {
  const { kind, entityId, current, base, what } = options;
  try {
    assertBaseVersion(current, base, what);
    return;
  } catch {
    // Stale: gather what changed so the form can show it (below).
  }
  const [baseRevision, currentRevision] = await Promise.all([
    tx.revision.findUnique({ where: { kind_entityId_version: { kind, entityId, version: base } }, select: { data: true } }),
    tx.revision.findUnique({
      where: { kind_entityId_version: { kind, entityId, version: current } },
      select: { data: true, createdAt: true, author: { select: { name: true, email: true } } },
    }),
  ]);
  throw conflictError(
    `Someone else saved this ${what} while you were editing (you started from version ${base}; it is now at version ${current}). Nothing was saved; what you typed is still in the form.`,
    {
      currentVersion: current,
      changes: diffSnapshots(baseRevision?.data ?? {}, currentRevision?.data ?? {}),
      changedBy: currentRevision?.author?.name || currentRevision?.author?.email || null,
      changedAt: currentRevision?.createdAt.toISOString() ?? null,
    },
  );
}
