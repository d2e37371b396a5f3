import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { Actor, RequestContext } from "./actor";
import { assertNotLastActiveAdmin } from "./last-admin";
import { ChangeUserRoleInputSchema, fieldErrorsOf, type ChangeUserRoleInput } from "./schemas";
import { auditUserChange } from "./audit-user";

/**
 * Changes someone else's role. Their sessions end, so a demotion takes effect on
 * their very next request (and a promotion asks them to sign in again).
 */
export async function changeUserRole(options: { actor: Actor; input: ChangeUserRoleInput; context: RequestContext }) {
  const parsed = ChangeUserRoleInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("INVALID", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const { userId, role } = parsed.data;
  if (userId === options.actor.id) throw new AppError("FORBIDDEN", "You cannot change your own role.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
    if (user.role === role) return { id: user.id, role, changed: false };
    if (role !== "ADMIN") await assertNotLastActiveAdmin(tx, user.id, "This is the last active admin: make someone else an admin first.");
    await tx.user.update({ where: { id: user.id }, data: { role } });
    const ended = await revokeUserSessions(tx, user.id);
    await auditUserChange(tx, { action: "user.role_change", actor: options.actor, userId: user.id, summary: { email: user.email, before: { role: user.role }, after: { role }, sessionsEnded: ended }, context: options.context });
    return { id: user.id, role, changed: true };
  });
}
