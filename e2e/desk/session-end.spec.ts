import { expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_ADMIN } from "../support/env";
import { baseUrl, createStaff, signedInRequest } from "../support/staff";

function setCookies(response: { headersArray(): { name: string; value: string }[] }): string[] {
  return response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
}

test("a deactivated user's cookie gets the answer for no session from /api/auth/session, and is not refreshed", async () => {
  const member = await createStaff("EDITOR", "ended");
  const session = await signedInRequest(member.email, member.password);
  const live = await session.get("/api/auth/session");
  expect(((await live.json()) as { user?: { id: string } }).user?.id).toBe(member.id);

  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  expect((await admin.post(`/api/admin/users/${member.id}/active`, { data: { isActive: false } })).status()).toBe(200);
  await admin.dispose();

  // The same cookie as a moment ago: the same answer as a visitor without one.
  const ended = await session.get("/api/auth/session");
  expect(ended.status()).toBe(200);
  expect(await ended.json()).toEqual({});
  const cookies = setCookies(ended);
  expect(cookies.every((c) => /Max-Age=0/i.test(c)), cookies.join("\n")).toBe(true);
  expect(cookies.some((c) => /session-token=;/.test(c))).toBe(true);
  // …and next-auth's update (POST) does not bring it back either.
  const { csrfToken } = (await (await session.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const update = await session.post("/api/auth/session", { data: { csrfToken } });
  expect(await update.json()).toEqual({});
  await session.dispose();

  const anonymous = await playwrightRequest.newContext({ baseURL: baseUrl() });
  expect(await (await anonymous.get("/api/auth/session")).json()).toEqual({});
  await anonymous.dispose();
});
