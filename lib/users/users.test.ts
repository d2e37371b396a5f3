import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expectAppError } from "@/lib/testing/factories";
import { PasswordSchema } from "@/lib/auth/password-policy";
import { createSession, findLiveSession } from "@/lib/auth/sessions";
import { formatAuditLine, listAuditEntries } from "@/lib/audit/list-audit-entries";
import { acceptInvitation, findOpenInvitation } from "./accept-invitation";
import { NO_CONTEXT, type Actor } from "./actor";
import { changeOwnPassword } from "./change-own-password";
import { changeUserRole } from "./change-user-role";
import { inviteUser, INVITATION_LIFETIME_MS } from "./invite-user";
import { createPasswordReset, resetPassword } from "./password-reset";
import { setUserActive } from "./set-user-active";
import { createTestUser, signIn } from "./testing";
import { listUsers, UserListFilterSchema } from "./list-users";

const ORIGIN = "http://chancery.test";
const actorOf = (u: { id: string; email: string; role: Actor["role"] }, sessionId?: string): Actor => ({ id: u.id, email: u.email, role: u.role, sessionId });

describe("password policy", () => {
  it("wants 8 characters, accepts long passphrases, refuses the most common passwords", () => {
    expect(PasswordSchema.safeParse("short7!").success).toBe(false);
    expect(PasswordSchema.safeParse("correct horse battery staple, said the clerk of the chancery").success).toBe(true);
    expect(PasswordSchema.safeParse("x".repeat(256)).success).toBe(true);
    expect(PasswordSchema.safeParse("x".repeat(257)).success).toBe(false);
    for (const common of ["password", "12345678", "Password1", "qwertyuiop", "iloveyou", " Sunshine "]) {
      expect(PasswordSchema.safeParse(common).success, common).toBe(false);
    }
  });
});

describe("invitations", () => {
  it("make a single-use link that stores only a hash and creates the account once", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const invitation = await inviteUser({ actor: actorOf(admin), input: { email: " New.Editor@Test.Chancery.TEST ", role: "EDITOR" }, context: NO_CONTEXT, origin: ORIGIN });
    expect(invitation.link).toBe(`${ORIGIN}/invite/${invitation.token}`);
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(INVITATION_LIFETIME_MS - 60_000);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.email).toBe("new.editor@test.chancery.test");
    expect(row.tokenHash).not.toContain(invitation.token);
    const rows = await db.auditLog.findMany({ select: { summary: true, targetId: true } });
    expect(JSON.stringify(rows)).not.toContain(invitation.token);

    // Bad text is a field error, never a failed insert: NUL, a lone surrogate, a line break.
    for (const name of ["Ed\u0000", "Ed\ud800", "Ed\nItor"]) {
      const bad = await expectAppError(acceptInvitation({ input: { token: invitation.token, name, password: "a long editor passphrase" }, context: NO_CONTEXT }), "INVALID");
      expect(bad.fieldErrors.name, JSON.stringify(name)).toBeDefined();
    }
    const weak = await expectAppError(acceptInvitation({ input: { token: invitation.token, name: "Ed", password: "password1" }, context: NO_CONTEXT }), "INVALID");
    expect(weak.fieldErrors.password).toBeDefined();
    const user = await acceptInvitation({ input: { token: invitation.token, name: "Ed Itor", password: "a long editor passphrase" }, context: NO_CONTEXT });
    expect(user.role).toBe("EDITOR");
    expect(await signIn("new.editor@test.chancery.test", "a long editor passphrase")).not.toBeNull();
    await expectAppError(acceptInvitation({ input: { token: invitation.token, name: "Again", password: "another long passphrase" }, context: NO_CONTEXT }), "NOT_FOUND");
    await expectAppError(inviteUser({ actor: actorOf(admin), input: { email: "new.editor@test.chancery.test", role: "EDITOR" }, context: NO_CONTEXT, origin: ORIGIN }), "INVALID");
  });

  it("say what is wrong with the invitee's name (too long, a NUL, a line break), and write nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const before = await db.invitation.count();
    const cases: Array<[string, RegExp]> = [
      ["x".repeat(10_000), /under 120 characters/],
      ["Ed\u0000", /control character/],
      ["Ed\ud800", /broken character/],
      ["Ed\nItor", /letters, spaces and punctuation/],
    ];
    for (const [name, message] of cases) {
      const bad = await expectAppError(inviteUser({ actor: actorOf(admin), input: { email: "named@test.chancery.test", role: "EDITOR", name }, context: NO_CONTEXT, origin: ORIGIN }), "INVALID");
      // The union with "" answered every one of these with "Invalid input".
      expect(bad.fieldErrors.name?.join(" "), JSON.stringify(name.slice(0, 10))).toMatch(message);
    }
    expect(await db.invitation.count()).toBe(before);
    // Blank (or only spaces) is still "no name yet"; a name is trimmed.
    for (const [name, stored] of [["", null], ["   ", null], [" Ed Itor ", "Ed Itor"], [undefined, null]] as const) {
      const invitation = await inviteUser({ actor: actorOf(admin), input: { email: "named@test.chancery.test", role: "EDITOR", ...(name === undefined ? {} : { name }) }, context: NO_CONTEXT, origin: ORIGIN });
      expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).name, JSON.stringify(name)).toBe(stored);
    }
  });

  it("expire after 72 hours and are replaced by a newer invitation", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const long = new Date(Date.now() - INVITATION_LIFETIME_MS - 1000);
    const old = await inviteUser({ actor: actorOf(admin), input: { email: "late@test.chancery.test", role: "CONTRIBUTOR" }, context: NO_CONTEXT, origin: ORIGIN, now: long });
    expect(await findOpenInvitation(old.token)).toBeNull();
    await expectAppError(acceptInvitation({ input: { token: old.token, name: "Late", password: "a long enough phrase" }, context: NO_CONTEXT }), "NOT_FOUND");

    const first = await inviteUser({ actor: actorOf(admin), input: { email: "twice@test.chancery.test", role: "CONTRIBUTOR" }, context: NO_CONTEXT, origin: ORIGIN });
    await inviteUser({ actor: actorOf(admin), input: { email: "twice@test.chancery.test", role: "EDITOR" }, context: NO_CONTEXT, origin: ORIGIN });
    expect(await findOpenInvitation(first.token)).toBeNull();
  });
});

describe("roles and access", () => {
  it("nobody changes their own role, and the last active admin stays an admin", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "EDITOR" } });
    const admin = await createTestUser({ role: "ADMIN" });
    await expectAppError(changeUserRole({ actor: actorOf(admin), input: { userId: admin.id, role: "EDITOR" }, context: NO_CONTEXT }), "FORBIDDEN");
    // Even acting as someone else (a forged actor), the rule in the transaction holds.
    const other = await createTestUser({ role: "EDITOR" });
    await expectAppError(changeUserRole({ actor: actorOf(other), input: { userId: admin.id, role: "EDITOR" }, context: NO_CONTEXT }), "CONFLICT");
    await expectAppError(setUserActive({ actor: actorOf(other), input: { userId: admin.id, isActive: false }, context: NO_CONTEXT }), "CONFLICT");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("two admins demoting each other at once leave one admin", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "EDITOR" } });
    const a = await createTestUser({ role: "ADMIN" });
    const b = await createTestUser({ role: "ADMIN" });
    const results = await Promise.allSettled([
      changeUserRole({ actor: actorOf(a), input: { userId: b.id, role: "EDITOR" }, context: NO_CONTEXT }),
      changeUserRole({ actor: actorOf(b), input: { userId: a.id, role: "EDITOR" }, context: NO_CONTEXT }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN", isActive: true } })).toBe(1);
  });

  it("a role change or deactivation ends the user's sessions at once, with an audit row", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const editor = await createTestUser({ role: "EDITOR" });
    const first = await createSession({ userId: editor.id });
    await changeUserRole({ actor: actorOf(admin), input: { userId: editor.id, role: "CONTRIBUTOR" }, context: { ip: "10.0.0.7", userAgent: "vitest" } });
    expect(await findLiveSession(first.id)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.role_change", targetId: editor.id } });
    expect(audit.summary).toMatchObject({ before: { role: "EDITOR" }, after: { role: "CONTRIBUTOR" } });
    expect(audit.ip).toBe("10.0.0.7");

    const second = await createSession({ userId: editor.id });
    await setUserActive({ actor: actorOf(admin), input: { userId: editor.id, isActive: false }, context: NO_CONTEXT });
    expect(await findLiveSession(second.id)).toBeNull();
    expect(await signIn(editor.email, editor.password)).toBeNull();
    await setUserActive({ actor: actorOf(admin), input: { userId: editor.id, isActive: true }, context: NO_CONTEXT });
    expect(await signIn(editor.email, editor.password)).not.toBeNull();
    expect(await db.auditLog.count({ where: { targetId: editor.id, action: { in: ["user.deactivate", "user.reactivate"] } } })).toBe(2);
  });
});

describe("passwords", () => {
  it("a reset link works once and ends every session", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser({ role: "CONTRIBUTOR" });
    const session = await createSession({ userId: user.id });
    const reset = await createPasswordReset({ actor: actorOf(admin), input: { userId: user.id }, context: NO_CONTEXT, origin: ORIGIN });
    await resetPassword({ input: { token: reset.token, password: "a brand new passphrase" }, context: NO_CONTEXT });
    expect(await findLiveSession(session.id)).toBeNull();
    expect(await signIn(user.email, user.password)).toBeNull();
    expect(await signIn(user.email, "a brand new passphrase")).not.toBeNull();
    await expectAppError(resetPassword({ input: { token: reset.token, password: "yet another passphrase" }, context: NO_CONTEXT }), "NOT_FOUND");
  });

  it("changing one's own password needs the current one and ends the other sessions", async () => {
    const user = await createTestUser({ role: "CONTRIBUTOR" });
    const here = await createSession({ userId: user.id });
    const elsewhere = await createSession({ userId: user.id });
    const wrong = await expectAppError(
      changeOwnPassword({ actor: actorOf(user, here.id), input: { currentPassword: "not it", newPassword: "a fresh long phrase" }, context: NO_CONTEXT }),
      "INVALID",
    );
    expect(wrong.fieldErrors.currentPassword).toBeDefined();
    const result = await changeOwnPassword({ actor: actorOf(user, here.id), input: { currentPassword: user.password, newPassword: "a fresh long phrase" }, context: NO_CONTEXT });
    expect(result.sessionsEnded).toBe(1);
    expect(await findLiveSession(here.id)).not.toBeNull();
    expect(await findLiveSession(elsewhere.id)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.password_change", targetId: user.id } })).toBe(1);
  });
});

describe("audit log", () => {
  it("filters, pages by keyset, and exports one line per entry whatever users typed", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    for (let i = 0; i < 5; i++) {
      await inviteUser({ actor: actorOf(admin), input: { email: `page-${i}@test.chancery.test`, role: "CONTRIBUTOR" }, context: NO_CONTEXT, origin: ORIGIN });
    }
    const first = await listAuditEntries({ actor: admin.email, action: "user.invite" }, 3);
    expect(first.entries).toHaveLength(3);
    const second = await listAuditEntries({ actor: admin.email, action: "user.invite", before: first.nextBefore! }, 3);
    expect(second.entries).toHaveLength(2);
    expect(second.nextBefore).toBeNull();
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(5);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEntries({ action: "user.invite", from: today, to: today })).entries.length).toBeGreaterThanOrEqual(5);
    expect((await listAuditEntries({ action: "user.invite", to: "2000-01-01" })).entries).toHaveLength(0);

    const forged = { ...first.entries[0]!, actorEmail: 'x@y.z\n{"action":"user.role_change"}\u2028' };
    const line = formatAuditLine(forged);
    expect(line.split(/\r?\n|\u2028|\u2029/)).toHaveLength(1);
    expect(JSON.parse(line).actorEmail).toBe(forged.actorEmail);
    await expect(db.$executeRaw`UPDATE "AuditLog" SET "action" = 'x'`).rejects.toThrow();
  });
});

describe("the admin's staff list", () => {
  it("filters by name or email, role, status and two-factor sign-in, and counts what it keeps", async () => {
    const tag = `Filterable ${Date.now().toString(36)}`;
    const [aigerim, bolat, dana, erlan] = await Promise.all([
      createTestUser({ name: `${tag} Aigerim`, role: "EDITOR" }),
      createTestUser({ name: `${tag} Bolat`, role: "CONTRIBUTOR" }),
      createTestUser({ name: `${tag} Dana`, role: "ADMIN" }),
      createTestUser({ name: `${tag} Erlan`, role: "EDITOR" }),
    ]);
    await db.user.update({ where: { id: bolat.id }, data: { isActive: false } });
    await db.user.update({ where: { id: dana.id }, data: { totpEnabledAt: new Date(), totpSecret: "JBSWY3DPEHPK3PXP" } });
    await db.user.update({ where: { id: erlan.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    const names = async (filter: Parameters<typeof listUsers>[0]) => {
      const { users, total } = await listUsers({ q: tag.toLowerCase(), ...filter });
      expect(total).toBe(users.length);
      return users.map((u) => u.name.slice(tag.length + 1));
    };
    // Deactivated accounts come last; the search ignores case.
    expect(await names({})).toEqual(["Aigerim", "Dana", "Erlan", "Bolat"]);
    expect(await names({ role: "EDITOR" })).toEqual(["Aigerim", "Erlan"]);
    expect(await names({ status: "active" })).toEqual(["Aigerim", "Dana"]);
    expect(await names({ status: "locked" })).toEqual(["Erlan"]);
    expect(await names({ status: "deactivated" })).toEqual(["Bolat"]);
    expect(await names({ twoFactor: "on" })).toEqual(["Dana"]);
    expect(await names({ twoFactor: "off", role: "EDITOR", status: "active" })).toEqual(["Aigerim"]);
    // By email too.
    expect((await listUsers({ q: aigerim.email.toUpperCase() })).users.map((u) => u.id)).toEqual([aigerim.id]);

    // What a form or a query could send: blanks are no filter; anything else off the lists is refused, field by field.
    expect(UserListFilterSchema.parse({ q: "", role: "", status: "", twoFactor: "" })).toEqual({});
    const bad = UserListFilterSchema.safeParse({ q: "x".repeat(101), role: "OWNER", status: "asleep", twoFactor: "maybe" });
    expect(bad.success).toBe(false);
    expect(Object.keys(bad.error!.flatten().fieldErrors).sort()).toEqual(["q", "role", "status", "twoFactor"]);
    expect(UserListFilterSchema.safeParse({ sort: "name" }).success).toBe(false);
    // A NUL (which PostgreSQL refuses in text) is a field error, never a query.
    expect(UserListFilterSchema.safeParse({ q: "adm\u0000in" }).error?.flatten().fieldErrors.q).toHaveLength(1);
  });
});
