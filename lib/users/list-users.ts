import "server-only";
import { liveSessionWhere } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";

/** Staff for the admin's list, with open invitations. */
export async function listUsers(now = new Date()) {
  const [users, invitations] = await Promise.all([
    db.user.findMany({
      orderBy: [{ isActive: "desc" }, { name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true, role: true, isActive: true, lastSignInAt: true, lockedUntil: true, createdAt: true },
    }),
    db.invitation.findMany({
      where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return {
    users: users.map((u) => ({ ...u, isLocked: !!u.lockedUntil && u.lockedUntil > now })),
    invitations,
  };
}

export type UserListItem = Awaited<ReturnType<typeof listUsers>>["users"][number];

/** One user for the admin's detail page, or null. */
export async function getUserForAdmin(userId: string, now = new Date()) {
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, isActive: true, lastSignInAt: true, lockedUntil: true, failedSignIns: true, createdAt: true, passwordChangedAt: true, totpEnabledAt: true },
  });
  if (!user) return null;
  const liveSessions = await db.userSession.count({ where: { userId: user.id, ...liveSessionWhere(now) } });
  return { ...user, isLocked: !!user.lockedUntil && user.lockedUntil > now, hasTwoFactor: user.totpEnabledAt !== null, liveSessions };
}
