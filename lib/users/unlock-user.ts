import { parseInput } from "@/lib/records/field-errors";
import { accountKey, clearThrottle } from "@/lib/auth/throttle";
import type { Actor, RequestContext } from "./actor";
import { UserIdInputSchema } from "./schemas";
import { auditUserChange } from "./audit-user";
import { changeUser } from "./user-change";

/** Lifts a sign-in lock-out on an account before it runs out by itself. */
export async function unlockUser(options: { actor: Actor; input: unknown; context: RequestContext }) {
  const input = parseInput(UserIdInputSchema, options.input);
  return changeUser({ userId: input.userId, select: { id: true, email: true, lockedUntil: true, failedSignIns: true } }, async (tx, user) => {
    await clearThrottle(tx, accountKey(user.email));
    await tx.user.update({ where: { id: user.id }, data: { lockedUntil: null, failedSignIns: 0 } });
    await auditUserChange(tx, { action: "user.unlock", actor: options.actor, userId: user.id, summary: { email: user.email, before: { lockedUntil: user.lockedUntil?.toISOString() ?? null, failedSignIns: user.failedSignIns } }, context: options.context });
    return { id: user.id };
  });
}
