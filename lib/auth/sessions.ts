import { db, type Tx } from "@/lib/db/client";

/** A session ends this long after sign-in, however active it is. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** …and after this long without a request. */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 60 * 1000;

export async function createSession(options: { userId: string; ip?: string | null; userAgent?: string | null; now?: Date }) {
  const now = options.now ?? new Date();
  return db.userSession.create({
    data: {
      userId: options.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: options.ip ?? null,
      userAgent: options.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true, expiresAt: true },
  });
}

export async function revokeSession(sessionId: string) {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * The live session and its user, read from the database on every request, or null
 * when the session was revoked, expired, went idle, or its user was deactivated.
 */
export async function findLiveSession(sessionId: string, now = new Date()) {
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, email: true, name: true, role: true, isActive: true, totpEnabledAt: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  if (!session.user.isActive) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return session;
}

/**
 * Ends every live session of a user (optionally all but one), inside the caller's
 * transaction so the change that caused it and the sign-out land together.
 */
export async function revokeUserSessions(tx: Tx, userId: string, options: { exceptSessionId?: string; now?: Date } = {}) {
  const result = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) },
    data: { revokedAt: options.now ?? new Date() },
  });
  return result.count;
}
