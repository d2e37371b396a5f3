import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Refuses a change that would leave no active admin. Locks the active admins' rows
 * first, so two admins demoting each other at the same moment cannot both succeed.
 */
export async function assertNotLastActiveAdmin(tx: Tx, userId: string, message: string) {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "isActive" = true ORDER BY "id" FOR UPDATE`;
  const isAdmin = admins.some((a) => a.id === userId);
  if (isAdmin && admins.length <= 1) throw new AppError("CONFLICT", message);
}
