import { expect, test, type Page } from "@playwright/test";
import { signInContext } from "../support/auth";
import { E2E_ADMIN } from "../support/env";

/**
 * The strict Content-Security-Policy holds on every kind of page: no violation is
 * reported, and the page's scripts run (client-side navigation works, which needs
 * React to have hydrated).
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

test("each response has its own nonce, in the policy and in every script, and a cached page stays cached", async ({ request }) => {
  /** Three requests in a row: each with a nonce of its own in the policy and every script; whether one came from the cache. */
  const round = async () => {
    const seen = new Set<string>();
    let cached = false;
    for (let i = 0; i < 3; i++) {
      const response = await request.get(EVENT);
      const policy = response.headers()["content-security-policy"] ?? "";
      const nonce = /script-src 'nonce-([A-Za-z0-9_-]+)' 'strict-dynamic'/.exec(policy)?.[1];
      expect(nonce, policy).toBeTruthy();
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain("unsafe-eval");
      const html = await response.text();
      const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
      const executable = scriptTags.filter((tag) => !tag.includes('type="application/ld+json"'));
      expect(executable.length).toBeGreaterThan(0);
      for (const tag of executable) expect(tag).toContain(`nonce="${nonce}"`);
      seen.add(nonce!);
      if (response.headers()["x-nextjs-cache"] === "HIT") cached = true;
      expect(response.headers()["cache-control"]).toContain("s-maxage=");
    }
    expect(seen.size).toBe(3);
    return cached;
  };
  // The page tells its day's story, so an event another spec publishes meanwhile expires its
  // cached copy: a round without a hit is tried again (a page never cached never passes).
  let cached = await round();
  for (let tries = 1; !cached && tries < 5; tries++) cached = await round();
  expect(cached, "one of three requests in a row served from the cache").toBe(true);
});

test("a page keeps one ETag across nonces, and a request naming it gets 304 without a new policy", async ({ request }) => {
  // The server tags a page as rendered, before its nonce goes in: one tag across nonces.
  const [first, second] = [await request.get(EVENT), await request.get(EVENT)];
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  expect(second.headers()["etag"]).toBe(etag);
  expect(second.headers()["content-security-policy"]).not.toBe(first.headers()["content-security-policy"]);
  const named = await request.get(EVENT, { headers: { "If-None-Match": etag! } });
  expect(named.status()).toBe(304);
  expect(named.headers()["content-security-policy"]).toBeUndefined();
  expect((await request.get(EVENT, { headers: { "If-None-Match": '"another-page"' } })).status()).toBe(200);
});
