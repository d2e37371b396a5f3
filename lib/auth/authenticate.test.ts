import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestUser } from "@/lib/users/testing";
import { unlockUser } from "@/lib/users/unlock-user";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { AppError } from "@/lib/errors/app-error";
import { createSession } from "./sessions";
import { authenticate } from "./authenticate";
import { findLiveSession } from "./sessions";
import { ADDRESS_LIMIT, addressKey, failureDelayMs, recordFailure } from "./throttle";
import { BROWSER_COOKIE, browserIdFrom, hashBrowserId, newBrowserId, SECURE_BROWSER_COOKIE } from "./browser-cookie";
import { newSignInMessage } from "@/lib/mail/send-new-sign-in";
import { describeAuditEntry, loadAuditNames } from "@/lib/audit/describe-audit";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";

const noWait = async () => {};

function attempt(email: string, password: string, headers: Record<string, string> = {}, waits?: number[]) {
  return authenticate({
    email,
    password,
    headers: { "x-chancery-peer": "10.0.0.1", "user-agent": "vitest", ...headers },
    wait: async (ms) => void waits?.push(ms),
  });
}

describe("authenticate", () => {
  it("signs in with the right password and records it; every failure gives the same answer", async () => {
    const user = await createTestUser();
    const ok = await attempt(user.email, user.password);
    expect(ok?.userId).toBe(user.id);
    expect(await findLiveSession(ok!.sessionId)).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.sign_in", targetId: user.id } })).toBe(1);

    const inactive = await createTestUser();
    await db.user.update({ where: { id: inactive.id }, data: { isActive: false } });
    const answers = await Promise.all([
      attempt(user.email, "wrong password here"),
      attempt("nobody@test.chancery.test", user.password),
      attempt(inactive.email, inactive.password),
    ]);
    expect(answers).toEqual([null, null, null]);
    const reasons = await db.auditLog.findMany({ where: { action: "auth.sign_in_failed" }, select: { summary: true } });
    expect(reasons.map((r) => (r.summary as { reason: string }).reason).sort()).toEqual(["inactive", "unknown email", "wrong password"]);
  });

  it("answers an email holding a NUL or half a surrogate pair as an unknown one, not with a database error", async () => {
    const user = await createTestUser();
    const [at, domain] = [user.email.indexOf("@"), user.email];
    for (const email of [`${domain.slice(0, at)}\u0000${domain.slice(at)}`, `\ud800${user.email}`, `${user.email}\u001b`]) {
      await expect(attempt(email, user.password), JSON.stringify(email)).resolves.toBeNull();
    }
    const failures = await db.auditLog.findMany({ where: { action: "auth.sign_in_failed", actorEmail: { contains: "\ufffd" } }, select: { summary: true } });
    expect(failures.map((f) => (f.summary as { reason: string }).reason)).toEqual(["unknown email", "unknown email", "unknown email"]);
  });

  it("locks an account after 30 failures in a minute, whatever the case, spaces or forwarded-for header", async () => {
    const user = await createTestUser();
    const variants = [user.email, user.email.toUpperCase(), `  ${user.email} `, ` ${user.email.toUpperCase()}`];
    const waits: number[] = [];
    for (let i = 0; i < 30; i++) {
      // A client varying X-Forwarded-For (TRUST_PROXY is off) and even its real address.
      const result = await attempt(variants[i % variants.length]!, `wrong-${i}`, { "x-forwarded-for": `203.0.113.${i}`, "x-chancery-peer": `10.1.0.${i}` }, waits);
      expect(result).toBeNull();
    }
    expect(await attempt(user.email, user.password)).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await db.auditLog.count({ where: { action: "auth.locked", targetId: user.id } })).toBe(1);
    // Slower and slower, but never more than 2 s.
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[10]).toBeGreaterThan(waits[4]!);
    expect(Math.max(...waits)).toBe(2_000);

    const admin = await createTestUser({ role: "ADMIN" });
    await unlockUser({ actor: { id: admin.id, email: admin.email, role: "ADMIN" }, input: { userId: user.id }, context: { ip: null, userAgent: null } });
    expect(await attempt(user.email, user.password)).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.unlock", targetId: user.id } })).toBe(1);
  });

  it("lets a lock run out by itself", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 30; i++) await attempt(user.email, `wrong-${i}`);
    expect(await attempt(user.email, user.password)).toBeNull();
    // Sixteen minutes later: the lock (15 min) and the counting window have passed.
    const past = new Date(Date.now() - 16 * 60 * 1000);
    await db.signInThrottle.update({ where: { key: `account:${user.email}` }, data: { lockedUntil: past, windowStart: past } });
    expect(await attempt(user.email, user.password)).not.toBeNull();
    // …and the next failure counts from one again.
    await attempt(user.email, "wrong again");
    expect((await db.signInThrottle.findUnique({ where: { key: `account:${user.email}` } }))?.failures).toBe(1);
  });

  it("locks a client address that fails across many accounts, and only that address", async () => {
    const user = await createTestUser();
    await db.$transaction(async (tx) => {
      for (let i = 0; i < ADDRESS_LIMIT - 1; i++) await recordFailure(tx, [{ key: addressKey("10.9.9.9"), limit: ADDRESS_LIMIT }]);
    });
    expect(await attempt(`someone-else@test.chancery.test`, "guess", { "x-chancery-peer": "10.9.9.9" })).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.locked", targetType: "Address", targetId: "10.9.9.9" } })).toBe(1);
    expect(await attempt(user.email, user.password, { "x-chancery-peer": "10.9.9.9" })).toBeNull();
    expect(await attempt(user.email, user.password, { "x-chancery-peer": "10.9.9.10" })).not.toBeNull();
  });

  it("counts concurrent failures exactly", async () => {
    const user = await createTestUser();
    await Promise.all(Array.from({ length: 12 }, (_, i) => authenticate({ email: user.email, password: `x-${i}`, headers: {}, wait: noWait })));
    expect((await db.signInThrottle.findUnique({ where: { key: `account:${user.email}` } }))?.failures).toBe(12);
  });

  it("throttles guesses at the current password on /account like sign-in, and a lock refuses even the right one", async () => {
    // A thief with a stolen session tries to learn the password (to keep access after the session ends).
    const user = await createTestUser();
    const session = await createSession({ userId: user.id });
    const actor = { id: user.id, email: user.email, role: user.role, sessionId: session.id };
    const context = { ip: "10.6.0.1", userAgent: "vitest" };
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    for (let i = 0; i < 30; i++) {
      const error = await changeOwnPassword({ actor, input: { currentPassword: `guess-${i}`, newPassword: "a stolen new passphrase" }, context, wait }).catch((e: unknown) => e);
      expect((error as AppError).code).toBe(i < 29 ? "INVALID" : "RATE_LIMITED");
    }
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(Math.max(...waits)).toBe(2_000);
    const right = await changeOwnPassword({ actor, input: { currentPassword: user.password, newPassword: "a stolen new passphrase" }, context, wait }).catch((e: unknown) => e);
    expect(right).toBeInstanceOf(AppError);
    expect((right as AppError).code).toBe("RATE_LIMITED");
    expect(await attempt(user.email, user.password)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.locked", targetId: user.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "user.password_change_failed", targetId: user.id } })).toBe(31);
    expect(await db.auditLog.count({ where: { action: "user.password_change", targetId: user.id } })).toBe(0);
    expect(await authenticate({ email: user.email, password: user.password, headers: {}, wait: noWait })).toBeNull();
  });

  it("tells a sign-in from a browser the account has not used apart, by the browser's own cookie", async () => {
    const user = await createTestUser();
    const [laptop, phone] = [newBrowserId(), newBrowserId()];
    const from = (id: string | null) => attempt(user.email, user.password, id ? { cookie: `theme=dark; ${BROWSER_COOKIE}=${id}` } : {});
    const newBrowserFlags = async () =>
      (await db.auditLog.findMany({ where: { action: "auth.sign_in", targetId: user.id }, orderBy: { id: "asc" }, select: { summary: true } })).map((r) => !!(r.summary as { newBrowser?: boolean } | null)?.newBrowser);

    // The first browser is not news, nor is signing in from it again; the session keeps a hash, never the id.
    const first = await from(laptop);
    await from(laptop);
    const stored = await db.userSession.findUniqueOrThrow({ where: { id: first!.sessionId }, select: { browserHash: true } });
    expect(stored.browserHash).toBe(hashBrowserId(laptop));
    expect(stored.browserHash).not.toContain(laptop);
    // Another browser is, once; a client with no id at all always is, once the account has a known browser.
    await from(phone);
    await from(phone);
    await from(null);
    await from(null);
    expect(await newBrowserFlags()).toEqual([false, false, true, false, true, true]);
    const { entries } = await listAuditEntries({ actor: user.id });
    const names = await loadAuditNames(entries);
    const sentences = entries.map((entry) => describeAuditEntry(entry, names).map((p) => (typeof p === "string" ? p : p.text)).join(""));
    expect(sentences).toContain(`${user.name} signed in from a browser not seen before.`);
    // Ending every session forgets no browser: the laptop is still known.
    await db.userSession.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    await from(laptop);
    expect((await newBrowserFlags()).at(-1)).toBe(false);
  });

  it("reads the browser's id only from a cookie of its name and shape", () => {
    const id = newBrowserId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(browserIdFrom({ cookie: `a=1; ${BROWSER_COOKIE}=${id}; b=2` })).toBe(id);
    expect(browserIdFrom(new Headers({ cookie: `${SECURE_BROWSER_COOKIE}=${id}` }))).toBe(id);
    for (const cookie of [`${BROWSER_COOKIE}=${id}x`, `${BROWSER_COOKIE}=short`, `x${BROWSER_COOKIE}=${id}`, `${BROWSER_COOKIE}=${id.slice(1)}%`, ""]) {
      expect(browserIdFrom({ cookie }), cookie).toBeNull();
    }
    expect(browserIdFrom({})).toBeNull();
  });

  it("words the new-browser mail with what, where and when, and what to do", () => {
    const message = newSignInMessage({ userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", ip: "203.0.113.7", at: new Date("2026-12-06T21:05:09Z") });
    expect(message.subject).toBe("New sign-in to your Chancery account");
    expect(message.text).toContain("Browser: Firefox on Windows");
    expect(message.text).toContain("Address: 203.0.113.7");
    expect(message.text).toContain("2026-12-06 21:05 UTC");
    expect(message.text).toMatch(/https?:\/\/\S+\/account\n/);
    expect(newSignInMessage({ userAgent: null, ip: null, at: new Date() }).text).toContain("Address: not known");
  });

  it("grows the delay and caps it", () => {
    expect([1, 2, 3].map(failureDelayMs)).toEqual([0, 0, 0]);
    expect(failureDelayMs(4)).toBe(100);
    expect(failureDelayMs(5)).toBe(200);
    expect(failureDelayMs(30)).toBe(2_000);
    expect(failureDelayMs(10_000)).toBe(2_000);
  });
});
