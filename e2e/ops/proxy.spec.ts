import net from "node:net";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createEventViaApi, eventInput, staffContext, unique, workflowViaApi } from "../desk/helpers/staff";
import { inlineScriptHashes } from "../support/csp";
import { startProxy, type Proxy } from "../support/nginx";

/**
 * deploy/nginx.conf, run by Debian's nginx in front of the e2e server: public pages
 * cached for their s-maxage, a publish visible within the staleness they advertise,
 * staff and signed-in traffic never cached; a shared page sent as cached, its scripts
 * named by hash, and a fresh nonce on every copy of any other page.
 */
test.describe.configure({ mode: "serial" });

let proxy: Proxy;
test.beforeAll(async () => {
  proxy = await startProxy([`127.0.0.1:${process.env.E2E_PORT}`]);
});
test.afterAll(async () => {
  await proxy?.stop();
});

const EVENT = "/events/kazakhstan-to-join-the-abraham-accords";

/** Seconds a shared cache may show a page after it changed: s-maxage plus stale-while-revalidate. */
function advertisedStaleness(cacheControl: string): number {
  const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(cacheControl)?.[1] ?? 0);
  return seconds("s-maxage") + seconds("stale-while-revalidate");
}

test("public pages are cached and go out as cached: the same body and policy, their scripts named by hash", async () => {
  const context = await playwrightRequest.newContext();
  const statuses: string[] = [];
  const bodies = new Set<string>();
  const policies = new Set<string>();
  // Within one s-maxage the second and third come from the cache.
  for (let i = 0; i < 3; i++) {
    // Uncompressed, so that the body is the one nginx keeps.
    const response = await context.get(proxy.url(EVENT), { headers: { "Accept-Encoding": "identity" } });
    expect(response.status()).toBe(200);
    statuses.push(response.headers()["x-cache-status"] ?? "");
    const policy = response.headers()["content-security-policy"] ?? "";
    expect(policy).not.toContain("nonce-");
    const html = await response.text();
    const hashes = inlineScriptHashes(html);
    expect(hashes.length).toBeGreaterThan(0);
    expect(policy).toContain(`script-src 'self' ${hashes.join(" ")};`);
    // Sent as cached, not rewritten: nginx keeps the app's length instead of chunking a rewritten body.
    expect(Number(response.headers()["content-length"])).toBe(Buffer.byteLength(html));
    bodies.add(html);
    policies.add(policy);
  }
  expect(statuses).toContain("HIT");
  expect(bodies.size).toBe(1);
  expect(policies.size).toBe(1);
  await context.dispose();
});

test("a page made for one reader gets a fresh nonce from the proxy on every response, in the policy and in its scripts", async () => {
  const context = await playwrightRequest.newContext();
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await context.get(proxy.url("/login"));
    expect(response.status()).toBe(200);
    const nonce = /script-src 'nonce-([A-Za-z0-9_-]+)' 'strict-dynamic'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(response.headers()["x-request-id"]).toBe(nonce);
    // The app names its own nonce for the proxy; the proxy keeps that to itself.
    expect(response.headers()["x-chancery-nonce"]).toBeUndefined();
    const scripts = ((await response.text()).match(/<script\b[^>]*>/g) ?? []).filter((tag) => !tag.includes("application/ld+json"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.add(nonce!);
  }
  expect(nonces.size).toBe(3);
  await context.dispose();
});

test("a publish shows through the proxy within the staleness the page advertises", async ({ browser }) => {
  const { context } = await staffContext(browser, "EDITOR");
  const title = `Proxy publish check ${unique()}`;
  const list = await context.request.get(proxy.url("/events"));
  const staleness = advertisedStaleness(list.headers()["cache-control"] ?? "");
  expect(staleness).toBeGreaterThan(0);
  // The list is in the proxy's cache before the publish.
  expect(await list.text()).not.toContain(title);
  const reader = await playwrightRequest.newContext();
  await reader.get(proxy.url("/events"));

  const created = await createEventViaApi(context.request, eventInput(title));
  expect((await workflowViaApi(context.request, "events", created.id, { action: "publish", baseVersion: created.version })).status).toBe(200);
  await expect
    .poll(async () => (await (await reader.get(proxy.url("/events"))).text()).includes(title), { timeout: (staleness + 2) * 1000, intervals: [250] })
    .toBe(true);
  await expect
    .poll(async () => (await reader.get(proxy.url(`/events/${created.slug}`))).status(), { timeout: (staleness + 2) * 1000, intervals: [250] })
    .toBe(200);
  await reader.dispose();
  await context.close();
});

test("signed-in pages are never cached, and a session cookie bypasses the cache everywhere", async ({ browser }) => {
  const { context, staff } = await staffContext(browser, "EDITOR");
  const proxied = await playwrightRequest.newContext({ storageState: await context.storageState() });
  for (const path of ["/dashboard", "/dashboard/events", "/account", "/", EVENT]) {
    for (let i = 0; i < 2; i++) {
      const response = await proxied.get(proxy.url(path));
      expect(response.status(), path).toBe(200);
      expect(["", "BYPASS"], `${path} X-Cache-Status`).toContain(response.headers()["x-cache-status"] ?? "");
      if (path.startsWith("/dashboard") || path === "/account") {
        expect(response.headers()["cache-control"]).toContain("no-store");
        expect(await response.text()).toContain(staff.name);
      }
    }
  }
  // An anonymous reader of the same desk URL is sent to sign in: nothing of the editor's was kept.
  const anonymous = await playwrightRequest.newContext();
  const desk = await anonymous.get(proxy.url("/dashboard"), { maxRedirects: 0 });
  expect(desk.status()).toBe(307);
  expect(desk.headers()["location"]).toContain("/login");
  await anonymous.dispose();
  await proxied.dispose();
  await context.close();
});

test("sign-in and the desk API go straight through the proxy", async ({ browser }) => {
  const { staff } = await staffContext(browser, "EDITOR");
  const context = await playwrightRequest.newContext({ baseURL: proxy.url("") });
  const login = await context.get("/login");
  expect(login.status()).toBe(200);
  expect(login.headers()["x-cache-status"] ?? "").toBe("");
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.post("/api/auth/callback/credentials", { form: { csrfToken, email: staff.email, password: staff.password, json: "true" }, maxRedirects: 0 });
  const session = (await (await context.get("/api/auth/session")).json()) as { user?: { id: string } };
  expect(session.user?.id).toBe(staff.id);
  const created = await createEventViaApi(context, eventInput(`Through the proxy ${unique()}`));
  expect(created.id).toBeTruthy();
  await context.dispose();
});

test("upgrades are refused and the scheduler's and metrics' routes are not reachable through the proxy", async ({ request }) => {
  const socket = net.connect(proxy.port, "127.0.0.1");
  let received = "";
  socket.on("data", (d: Buffer) => (received += d.toString()));
  socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
  await new Promise((resolve) => socket.once("close", resolve));
  expect(received).toMatch(/^HTTP\/1\.1 400 /);
  expect((await request.post(proxy.url("/api/internal/tick"))).status()).toBe(404);
  expect((await request.get(proxy.url("/metrics"))).status()).toBe(404);
});
