import { expect, test, type Page } from "@playwright/test";
import { signInContext } from "../support/auth";
import { inlineScriptHashes } from "../support/csp";
import { E2E_ADMIN } from "../support/env";

/**
 * The strict Content-Security-Policy holds on every kind of page: no violation is
 * reported, and the page's scripts run (client-side navigation works, which needs
 * React to have hydrated). Pages made for one reader name their scripts by a nonce of
 * their own; public pages every reader shares, by hash.
 */
const EVENT = "/events/kazakhstan-to-join-the-abraham-accords";

async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)), ...consoleErrors];
}

/** Clicks a link and proves the app router took it (an RSC fetch), i.e. the page's scripts run. */
async function navigateClientSide(page: Page, link: ReturnType<Page["getByRole"]>) {
  const rsc = page.waitForRequest((request) => request.headers()["rsc"] === "1");
  await link.first().click();
  await rsc;
}

test("public pages: no violation, scripts run", async ({ page }) => {
  test.setTimeout(180_000);
  const violations = await watchViolations(page);
  for (const path of ["/", "/events", EVENT, "/countries/kz", "/agreements/abraham-accords", "/search?q=abraham", "/corrections", "/no-such-page"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await violations(), path).toEqual([]);
  }
  await page.goto("/");
  await navigateClientSide(page, page.getByRole("link", { name: "Kazakhstan announces it will join the Abraham Accords" }));
  await expect(page).toHaveURL(new RegExp(`${EVENT}$`));
  expect(await violations()).toEqual([]);
});

test("sign-in page: no violation, the form works", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
});

test("desk and admin pages: no violation, client components run", async ({ page, context }) => {
  test.setTimeout(180_000); // seven desk pages, each until the network is idle
  await signInContext(context, E2E_ADMIN.email, E2E_ADMIN.password);
  const violations = await watchViolations(page);
  for (const path of ["/dashboard", "/dashboard/events", "/dashboard/events/new", "/dashboard/people", "/admin/users", "/admin/audit", "/account"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await violations(), path).toEqual([]);
  }
  await page.goto("/dashboard");
  await navigateClientSide(page, page.getByRole("link", { name: /^Events$/ }));
  await expect(page).toHaveURL(/\/dashboard\/events$/);
  expect(await violations()).toEqual([]);
});

function expectStrict(policy: string) {
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(/script-src [^;]*/.exec(policy)?.[0]).not.toContain("unsafe-inline");
}

test("a public page every reader shares names its scripts by hash, goes out the same to all, and stays cached", async ({ request }) => {
  /** Three requests in a row: one body and one policy, naming exactly the page's inline scripts; whether one came from the cache. */
  const round = async () => {
    const bodies = new Set<string>();
    let cached = false;
    for (let i = 0; i < 3; i++) {
      const response = await request.get(EVENT);
      expect(response.headers()["cache-control"]).toContain("s-maxage=");
      const policy = response.headers()["content-security-policy"] ?? "";
      expectStrict(policy);
      expect(policy).not.toContain("nonce-");
      const html = await response.text();
      const hashes = inlineScriptHashes(html);
      expect(hashes.length).toBeGreaterThan(0);
      expect(policy).toContain(`script-src 'self' ${hashes.join(" ")};`);
      bodies.add(html);
      if (response.headers()["x-nextjs-cache"] === "HIT") cached = true;
    }
    return { cached, same: bodies.size === 1 };
  };
  // The page tells its day's story, so an event another spec publishes meanwhile expires its
  // cached copy: a round without a hit is tried again (a page never cached never passes).
  let result = await round();
  for (let tries = 1; !(result.cached && result.same) && tries < 5; tries++) result = await round();
  expect(result.cached, "one of three requests in a row served from the cache").toBe(true);
  expect(result.same, "three requests in a row got the same page").toBe(true);
});

test("a page made for one reader, or streamed, has a nonce of its own in the policy and in every script", async ({ request }) => {
  for (const path of ["/login", "/events"]) {
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await request.get(path);
      const policy = response.headers()["content-security-policy"] ?? "";
      const nonce = /script-src 'nonce-([A-Za-z0-9_-]+)' 'strict-dynamic'/.exec(policy)?.[1];
      expect(nonce, `${path}: ${policy}`).toBeTruthy();
      expectStrict(policy);
      const executable = ((await response.text()).match(/<script\b[^>]*>/g) ?? []).filter((tag) => !tag.includes('type="application/ld+json"'));
      expect(executable.length, path).toBeGreaterThan(0);
      for (const tag of executable) expect(tag, path).toContain(`nonce="${nonce}"`);
      seen.add(nonce!);
    }
    expect(seen.size, path).toBe(3);
  }
});

test("on a shared page, a script the render did not make is refused, and the page's own scripts run", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto(EVENT);
  expect(response?.headers()["content-security-policy"]).toContain("'sha256-");
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__injectedRan = true;";
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __injectedRan?: boolean }).__injectedRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(async () => (await violations()).some((v) => v.startsWith("script-src"))).toBe(true);
  // The page's own scripts ran: the app router takes a link.
  await navigateClientSide(page, page.getByRole("link", { name: "Kazakhstan" }));
});

test("a page keeps one ETag across responses, and a request naming it gets 304 without a new policy", async ({ request }) => {
  // The server tags a page as rendered, before any nonce goes in: one tag for every response.
  const [first, second] = [await request.get(EVENT), await request.get(EVENT)];
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  expect(second.headers()["etag"]).toBe(etag);
  const named = await request.get(EVENT, { headers: { "If-None-Match": etag! } });
  expect(named.status()).toBe(304);
  expect(named.headers()["content-security-policy"]).toBeUndefined();
  expect((await request.get(EVENT, { headers: { "If-None-Match": '"another-page"' } })).status()).toBe(200);
});
