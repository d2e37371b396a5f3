import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import type { Actor, RequestContext } from "./actor";
import { UpdateUserProfileInputSchema } from "./schemas";
import { auditUserChange } from "./audit-user";
import { changeUser } from "./user-change";
import { sendAccountNotice } from "@/lib/mail/send-account-notice";
import { db } from "@/lib/db/client";

const EMAIL_TAKEN = { email: ["There is already an account with this email."] };

/**
 * An admin corrects someone's name and email. The audit row keeps both values of
 * what changed. Sessions stay: the session holds the user's id, not the email.
 * A new email is told to the old address, which an intruder would not read.
 */
export async function updateUserProfile(options: { actor: Actor; input: unknown; context: RequestContext }) {
  const input = parseInput(UpdateUserProfileInputSchema, options.input);
  const { userId, name, email } = input;
  let movedFrom: { name: string; email: string } | null = null;
  const result = await changeUser({ userId, select: { id: true, name: true, email: true } }, async (tx, user) => {
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    if (user.name !== name) [before.name, after.name] = [user.name, name];
    if (user.email !== email) [before.email, after.email] = [user.email, email];
    if (Object.keys(after).length === 0) return { id: user.id, name, email, changed: false };
    if (after.email && (await tx.user.findUnique({ where: { email }, select: { id: true } }))) {
      throw new AppError("INVALID", "Check the highlighted fields.", EMAIL_TAKEN);
    }
    await tx.user.update({ where: { id: user.id }, data: { name, email } });
    if (after.email) movedFrom = { name: user.name, email: user.email };
    await auditUserChange(tx, { action: "user.profile_change", actor: options.actor, userId: user.id, summary: { email: user.email, before, after }, context: options.context });
    return { id: user.id, name, email, changed: true };
  });
  const old = movedFrom as { name: string; email: string } | null;
  if (old) {
    const admin = await db.user.findUnique({ where: { id: options.actor.id }, select: { name: true } });
    void sendAccountNotice({ name: old.name, address: old.email }, { kind: "email_changed", from: old.email, to: email, byName: admin?.name ?? options.actor.email }, options.context);
  }
  return result;
}
