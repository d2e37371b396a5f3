import { expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_ADMIN } from "../support/env";
import { baseUrl, createStaff, signedInRequest } from "../support/staff";

/** One sign-in attempt through next-auth's endpoint, in its own cookie jar. Returns whether it worked. */
async function attempt(email: string, password: string, headers: Record<string, string> = {}) {
  const context = await playwrightRequest.newContext({ baseURL: baseUrl(), extraHTTPHeaders: headers });
  try {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, callbackUrl: "/dashboard", json: "true" },
      maxRedirects: 0,
    });
    const session = (await (await context.get("/api/auth/session")).json()) as { user?: { id: string } };
    return Boolean(session.user?.id);
  } finally {
    await context.dispose();
  }
}

test("30 wrong passwords in a minute lock the account, whatever the case, spaces or X-Forwarded-For", async () => {
  test.setTimeout(120_000);
  const staff = await createStaff("EDITOR", "target");
  const variants = [staff.email, staff.email.toUpperCase(), `  ${staff.email}  `, ` ${staff.email.replace(/^./, (c) => c.toUpperCase())}`];
  const started = Date.now();
  // Six at a time, as a script would: the growing delay slows each answer, not the
  // count. (Not all 30 at once: each costs a deliberately slow hash, and other specs
  // share this server.)
  const results: boolean[] = [];
  for (let batch = 0; batch < 5; batch++) {
    results.push(
      ...(await Promise.all(
        Array.from({ length: 6 }, (_, j) => {
          const i = batch * 6 + j;
          return attempt(variants[i % variants.length]!, `wrong guess ${i}`, { "X-Forwarded-For": `198.51.100.${i + 1}` });
        }),
      )),
    );
  }
  expect(results).toHaveLength(30);
  expect(results.every((ok) => !ok)).toBe(true);
  expect(Date.now() - started).toBeLessThan(60_000);

  // The right password no longer opens it, from any claimed address.
  expect(await attempt(staff.email, staff.password, { "X-Forwarded-For": "192.0.2.77" })).toBe(false);

  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  const audit = await admin.get(`/api/admin/audit?action=auth.&target=${staff.id}`);
  const rows = (await audit.text()).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { action: string; ip: string | null; summary: { reason?: string } });
  expect(rows.filter((r) => r.action === "auth.locked")).toHaveLength(1);
  expect(rows.filter((r) => r.action === "auth.sign_in_failed").length).toBeGreaterThanOrEqual(31);
  expect(rows.some((r) => r.summary.reason === "locked")).toBe(true);
  // The address recorded is the real peer, never the header the client made up.
  expect(rows.every((r) => r.ip === null || !r.ip.startsWith("198.51.100."))).toBe(true);

  // An admin lifts the lock; the owner signs in again.
  expect((await admin.post(`/api/admin/users/${staff.id}/unlock`)).status()).toBe(200);
  await admin.dispose();
  expect(await attempt(staff.email, staff.password)).toBe(true);
});
