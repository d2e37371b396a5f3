import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { baseUrl, createStaff, signedInRequest, type Staff } from "../support/staff";

/**
 * Every admin operation, replayed straight at the server (the same route handlers
 * the admin pages call) with a real session cookie.
 */
function adminCalls(target: Staff) {
  const email = `never-${target.id}@e2e.chancery.test`;
  return [
    { name: "list users", call: (r: APIRequestContext) => r.get("/api/admin/users") },
    { name: "invite", call: (r: APIRequestContext) => r.post("/api/admin/users", { data: { email, role: "ADMIN" } }) },
    { name: "change role", call: (r: APIRequestContext) => r.post(`/api/admin/users/${target.id}/role`, { data: { role: "ADMIN" } }) },
    { name: "deactivate", call: (r: APIRequestContext) => r.post(`/api/admin/users/${target.id}/active`, { data: { isActive: false } }) },
    { name: "reset link", call: (r: APIRequestContext) => r.post(`/api/admin/users/${target.id}/reset-link`) },
    { name: "unlock", call: (r: APIRequestContext) => r.post(`/api/admin/users/${target.id}/unlock`) },
    { name: "audit log", call: (r: APIRequestContext) => r.get("/api/admin/audit") },
  ];
}

async function usersAsAdmin() {
  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  const response = await admin.get("/api/admin/users");
  const body = (await response.json()) as { users: { id: string; email: string; role: string; isActive: boolean }[]; invitations: { email: string }[] };
  await admin.dispose();
  return body;
}

async function auditAsAdmin(query: string) {
  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  const response = await admin.get(`/api/admin/audit?${query}`);
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { action: string; targetId: string | null; actorEmail: string | null; ip: string | null });
  await admin.dispose();
  return lines;
}

for (const role of ["CONTRIBUTOR", "EDITOR"] as const) {
  test(`a ${role.toLowerCase()} calling every admin route gets 403, changes nothing, and leaves audit rows`, async () => {
    const [caller, target] = await Promise.all([createStaff(role), createStaff("CONTRIBUTOR", "target")]);
    const session = await signedInRequest(caller.email, caller.password);
    for (const { name, call } of adminCalls(target)) {
      const response = await call(session);
      expect(response.status(), name).toBe(403);
      expect(await response.text(), name).not.toContain(target.email);
    }
    for (const path of ["/admin/users", "/admin/audit", `/admin/users/${target.id}`]) {
      // HTTP 403 with the "no access" page, where it was asked for (no redirect to a 200 page).
      const page = await session.get(path, { maxRedirects: 0 });
      expect(page.status(), path).toBe(403);
      expect(await page.text(), path).toContain("You do not have access to this page");
      expect(await page.text(), path).not.toContain(target.email);
    }
    // Their own role cannot be raised either, whatever they send.
    expect((await session.post(`/api/admin/users/${caller.id}/role`, { data: { role: "ADMIN" } })).status()).toBe(403);
    // next-auth's session update, done properly (with the CSRF token), changes nothing either.
    const { csrfToken } = (await (await session.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const update = await session.post("/api/auth/session", { data: { csrfToken, data: { role: "ADMIN", user: { role: "ADMIN" }, sid: "forged", sub: target.id } } });
    expect(update.status()).toBeLessThan(500);
    expect(JSON.stringify(await update.json())).not.toContain("ADMIN");
    expect((await session.get("/api/admin/users")).status()).toBe(403);
    await session.dispose();

    const { users, invitations } = await usersAsAdmin();
    const after = users.find((u) => u.id === target.id)!;
    expect(after).toMatchObject({ role: "CONTRIBUTOR", isActive: true });
    expect(users.find((u) => u.id === caller.id)!.role).toBe(role);
    expect(invitations.map((i) => i.email)).not.toContain(`never-${target.id}@e2e.chancery.test`);
    const denied = await auditAsAdmin(`action=access.denied&actor=${encodeURIComponent(caller.email)}`);
    expect(denied.length).toBeGreaterThanOrEqual(adminCalls(target).length + 3);
    expect(denied.map((d) => d.targetId)).toEqual(expect.arrayContaining(["api.admin.users.role", "api.admin.users.invite", "api.admin.audit", "/admin/users"]));
  });
}

test("signed-out requests get 401 on every admin and account route and the sign-in page on desk pages", async () => {
  const target = await createStaff("CONTRIBUTOR", "target");
  const anonymous = await playwrightRequest.newContext({ baseURL: baseUrl() });
  for (const { name, call } of adminCalls(target)) {
    expect((await call(anonymous)).status(), name).toBe(401);
  }
  const password = await anonymous.post("/api/account/password", { data: { currentPassword: "x", newPassword: "a long new passphrase" } });
  expect(password.status()).toBe(401);
  // The desk's own routes (content), replayed without a session.
  const deskCalls = [
    ["POST", "/api/desk/events"],
    ["PUT", "/api/desk/events/any-id"],
    ["DELETE", "/api/desk/events/any-id"],
    ["POST", "/api/desk/events/any-id/workflow"],
    ["POST", "/api/desk/statements"],
    ["PUT", "/api/desk/statements/any-id"],
    ["DELETE", "/api/desk/statements/any-id"],
    ["POST", "/api/desk/statements/any-id/workflow"],
    ["GET", "/api/desk/lookup?kind=person&q=a"],
    ["POST", "/api/desk/import"],
    ["POST", "/api/desk/people/any-id/merge"],
  ] as const;
  for (const [method, path] of deskCalls) {
    const response = await anonymous.fetch(path, { method, data: method === "GET" || method === "DELETE" ? undefined : { action: "publish" } });
    expect(response.status(), `${method} ${path}`).toBe(401);
  }
  for (const path of ["/dashboard", "/admin/users", "/admin/audit", "/account"]) {
    const page = await anonymous.get(path);
    expect(new URL(page.url()).pathname, path).toBe("/login");
  }
  await anonymous.dispose();
  const denied = await auditAsAdmin("action=access.denied&target=api.admin.users.role");
  expect(denied.some((d) => d.actorEmail === null)).toBe(true);
});

test("a deactivated user's and a demoted admin's existing sessions stop on their next request", async () => {
  const [member, deputy] = await Promise.all([createStaff("EDITOR", "member"), createStaff("ADMIN", "deputy")]);
  const memberSession = await signedInRequest(member.email, member.password);
  const deputySession = await signedInRequest(deputy.email, deputy.password);
  expect((await memberSession.get("/api/auth/session")).ok()).toBe(true);
  expect((await deputySession.get("/api/admin/users")).status()).toBe(200);

  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  expect((await admin.post(`/api/admin/users/${member.id}/active`, { data: { isActive: false } })).status()).toBe(200);
  expect((await admin.post(`/api/admin/users/${deputy.id}/role`, { data: { role: "EDITOR" } })).status()).toBe(200);
  await admin.dispose();

  // The same cookies as a moment ago.
  expect((await deputySession.get("/api/admin/users")).status()).toBe(401);
  expect(new URL((await deputySession.get("/admin/users")).url()).pathname).toBe("/login");
  expect(new URL((await memberSession.get("/dashboard")).url()).pathname).toBe("/login");
  expect((await memberSession.post("/api/account/password", { data: { currentPassword: member.password, newPassword: "something else entirely" } })).status()).toBe(401);
  await memberSession.dispose();
  await deputySession.dispose();

  const rows = await auditAsAdmin(`target=${deputy.id}`);
  expect(rows.map((r) => r.action)).toContain("user.role_change");
});

test("an old cookie stops working after a password change elsewhere", async () => {
  const staff = await createStaff("CONTRIBUTOR", "changer");
  const old = await signedInRequest(staff.email, staff.password);
  const current = await signedInRequest(staff.email, staff.password);
  const changed = await current.post("/api/account/password", { data: { currentPassword: staff.password, newPassword: "the newer passphrase" } });
  expect(changed.status(), await changed.text()).toBe(200);
  expect(new URL((await old.get("/dashboard")).url()).pathname).toBe("/login");
  expect((await old.post("/api/account/password", { data: { currentPassword: "the newer passphrase", newPassword: "yet another passphrase" } })).status()).toBe(401);
  expect(new URL((await current.get("/dashboard")).url()).pathname).toBe("/dashboard");
  await old.dispose();
  await current.dispose();
});

test("a contributor replaying the admin's own request (the page's JSON call) is refused and changes nothing", async ({ browser }) => {
  const [first, second, caller] = await Promise.all([
    createStaff("CONTRIBUTOR", "first"),
    createStaff("CONTRIBUTOR", "second"),
    createStaff("CONTRIBUTOR", "replayer"),
  ]);
  // Capture a real "Change role" request as the admin's page makes it.
  const { context: admin, page } = await signedInPage(browser, E2E_ADMIN);
  await page.goto(`/admin/users/${first.id}`);
  await page.getByRole("combobox", { name: "Role" }).selectOption("EDITOR");
  const [captured] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(`/api/admin/users/${first.id}/role`)),
    page.getByRole("button", { name: "Change role" }).click(),
  ]);
  await expect(page.getByText("Role changed.")).toBeVisible();
  const headers = captured.headers();
  const body = captured.postDataBuffer()!;
  await admin.close();

  // The same request, aimed at another user, with the contributor's own cookie.
  const session = await signedInRequest(caller.email, caller.password);
  const response = await session.post(captured.url().replace(first.id, second.id), {
    headers: { "content-type": headers["content-type"]!, accept: headers.accept ?? "application/json" },
    data: body,
  });
  expect(response.status()).toBe(403);
  await session.dispose();

  const { users } = await usersAsAdmin();
  expect(users.find((u) => u.id === first.id)!.role).toBe("EDITOR");
  expect(users.find((u) => u.id === second.id)!.role).toBe("CONTRIBUTOR");
  const denied = await auditAsAdmin(`action=access.denied&actor=${encodeURIComponent(caller.email)}`);
  expect(denied.map((d) => d.targetId)).toContain("api.admin.users.role");
});
