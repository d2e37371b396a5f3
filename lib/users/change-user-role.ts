import { parseInput } from "@/lib/records/field-errors";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { Actor, RequestContext } from "./actor";
import { assertNotLastActiveAdmin } from "./last-admin";
import { ChangeUserRoleInputSchema } from "./schemas";
import { auditUserChange } from "./audit-user";
import { changeUser } from "./user-change";

/**
 * Changes someone else's role. Their sessions end, so a demotion takes effect on
 * their very next request (and a promotion asks them to sign in again).
 */
export async function changeUserRole(options: { actor: Actor; input: unknown; context: RequestContext }) {
  const { userId, role } = parseInput(ChangeUserRoleInputSchema, options.input);
  return changeUser({ userId, select: { id: true, email: true, role: true }, notOwn: { actor: options.actor, message: "You cannot change your own role." } }, async (tx, user) => {
    if (user.role === role) return { id: user.id, role, changed: false };
    if (role !== "ADMIN") await assertNotLastActiveAdmin(tx, user.id, "This is the last active admin: make someone else an admin first.");
    await tx.user.update({ where: { id: user.id }, data: { role } });
    const ended = await revokeUserSessions(tx, user.id);
    await auditUserChange(tx, { action: "user.role_change", actor: options.actor, userId: user.id, summary: { email: user.email, before: { role: user.role }, after: { role }, sessionsEnded: ended }, context: options.context });
    return { id: user.id, role, changed: true };
  });
}
