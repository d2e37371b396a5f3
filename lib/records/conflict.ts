import type { Tx } from "@/lib/db/client";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { diffSnapshots, type FieldChange } from "./diff";

/** What a refused stale save carries back to the form: the one conflict shape of the desk. */
export interface VersionConflict {
  /** The version to build on when the user saves theirs anyway. */
  currentVersion: number;
  /** What others changed between the version this user started from and now. */
  theirChanges: FieldChange[];
  /** Who saved in between, and how. */
  savedBy: Array<{ version: number; author: string | null; note: string | null; at: string }>;
}

/** The conflict a refused save carries, if it is one. */
export function conflictOf(error: unknown): VersionConflict | null {
  return isAppError(error) && error.code === "CONFLICT" ? ((error.details.conflict as VersionConflict | undefined) ?? null) : null;
}

/**
 * The refusal of a save based on a stale version, explained: the revisions
 * saved since `base`, field by field. Read inside the refused transaction.
 */
export async function staleSaveError(tx: Tx, options: { kind: ContentKind; entityId: string; noun: string; base: number; current: number }): Promise<AppError> {
  const { kind, entityId, noun, base, current } = options;
  const revisions = await tx.revision.findMany({
    where: { kind, entityId, version: { gte: base } },
    orderBy: { version: "asc" },
    select: { version: true, data: true, note: true, createdAt: true, author: { select: { name: true, email: true } } },
  });
  const from = revisions.find((r) => r.version === base);
  const to = revisions.at(-1);
  return new AppError(
    "CONFLICT",
    `Someone else saved this ${noun} while you were editing (you started from version ${base}; it is now at version ${current}). Nothing was saved; what you typed is still in the form.`,
    {},
    {
      conflict: {
      currentVersion: current,
      theirChanges: from && to && to !== from ? diffSnapshots(from.data, to.data) : [],
      savedBy: revisions
        .filter((r) => r.version > base)
        .map((r) => ({ version: r.version, author: r.author?.name || r.author?.email || null, note: r.note, at: r.createdAt.toISOString() })),
      } satisfies VersionConflict,
    },
  );
}
