import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { describeDevice } from "@/lib/auth/device";
import { endSession, liveSessionWhere, revokeUserSessions } from "@/lib/auth/sessions";
import { parseInput } from "@/lib/records/field-errors";
import type { Actor, RequestContext } from "./actor";
import { auditUserChange } from "./audit-user";
import { SessionIdInputSchema, UserIdInputSchema } from "./schemas";
import { changeUser } from "./user-change";

/** At most this many sessions are listed; a session lasts twelve hours, so a person rarely has more. */
export const SESSIONS_LISTED = 50;

export interface OwnSession {
  id: string;
  /** "Firefox on Windows", from the User-Agent it signed in with. */
  device: string;
  ip: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
  endsAt: Date;
  /** The session this request came with. */
  isCurrent: boolean;
}

/**
 * The signed-in person's live sessions, the one they are using first, then the
 * most recently used: where they are signed in, so that a forgotten or stolen
 * one can be ended.
 */
export async function listOwnSessions(actor: Pick<Actor, "id" | "sessionId">, now = new Date()): Promise<{ sessions: OwnSession[]; total: number }> {
  const where = { userId: actor.id, ...liveSessionWhere(now) };
  const [rows, total] = await Promise.all([
    db.userSession.findMany({
      where,
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      take: SESSIONS_LISTED,
      select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    }),
    db.userSession.count({ where }),
  ]);
  const sessions = rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    ip: row.ip,
    signedInAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    endsAt: row.expiresAt,
    isCurrent: row.id === actor.sessionId,
  }));
  return { sessions: [...sessions.filter((s) => s.isCurrent), ...sessions.filter((s) => !s.isCurrent)], total };
}

/**
 * Ends one of one's own other sessions: that browser is signed out at its next
 * request. Another person's session, or one already over, is "already ended",
 * the same answer either way, so ids cannot be probed.
 */
export async function endOwnSession(options: { actor: Actor; input: unknown; context: RequestContext }) {
  const { sessionId } = parseInput(SessionIdInputSchema, options.input);
  if (sessionId === options.actor.sessionId) {
    throw new AppError("INVALID", "That is the session you are using now: sign out instead.");
  }
  return db.$transaction(async (tx) => {
    const now = new Date();
    const session = await endSession(tx, { id: sessionId, userId: options.actor.id, ...liveSessionWhere(now) }, now);
    if (!session) throw new AppError("NOT_FOUND", "That session has already ended.");
    await auditUserChange(tx, {
      action: "user.session_end",
      actor: options.actor,
      userId: options.actor.id,
      summary: { sessionId: session.id, device: describeDevice(session.userAgent), sessionIp: session.ip },
      context: options.context,
    });
    return { sessionsEnded: 1 };
  });
}

/** Ends every session of one's own but the one in use ("sign out everywhere else"). */
export async function endOtherOwnSessions(options: { actor: Actor; context: RequestContext }) {
  const current = options.actor.sessionId;
  if (!current) throw new AppError("INVALID", "Sign in again first.");
  return db.$transaction(async (tx) => {
    const ended = await revokeUserSessions(tx, options.actor.id, { exceptSessionId: current });
    await auditUserChange(tx, { action: "user.sessions_end_others", actor: options.actor, userId: options.actor.id, summary: { sessionsEnded: ended }, context: options.context });
    return { sessionsEnded: ended };
  });
}

/**
 * An admin signs someone out of every session (a lost laptop, a shared computer
 * left signed in). Their password and two-factor sign-in stay as they are. An
 * admin's own sessions are ended from their account page.
 */
export async function endUserSessions(options: { actor: Actor; input: unknown; context: RequestContext }) {
  const input = parseInput(UserIdInputSchema, options.input);
  return changeUser(
    { userId: input.userId, select: { id: true, email: true }, notOwn: { actor: options.actor, message: "Your own sessions are ended from your account page." } },
    async (tx, user) => {
      const ended = await revokeUserSessions(tx, user.id);
      await auditUserChange(tx, { action: "user.sessions_end", actor: options.actor, userId: user.id, summary: { email: user.email, sessionsEnded: ended }, context: options.context });
      return { sessionsEnded: ended };
    },
  );
}
