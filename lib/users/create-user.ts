import type { Db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { accountKey, clearThrottle } from "@/lib/auth/throttle";
import { CreateUserInputSchema, fieldErrorsOf, type CreateUserInput } from "./schemas";

/**
 * For `npm run user:create` (the first admin, and recovery when nobody can sign in):
 * creates the account, or, when the email exists, sets its password, role and
 * active flag, ends its sessions and lifts any lock. Runs with shell access, so no actor.
 */
export async function createOrRecoverUser(db: Db, input: CreateUserInput) {
  const parsed = CreateUserInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Check the input.", fieldErrorsOf(parsed.error));
  const { email, name, role, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, isActive: true } });
    if (existing) {
      await tx.user.update({ where: { id: existing.id }, data: { passwordHash, passwordChangedAt: now, role, isActive: true, lockedUntil: null, failedSignIns: 0 } });
      await clearThrottle(tx, accountKey(email));
      const ended = await revokeUserSessions(tx, existing.id, { now });
      await writeAudit(tx, {
        action: "user.recover",
        targetType: "User",
        targetId: existing.id,
        summary: { email, before: { role: existing.role, isActive: existing.isActive }, after: { role, isActive: true }, sessionsEnded: ended, via: "user:create" },
      });
      return { id: existing.id, created: false };
    }
    const user = await tx.user.create({ data: { email, name, role, passwordHash, passwordChangedAt: now }, select: { id: true } });
    await writeAudit(tx, { action: "user.create", targetType: "User", targetId: user.id, summary: { email, role, via: "user:create" } });
    return { id: user.id, created: true };
  });
}
