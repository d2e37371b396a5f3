import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors/app-error";

/**
 * Keeps a snapshot of a record's input at a version. Call inside the transaction
 * that saves the record, with the record's new version number.
 */
export async function writeRevision(
  tx: Tx,
  revision: { kind: ContentKind; entityId: string; version: number; data: Prisma.InputJsonValue; authorId: string | null; note?: string | null },
) {
  return tx.revision.create({
    data: {
      kind: revision.kind,
      entityId: revision.entityId,
      version: revision.version,
      data: revision.data,
      authorId: revision.authorId,
      note: revision.note ?? null,
    },
  });
}

/**
 * Refuses a save based on a stale version (someone else saved in between).
 * The caller's transaction must then bump `version` with a WHERE on the same
 * base version, so two racing saves cannot both pass.
 */
export function assertBaseVersion(current: number, base: number, what: string): void {
  if (current !== base) {
    throw new AppError(
      "CONFLICT",
      `Someone else saved this ${what} while you were editing (you started from version ${base}; it is now at version ${current}).`,
    );
  }
}
