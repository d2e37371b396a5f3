import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { accountKey, clearThrottle } from "@/lib/auth/throttle";
import type { Actor, RequestContext } from "./actor";
import { UserIdInputSchema, fieldErrorsOf, type UserIdInput } from "./schemas";
import { auditUserChange } from "./audit-user";

/** Lifts a sign-in lock-out on an account before it runs out by itself. */
export async function unlockUser(options: { actor: Actor; input: UserIdInput; context: RequestContext }) {
  const parsed = UserIdInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("INVALID", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: parsed.data.userId }, select: { id: true, email: true, lockedUntil: true, failedSignIns: true } });
    if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
    await clearThrottle(tx, accountKey(user.email));
    await tx.user.update({ where: { id: user.id }, data: { lockedUntil: null, failedSignIns: 0 } });
    await auditUserChange(tx, { action: "user.unlock", actor: options.actor, userId: user.id, summary: { email: user.email, before: { lockedUntil: user.lockedUntil?.toISOString() ?? null, failedSignIns: user.failedSignIns } }, context: options.context });
    return { id: user.id };
  });
}
