import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { clientAddress } from "./client-address";

// Checked against when the email is unknown, so every failure costs the same time.
let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Every failure gives the same answer (null).
 * On success, creates a session and records the sign-in; on failure, records that.
 */
export async function authenticate(input: {
  email: string;
  password: string;
  headers: Record<string, string | string[] | undefined>;
}): Promise<{ userId: string; sessionId: string } | null> {
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const ip = clientAddress(input.headers);
  const userAgent = String(input.headers["user-agent"] ?? "");
  const user = email ? await db.user.findUnique({ where: { email } }) : null;
  dummyHash ??= hashPassword("chancery-timing-equaliser");
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));

  if (!user || !ok || !user.isActive || !user.passwordHash) {
    await db.$transaction((tx) =>
      writeAudit(tx, {
        action: "auth.sign_in_failed",
        actorId: user?.id ?? null,
        actorEmail: email || null,
        targetType: "User",
        targetId: user?.id ?? null,
        summary: { reason: !user ? "unknown email" : !user.isActive ? "inactive" : "wrong password" },
        ip,
        userAgent,
      }),
    );
    return null;
  }

  const session = await createSession({ userId: user.id, ip, userAgent });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), failedSignIns: 0 } });
    await writeAudit(tx, { action: "auth.sign_in", actorId: user.id, actorEmail: user.email, targetType: "User", targetId: user.id, ip, userAgent });
  });
  return { userId: user.id, sessionId: session.id };
}
