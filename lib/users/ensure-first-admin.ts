import type { Db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { generatePassword, hashPassword } from "@/lib/auth/password";

/**
 * When nobody can sign in yet, creates the first admin. Returns the generated
 * password (to be shown once) when none was configured, else null.
 */
export async function ensureFirstAdmin(
  db: Db,
  options: { email: string; password?: string },
): Promise<{ created: boolean; email: string; generatedPassword: string | null }> {
  const email = options.email.trim().toLowerCase();
  const existing = await db.user.count();
  if (existing > 0) return { created: false, email, generatedPassword: null };
  const generatedPassword = options.password ? null : generatePassword();
  const passwordHash = await hashPassword(options.password ?? generatedPassword!);
  await db.$transaction(async (tx) => {
    // Another instance starting at the same moment may have won the race.
    if ((await tx.user.count()) > 0) return;
    const user = await tx.user.create({
      data: { email, name: "Administrator", role: "ADMIN", passwordHash, passwordChangedAt: new Date() },
    });
    await writeAudit(tx, {
      action: "user.create",
      targetType: "User",
      targetId: user.id,
      summary: { email, role: "ADMIN", reason: "first admin at start-up" },
    });
  });
  return { created: true, email, generatedPassword };
}
