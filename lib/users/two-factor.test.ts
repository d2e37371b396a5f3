import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate, SecondFactorRequired } from "@/lib/auth/authenticate";
import { createSession, findLiveSession } from "@/lib/auth/sessions";
import { currentTotp, TOTP_STEP_SECONDS } from "@/lib/auth/two-factor";
import { mustEnrolTwoFactor } from "@/lib/auth/two-factor-policy";
import { AppError } from "@/lib/errors/app-error";
import { createTestUser } from "./testing";
import { confirmTwoFactorEnrolment, getTwoFactorStatus, resetTwoFactor, startTwoFactorEnrolment } from "./two-factor";

const context = { ip: "10.8.0.1", userAgent: "vitest" };
const noWait = async () => {};

async function enrolled() {
  const user = await createTestUser({ role: "ADMIN" });
  const session = await createSession({ userId: user.id });
  const actor = { id: user.id, email: user.email, role: user.role, sessionId: session.id };
  const { secret, uri } = await startTwoFactorEnrolment({ actor, context });
  expect(uri).toMatch(/^otpauth:\/\/totp\/Chancery:.*secret=/);
  // The code of the previous step: the sign-ins below use the current one (a code works once).
  const { recoveryCodes } = await confirmTwoFactorEnrolment({ actor, input: { code: await currentTotp(secret, Date.now() - TOTP_STEP_SECONDS * 1000) }, context, wait: noWait });
  return { user, secret, recoveryCodes, actor };
}

const signIn = (email: string, password: string, code?: string) =>
  authenticate({ email, password, code, headers: { "x-chancery-peer": "10.8.0.2" }, wait: noWait });

// Each test hashes passwords a dozen times (argon2id is slow on purpose) on a machine other tests share.
describe("two-factor sign-in", { timeout: 90_000 }, () => {
  it("asks for the code after the right password, takes a code once, and a recovery code once", async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace("-", ""));

    await expect(signIn(user.email, user.password)).rejects.toBeInstanceOf(SecondFactorRequired);
    expect(await signIn(user.email, "wrong password", await currentTotp(secret))).toBeNull();
    expect(await signIn(user.email, user.password, "000000")).toBeNull();
    const code = await currentTotp(secret);
    expect(await signIn(user.email, user.password, code)).not.toBeNull();
    // The same code again (a replay by someone who watched it typed) is refused.
    expect(await signIn(user.email, user.password, code)).toBeNull();

    expect(await signIn(user.email, user.password, recoveryCodes[3]!.toUpperCase())).not.toBeNull();
    expect(await signIn(user.email, user.password, recoveryCodes[3]!)).toBeNull();
    expect((await getTwoFactorStatus(user.id))!.recoveryCodesLeft).toBe(9);
    const reasons = await db.auditLog.findMany({ where: { targetId: user.id, action: "auth.sign_in_failed" }, select: { summary: true } });
    expect(reasons.map((r) => (r.summary as { reason: string }).reason).sort()).toEqual(["wrong code", "wrong code", "wrong code", "wrong password"]);
  });

  it("counts wrong codes like wrong passwords: 30 lock the account, and then even the right code is refused", async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < 29; i++) expect(await signIn(user.email, user.password, String(100000 + i))).toBeNull();
    // The 30th attempt locks the account, so even the right code is refused.
    expect(await signIn(user.email, user.password, await currentTotp(secret))).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.locked", targetId: user.id } })).toBe(1);
    expect(await signIn(user.email, user.password, await currentTotp(secret))).toBeNull();
  });

  it("a wrong code at enrolment is counted and refused; an admin's reset turns it off and ends the sessions", async () => {
    const user = await createTestUser();
    const actor = { id: user.id, email: user.email, role: user.role };
    await startTwoFactorEnrolment({ actor, context });
    const error = await confirmTwoFactorEnrolment({ actor, input: { code: "123456" }, context, wait: noWait }).catch((e: unknown) => e);
    expect((error as AppError).fieldErrors.code).toBeDefined();
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${user.email}` } })).failures).toBe(1);

    const { user: target, secret } = await enrolled();
    const admin = await createTestUser({ role: "ADMIN" });
    const live = await signIn(target.email, target.password, await currentTotp(secret));
    await resetTwoFactor({ actor: { id: admin.id, email: admin.email, role: "ADMIN" }, input: { userId: target.id }, context });
    expect(await findLiveSession(live!.sessionId)).toBeNull();
    expect(await signIn(target.email, target.password)).not.toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: target.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "user.two_factor_reset", targetId: target.id, actorId: admin.id } })).toBe(1);
  });

  it("REQUIRE_2FA_FOR decides who must set it up first", () => {
    const cases = [
      [{ role: "ADMIN", hasTwoFactor: false }, "NONE", false],
      [{ role: "ADMIN", hasTwoFactor: false }, "ADMIN", true],
      [{ role: "ADMIN", hasTwoFactor: true }, "ADMIN", false],
      [{ role: "EDITOR", hasTwoFactor: false }, "ADMIN", false],
      [{ role: "EDITOR", hasTwoFactor: false }, "EDITOR", true],
      [{ role: "CONTRIBUTOR", hasTwoFactor: false }, "EDITOR", false],
      [{ role: "CONTRIBUTOR", hasTwoFactor: false }, "ALL", true],
    ] as const;
    for (const [user, policy, expected] of cases) expect(mustEnrolTwoFactor(user, policy), `${user.role} ${policy}`).toBe(expected);
  });
});
