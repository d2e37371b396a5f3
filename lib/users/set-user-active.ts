import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { Actor, RequestContext } from "./actor";
import { assertNotLastActiveAdmin } from "./last-admin";
import { SetUserActiveInputSchema, fieldErrorsOf, type SetUserActiveInput } from "./schemas";
import { auditUserChange } from "./audit-user";

/** Deactivates (ending every session at once) or reactivates someone else's account. */
export async function setUserActive(options: { actor: Actor; input: SetUserActiveInput; context: RequestContext }) {
  const parsed = SetUserActiveInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("INVALID", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const { userId, isActive } = parsed.data;
  if (userId === options.actor.id) throw new AppError("FORBIDDEN", "You cannot deactivate or reactivate your own account.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, isActive: true } });
    if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
    if (user.isActive === isActive) return { id: user.id, isActive, changed: false };
    if (!isActive) await assertNotLastActiveAdmin(tx, user.id, "This is the last active admin: make someone else an admin first.");
    await tx.user.update({ where: { id: user.id }, data: { isActive } });
    const ended = isActive ? 0 : await revokeUserSessions(tx, user.id);
    await auditUserChange(tx, { action: isActive ? "user.reactivate" : "user.deactivate", actor: options.actor, userId: user.id, summary: { email: user.email, before: { isActive: user.isActive }, after: { isActive }, sessionsEnded: ended }, context: options.context });
    return { id: user.id, isActive, changed: true };
  });
}
