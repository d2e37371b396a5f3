import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { expectAppError } from "@/lib/testing/factories";
import { hashToken } from "@/lib/auth/tokens";
import { NO_CONTEXT, type Actor } from "./actor";
import { acceptInvitation } from "./accept-invitation";
import { inviteUser } from "./invite-user";
import { REQUESTED_RESET_LIFETIME_MS, RESET_REQUESTS_PER_ADDRESS, RESET_REQUESTS_PER_EMAIL, requestPasswordReset, resetPassword } from "./password-reset";
import { revokeInvitation } from "./revoke-invitation";
import { createTestUser, signIn } from "./testing";
import { updateUserProfile } from "./update-user-profile";

const ORIGIN = "http://chancery.test";
const actorOf = (u: { id: string; email: string; role: Actor["role"] }): Actor => ({ id: u.id, email: u.email, role: u.role });

// A real SMTP server for this file: what Chancery sends arrives as raw messages.
const mails: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    stream.on("end", () => {
      mails.push(raw);
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address = smtp.server.address();
  process.env.SMTP_URL = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const tokenIn = (raw: string) => raw.replace(/=\r?\n/g, "").match(/\/reset\/([A-Za-z0-9_-]{43})/)?.[1];

describe("forgot password", () => {
  it("mails a single-use, one-hour link to an active account, and answers an unknown address the same way", async () => {
    const user = await createTestUser({ role: "EDITOR", password: "the old passphrase of record" });
    const context = { ip: "198.51.100.7", userAgent: "vitest" };
    const known = await requestPasswordReset({ input: { email: ` ${user.email.toUpperCase()} ` }, context, origin: ORIGIN });
    const unknown = await requestPasswordReset({ input: { email: "nobody-here@test.chancery.test" }, context, origin: ORIGIN });
    expect(Object.keys(known)).toEqual(Object.keys(unknown));

    await vi.waitFor(() => expect(mails.some((m) => m.includes(user.email))).toBe(true), { timeout: 10_000 });
    const mail = mails.find((m) => m.includes(user.email))!;
    expect(mail).toContain("Reset your Chancery password");
    const token = tokenIn(mail)!;
    expect(token).toBeTruthy();
    const reset = await db.passwordReset.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(reset.userId).toBe(user.id);
    expect(reset.createdById).toBeNull();
    expect(reset.expiresAt.getTime() - reset.createdAt.getTime()).toBe(REQUESTED_RESET_LIFETIME_MS);
    expect(mails.some((m) => m.includes("nobody-here@test.chancery.test"))).toBe(false);

    // Both requests are audited alike, without the token.
    const rows = await db.auditLog.findMany({ where: { action: "user.password_reset_request", actorEmail: { in: [user.email, "nobody-here@test.chancery.test"] } }, select: { summary: true, targetType: true } });
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(token);

    await resetPassword({ input: { token, password: "a brand new passphrase here" }, context: NO_CONTEXT });
    expect(await signIn(user.email, "a brand new passphrase here")).not.toBeNull();
    await expectAppError(resetPassword({ input: { token, password: "yet another passphrase here" }, context: NO_CONTEXT }), "NOT_FOUND");
  });

  it("sends nothing to a deactivated account, refuses bad input with a field error, and throttles per email and per address", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const gone = await createTestUser({ role: "CONTRIBUTOR" });
    await db.user.update({ where: { id: gone.id }, data: { isActive: false } });
    await requestPasswordReset({ input: { email: gone.email }, context: NO_CONTEXT, origin: ORIGIN });
    expect(await db.passwordReset.count({ where: { userId: gone.id } })).toBe(0);

    const bad = await expectAppError(requestPasswordReset({ input: { email: "not an email\u0000" }, context: NO_CONTEXT, origin: ORIGIN }), "INVALID");
    expect(bad.fieldErrors.email).toBeDefined();

    for (let i = 0; i < RESET_REQUESTS_PER_EMAIL; i++) {
      await requestPasswordReset({ input: { email: admin.email }, context: NO_CONTEXT, origin: ORIGIN });
    }
    const before = await db.passwordReset.count({ where: { userId: admin.id } });
    expect(before).toBe(RESET_REQUESTS_PER_EMAIL);
    await expectAppError(requestPasswordReset({ input: { email: admin.email }, context: NO_CONTEXT, origin: ORIGIN }), "RATE_LIMITED");
    expect(await db.passwordReset.count({ where: { userId: admin.id } })).toBe(before);
    // Unknown addresses are counted the same way, so the refusal says nothing about an account.
    for (let i = 0; i < RESET_REQUESTS_PER_EMAIL; i++) {
      await requestPasswordReset({ input: { email: "ghost@test.chancery.test" }, context: NO_CONTEXT, origin: ORIGIN });
    }
    await expectAppError(requestPasswordReset({ input: { email: "ghost@test.chancery.test" }, context: NO_CONTEXT, origin: ORIGIN }), "RATE_LIMITED");

    const context = { ip: "203.0.113.99", userAgent: null };
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS; i++) {
      await requestPasswordReset({ input: { email: `spray-${i}@test.chancery.test` }, context, origin: ORIGIN });
    }
    await expectAppError(requestPasswordReset({ input: { email: "spray-last@test.chancery.test" }, context, origin: ORIGIN }), "RATE_LIMITED");
    // Sign-in is a different counter: the reset requests lock nobody out.
    expect((await db.signInThrottle.findMany({ where: { key: { startsWith: "account:" } } })).length).toBe(0);
  });
});

describe("invitations and profiles", () => {
  it("an admin revokes an open invitation once; its link then fails", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const invitation = await inviteUser({ actor: actorOf(admin), input: { email: "revoked@test.chancery.test", role: "EDITOR" }, context: NO_CONTEXT, origin: ORIGIN });
    await revokeInvitation({ actor: actorOf(admin), input: { invitationId: invitation.id }, context: NO_CONTEXT });
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.revokedAt).not.toBeNull();
    await expectAppError(acceptInvitation({ input: { token: invitation.token, name: "Re Voked", password: "a long editor passphrase" }, context: NO_CONTEXT }), "NOT_FOUND");
    await expectAppError(revokeInvitation({ actor: actorOf(admin), input: { invitationId: invitation.id }, context: NO_CONTEXT }), "CONFLICT");
    await expectAppError(revokeInvitation({ actor: actorOf(admin), input: { invitationId: "nope" }, context: NO_CONTEXT }), "NOT_FOUND");
    await expectAppError(revokeInvitation({ actor: actorOf(admin), input: { invitationId: "\u0000" }, context: NO_CONTEXT }), "INVALID");
    expect(await db.auditLog.count({ where: { action: "user.invitation_revoke", targetId: invitation.id } })).toBe(1);
  });

  it("an admin corrects a name and email; a taken email or bad text is a field error and changes nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser({ role: "CONTRIBUTOR", password: "the contributor's passphrase" });
    const other = await createTestUser({ role: "CONTRIBUTOR" });
    const taken = await expectAppError(updateUserProfile({ actor: actorOf(admin), input: { userId: user.id, name: "New Name", email: other.email }, context: NO_CONTEXT }), "INVALID");
    expect(taken.fieldErrors.email).toEqual(["There is already an account with this email."]);
    for (const name of ["", "Ed\nItor", "Ed\u0000"]) {
      const bad = await expectAppError(updateUserProfile({ actor: actorOf(admin), input: { userId: user.id, name, email: user.email }, context: NO_CONTEXT }), "INVALID");
      expect(bad.fieldErrors.name, JSON.stringify(name)).toBeDefined();
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, email: true } })).toEqual({ name: user.name, email: user.email });

    const result = await updateUserProfile({ actor: actorOf(admin), input: { userId: user.id, name: "Aigerim Author", email: " Aigerim@Test.Chancery.TEST " }, context: NO_CONTEXT });
    expect(result).toMatchObject({ changed: true, email: "aigerim@test.chancery.test" });
    expect(await signIn("aigerim@test.chancery.test", "the contributor's passphrase")).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.profile_change", targetId: user.id } });
    expect(audit.summary).toMatchObject({ before: { name: user.name, email: user.email }, after: { name: "Aigerim Author", email: "aigerim@test.chancery.test" } });
    const again = await updateUserProfile({ actor: actorOf(admin), input: { userId: user.id, name: "Aigerim Author", email: "aigerim@test.chancery.test" }, context: NO_CONTEXT });
    expect(again.changed).toBe(false);
    expect(await db.auditLog.count({ where: { action: "user.profile_change", targetId: user.id } })).toBe(1);
  });
});
