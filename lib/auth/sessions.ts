import { writeAudit } from "@/lib/audit/write-audit";
import { db, type Prisma, type Tx } from "@/lib/db/client";

/** A session ends this long after sign-in, however active it is. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** …and after this long without a request. */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 60 * 1000;

export async function createSession(options: { userId: string; ip?: string | null; userAgent?: string | null; browserHash?: string | null; now?: Date }) {
  const now = options.now ?? new Date();
  return db.userSession.create({
    data: {
      userId: options.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: options.ip ?? null,
      userAgent: options.userAgent?.slice(0, 500) ?? null,
      browserHash: options.browserHash ?? null,
    },
    select: { id: true, expiresAt: true },
  });
}

/**
 * Signing out: the session ends, and the audit log says so as it says every sign-in
 * (once: signing out with a session already ended writes nothing).
 */
export async function endSessionOnSignOut(sessionId: string) {
  await db.$transaction(async (tx) => {
    const session = await endSession(tx, { id: sessionId });
    if (!session) return;
    await writeAudit(tx, { action: "auth.sign_out", actorId: session.userId, actorEmail: session.user.email, targetType: "User", targetId: session.userId, summary: { sessionId } });
  });
}

/**
 * Ends the one session that has this id and matches the rest of `where`, in the
 * caller's transaction, and returns it as it was, or null when there was none
 * left to end (already ended, another person's, or ended by a concurrent request).
 */
export async function endSession(tx: Tx, where: Prisma.UserSessionWhereInput & { id: string }, now = new Date()) {
  const session = await tx.userSession.findFirst({
    where: { ...where, revokedAt: null },
    select: { id: true, userId: true, ip: true, userAgent: true, user: { select: { email: true } } },
  });
  if (!session) return null;
  const ended = await tx.userSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: now } });
  return ended.count === 1 ? session : null;
}

/**
 * The sessions still live at `now`, as a query: not ended, not past their twelve
 * hours, and used within the last hour. `findLiveSession` applies the same three
 * rules to one session (and also ends it when its user was deactivated).
 */
export function liveSessionWhere(now: Date) {
  return { revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) } } satisfies Prisma.UserSessionWhereInput;
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
 * transaction so the change that caused it and the sign-out land together. The
 * count is of sessions that were still live: one that had expired or gone idle
 * was already over, and "your 21 other sessions ended" would tell a person of
 * sign-ins that no longer existed.
 */
export async function revokeUserSessions(tx: Tx, userId: string, options: { exceptSessionId?: string; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const others = options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {};
  const live = await tx.userSession.count({ where: { userId, ...liveSessionWhere(now), ...others } });
  // Every session not yet ended is marked, the dead ones too: nothing can wake them then.
  await tx.userSession.updateMany({ where: { userId, revokedAt: null, ...others }, data: { revokedAt: now } });
  return live;
}
