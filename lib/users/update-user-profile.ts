import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import type { Actor, RequestContext } from "./actor";
import { UpdateUserProfileInputSchema } from "./schemas";
import { auditUserChange } from "./audit-user";
import { changeUser } from "./user-change";
import { sendAccountNotice } from "@/lib/mail/send-account-notice";
import { actorName } from "./actor-name";

const EMAIL_TAKEN = { email: ["There is already an account with this email."] };

/**
 * An admin corrects someone's name and email. The audit row keeps both values of
 * what changed. Sessions stay: the session holds the user's id, not the email.
 * A new email is told to the old address, which an intruder would not read.
 */
export async function updateUserProfile(options: { actor: Actor; input: unknown; context: RequestContext }) {
  const input = parseInput(UpdateUserProfileInputSchema, options.input);
  const { userId, name, email } = input;
  const { saved, movedFrom } = await changeUser({ userId, select: { id: true, name: true, email: true } }, async (tx, user) => {
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    if (user.name !== name) [before.name, after.name] = [user.name, name];
    if (user.email !== email) [before.email, after.email] = [user.email, email];
    if (Object.keys(after).length === 0) return { saved: { id: user.id, name, email, changed: false }, movedFrom: null };
    if (after.email && (await tx.user.findUnique({ where: { email }, select: { id: true } }))) {
      throw new AppError("INVALID", "Check the highlighted fields.", EMAIL_TAKEN);
    }
    await tx.user.update({ where: { id: user.id }, data: { name, email } });
    await auditUserChange(tx, { action: "user.profile_change", actor: options.actor, userId: user.id, summary: { email: user.email, before, after }, context: options.context });
    return { saved: { id: user.id, name, email, changed: true }, movedFrom: after.email ? { name: user.name, address: user.email } : null };
  });
  if (movedFrom) {
    const notice = { kind: "email_changed", from: movedFrom.address, to: email, byName: await actorName(options.actor) } as const;
    void sendAccountNotice(movedFrom, notice, options.context);
  }
  return saved;
}
