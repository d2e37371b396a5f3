import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { describeAuditEntry, loadAuditNames } from "@/lib/audit/describe-audit";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { createSession, endSessionOnSignOut, findLiveSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/sessions";
import { expectAppError } from "@/lib/testing/factories";
import { NO_CONTEXT, type Actor } from "./actor";
import { changeOwnPassword } from "./change-own-password";
import { getUserForAdmin } from "./list-users";
import { createTestUser } from "./testing";
import { endOtherOwnSessions, endOwnSession, endUserSessions, listOwnSessions } from "./user-sessions";

const actorOf = (u: { id: string; email: string; role: Actor["role"] }, sessionId?: string): Actor => ({ id: u.id, email: u.email, role: u.role, sessionId });
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

/** The audit log's sentence for the newest entry of `action` on `target`. */
async function sentence(action: string, target: string) {
  const { entries } = await listAuditEntries({ action, target });
  const names = await loadAuditNames(entries);
  return describeAuditEntry(entries[0]!, names)
    .map((p) => (typeof p === "string" ? p : p.text))
    .join("");
}

/** A session whose last request was `idleMs` ago (or that ended its twelve hours). */
async function oldSession(userId: string, options: { idleMs?: number; expired?: boolean }) {
  const now = Date.now();
  const created = await createSession({ userId, userAgent: FIREFOX, ip: "192.0.2.9", now: new Date(now - (options.expired ? SESSION_ABSOLUTE_MS + 60_000 : (options.idleMs ?? 0))) });
  return created;
}

describe("one's own sessions", () => {
  it("lists only the live ones, the one in use first, with the browser, address and times", async () => {
    const user = await createTestUser({ role: "CONTRIBUTOR" });
    const here = await createSession({ userId: user.id, userAgent: FIREFOX, ip: "192.0.2.1" });
    const phone = await createSession({ userId: user.id, userAgent: IPHONE, ip: "198.51.100.7" });
    await oldSession(user.id, { idleMs: SESSION_IDLE_MS + 60_000 });
    await oldSession(user.id, { expired: true });
    const revoked = await createSession({ userId: user.id, userAgent: FIREFOX });
    await db.userSession.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const someoneElse = await createTestUser({ role: "CONTRIBUTOR" });
    await createSession({ userId: someoneElse.id, userAgent: FIREFOX });

    const { sessions, total } = await listOwnSessions({ id: user.id, sessionId: here.id });
    expect(total).toBe(2);
    expect(sessions.map((s) => [s.id, s.device, s.ip, s.isCurrent])).toEqual([
      [here.id, "Firefox on Windows", "192.0.2.1", true],
      [phone.id, "Safari on iPhone", "198.51.100.7", false],
    ]);
    // The admin's count of live sessions follows the same rules.
    expect((await getUserForAdmin(user.id))!.liveSessions).toBe(2);
  });

  it("ends one other session, never the one in use, nor anyone else's, and says the same for a gone and a foreign one", async () => {
    const user = await createTestUser({ role: "EDITOR" });
    const here = await createSession({ userId: user.id });
    const laptop = await createSession({ userId: user.id, userAgent: FIREFOX, ip: "192.0.2.44" });
    const other = await createTestUser({ role: "EDITOR" });
    const theirs = await createSession({ userId: other.id });
    const actor = actorOf(user, here.id);

    expect((await expectAppError(endOwnSession({ actor, input: { sessionId: here.id }, context: NO_CONTEXT }), "INVALID")).message).toMatch(/sign out instead/);
    const foreign = await expectAppError(endOwnSession({ actor, input: { sessionId: theirs.id }, context: NO_CONTEXT }), "NOT_FOUND");
    expect(await findLiveSession(theirs.id)).not.toBeNull();
    await expectAppError(endOwnSession({ actor, input: { sessionId: "" }, context: NO_CONTEXT }), "INVALID");
    await expectAppError(endOwnSession({ actor, input: { sessionId: "x".repeat(65) }, context: NO_CONTEXT }), "INVALID");
    await expectAppError(endOwnSession({ actor, input: { sessionId: laptop.id, extra: 1 }, context: NO_CONTEXT }), "INVALID");

    expect(await endOwnSession({ actor, input: { sessionId: laptop.id }, context: { ip: "192.0.2.1", userAgent: IPHONE } })).toEqual({ sessionsEnded: 1 });
    expect(await findLiveSession(laptop.id)).toBeNull();
    expect(await findLiveSession(here.id)).not.toBeNull();
    const again = await expectAppError(endOwnSession({ actor, input: { sessionId: laptop.id }, context: NO_CONTEXT }), "NOT_FOUND");
    expect(again.message).toBe(foreign.message);

    const rows = await db.auditLog.findMany({ where: { action: "user.session_end", targetId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: user.id, ip: "192.0.2.1", summary: { sessionId: laptop.id, device: "Firefox on Windows", sessionIp: "192.0.2.44" } });
    expect(await sentence("user.session_end", user.id)).toBe(`${user.name} ended one of their sessions (Firefox on Windows, 192.0.2.44).`);
  });

  it("signs out everywhere else, counting only the sessions that were still live", async () => {
    const user = await createTestUser({ role: "CONTRIBUTOR" });
    const here = await createSession({ userId: user.id });
    const others = [await createSession({ userId: user.id }), await createSession({ userId: user.id })];
    const idle = await oldSession(user.id, { idleMs: SESSION_IDLE_MS + 60_000 });
    expect(await endOtherOwnSessions({ actor: actorOf(user, here.id), context: NO_CONTEXT })).toEqual({ sessionsEnded: 2 });
    for (const s of others) expect(await findLiveSession(s.id)).toBeNull();
    expect(await findLiveSession(here.id)).not.toBeNull();
    // The idle one was already over; it is marked ended too, but not counted.
    expect((await db.userSession.findUniqueOrThrow({ where: { id: idle.id } })).revokedAt).not.toBeNull();
    expect((await listOwnSessions({ id: user.id, sessionId: here.id })).total).toBe(1);
    expect(await db.auditLog.count({ where: { action: "user.sessions_end_others", targetId: user.id } })).toBe(1);
    expect(await sentence("user.sessions_end_others", user.id)).toBe(`${user.name} signed out everywhere else: 2 other sessions ended.`);
    // Nothing else to end: zero, and still an answer.
    expect(await endOtherOwnSessions({ actor: actorOf(user, here.id), context: NO_CONTEXT })).toEqual({ sessionsEnded: 0 });
  });

  it("a password change reports only the live sessions it ended", async () => {
    const user = await createTestUser({ role: "CONTRIBUTOR" });
    const here = await createSession({ userId: user.id });
    await createSession({ userId: user.id });
    await oldSession(user.id, { idleMs: SESSION_IDLE_MS + 60_000 });
    await oldSession(user.id, { expired: true });
    const result = await changeOwnPassword({ actor: actorOf(user, here.id), input: { currentPassword: user.password, newPassword: "another long phrase here" }, context: NO_CONTEXT });
    expect(result.sessionsEnded).toBe(1);
  });
});

describe("signing out", () => {
  it("ends the session and says so in the audit log, once", async () => {
    const user = await createTestUser({ role: "CONTRIBUTOR" });
    const session = await createSession({ userId: user.id });
    await endSessionOnSignOut(session.id);
    expect(await findLiveSession(session.id)).toBeNull();
    expect(await sentence("auth.sign_out", user.id)).toBe(`${user.name} signed out.`);
    await endSessionOnSignOut(session.id);
    await endSessionOnSignOut("no-such-session");
    expect(await db.auditLog.count({ where: { action: "auth.sign_out", targetId: user.id } })).toBe(1);
  });
});

describe("an admin ends someone's sessions", () => {
  it("signs them out everywhere, keeps their password, and refuses the admin's own account", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const adminSession = await createSession({ userId: admin.id });
    const editor = await createTestUser({ role: "EDITOR" });
    const sessions = [await createSession({ userId: editor.id }), await createSession({ userId: editor.id })];
    const before = await db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { passwordHash: true } });

    expect(await endUserSessions({ actor: actorOf(admin, adminSession.id), input: { userId: editor.id }, context: NO_CONTEXT })).toEqual({ sessionsEnded: 2 });
    for (const s of sessions) expect(await findLiveSession(s.id)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { passwordHash: true } })).passwordHash).toBe(before.passwordHash);
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "user.sessions_end", targetId: editor.id } });
    expect(row).toMatchObject({ actorId: admin.id, summary: { email: editor.email, sessionsEnded: 2 } });
    expect(await sentence("user.sessions_end", editor.id)).toBe(`${admin.name} signed ${editor.name} out of every session (2 sessions ended).`);

    await expectAppError(endUserSessions({ actor: actorOf(admin, adminSession.id), input: { userId: admin.id }, context: NO_CONTEXT }), "FORBIDDEN");
    expect(await findLiveSession(adminSession.id)).not.toBeNull();
    await expectAppError(endUserSessions({ actor: actorOf(admin, adminSession.id), input: { userId: "no-such-user" }, context: NO_CONTEXT }), "NOT_FOUND");
  });
});
