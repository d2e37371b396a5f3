import { db, type Prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "./actor";

/**
 * An admin's change to a staff account, in one transaction: the account is read
 * with `select` (a missing one is NOT_FOUND) and handed to `change`. With
 * `notOwn`, the admin's own account is refused with that message before anything
 * is read (an admin cannot demote, deactivate or lock themselves out this way).
 */
export async function changeUser<S extends Prisma.UserSelect, R>(
  options: { userId: string; select: S; notOwn?: { actor: Actor; message: string } },
  change: (tx: Tx, user: Prisma.UserGetPayload<{ select: S }>) => Promise<R>,
): Promise<R> {
  if (options.notOwn && options.userId === options.notOwn.actor.id) throw new AppError("FORBIDDEN", options.notOwn.message);
  return db.$transaction(async (tx) => {
    const user = (await tx.user.findUnique({ where: { id: options.userId }, select: options.select })) as Prisma.UserGetPayload<{ select: S }> | null;
    if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
    return change(tx, user);
  });
}
