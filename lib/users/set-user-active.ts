import { parseInput } from "@/lib/records/field-errors";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { Actor, RequestContext } from "./actor";
import { assertNotLastActiveAdmin } from "./last-admin";
import { SetUserActiveInputSchema } from "./schemas";
import { auditUserChange } from "./audit-user";
import { changeUser } from "./user-change";

/** Deactivates (ending every session at once) or reactivates someone else's account. */
export async function setUserActive(options: { actor: Actor; input: unknown; context: RequestContext }) {
  const { userId, isActive } = parseInput(SetUserActiveInputSchema, options.input);
  return changeUser({ userId, select: { id: true, email: true, isActive: true }, notOwn: { actor: options.actor, message: "You cannot deactivate or reactivate your own account." } }, async (tx, user) => {
    if (user.isActive === isActive) return { id: user.id, isActive, changed: false };
    if (!isActive) await assertNotLastActiveAdmin(tx, user.id, "This is the last active admin: make someone else an admin first.");
    await tx.user.update({ where: { id: user.id }, data: { isActive } });
    const ended = isActive ? 0 : await revokeUserSessions(tx, user.id);
    await auditUserChange(tx, { action: isActive ? "user.reactivate" : "user.deactivate", actor: options.actor, userId: user.id, summary: { email: user.email, before: { isActive: user.isActive }, after: { isActive }, sessionsEnded: ended }, context: options.context });
    return { id: user.id, isActive, changed: true };
  });
}
