import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { VIEWPORTS } from "../support/viewports";

/** The paths a page's prefetches asked for (Next marks a prefetch with Next-Router-Prefetch). */
function recordPrefetches(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

/**
 * Waits until the page's prefetches have had their chance: Next prefetched the header's
 * link to the events list (the site's navigation, in view on every page), and the network
 * is quiet again. Next prefetches the links in view in one pass after hydration.
 */
async function settle(page: Page, prefetched: string[]) {
  await expect.poll(() => prefetched.includes("/events") || prefetched.includes("/"), { message: "the header's links are prefetched" }).toBe(true);
  await page.waitForLoadState("networkidle");
}

// Links to records in a list are prefetched only when a reader reaches for one
// (components/public/intent-link.tsx); the site's navigation keeps Next's prefetch.
for (const viewport of VIEWPORTS) {
  test(`on a ${viewport.name}, the countries index prefetches no country until the reader reaches for one`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const prefetched = recordPrefetches(page);
    await page.goto("/countries");
    const all = page.getByRole("region", { name: "All countries, A–Z" });
    await expect(all.locator('a[href^="/countries/"]')).toHaveCount(249);
    await settle(page, prefetched);
    // Country links in view: those on the record (below the map), then a column of the A–Z.
    const kazakhstan = page.getByRole("region", { name: "Countries on the record" }).getByRole("link", { name: "Kazakhstan", exact: true }).last();
    await kazakhstan.scrollIntoViewIfNeeded();
    await page.waitForLoadState("networkidle");
    await all.getByRole("link", { name: "Kenya", exact: true }).scrollIntoViewIfNeeded();
    await page.waitForLoadState("networkidle");
    expect(prefetched.filter((path) => path.startsWith("/countries/")), "country pages prefetched before any intent").toEqual([]);
    if (viewport.name === "desktop") {
      await kazakhstan.hover();
      await expect.poll(() => prefetched.filter((path) => path === "/countries/kz").length, { message: "hovering prefetches the country" }).toBeGreaterThan(0);
    }
    // Only what the reader reached for: no other country came with it.
    expect(new Set(prefetched.filter((path) => path.startsWith("/countries/"))).size).toBeLessThanOrEqual(2);
    await expectAccessible(page);
    await kazakhstan.click();
    await expect(page.getByRole("heading", { level: 1, name: "Kazakhstan" })).toBeVisible();
    await expect(page).toHaveURL(/\/countries\/kz$/);
  });
}

test("the events list and a search prefetch none of their results until one is reached for", async ({ page }) => {
  const prefetched = recordPrefetches(page);
  await page.goto("/events");
  const first = page.locator('main a[href^="/events/"]').first();
  await expect(first).toBeVisible();
  await settle(page, prefetched);
  expect(prefetched.filter((path) => path.startsWith("/events/")), "event pages prefetched from the list").toEqual([]);
  // Keyboard focus is intent too.
  const focused = (await first.getAttribute("href"))!;
  await first.focus();
  await expect.poll(() => prefetched.includes(focused), { message: "focusing an event prefetches it" }).toBe(true);
  expect(new Set(prefetched.filter((path) => path.startsWith("/events/")))).toEqual(new Set([focused]));

  prefetched.length = 0;
  await page.goto("/search?q=Kazakhstan");
  await expect(page.locator('main a[href^="/events/"]').first()).toBeVisible();
  await settle(page, prefetched);
  expect(prefetched.filter((path) => /^\/(events|statements)\/./.test(path)), "results prefetched from the search").toEqual([]);

  // A result other than the event already prefetched (the browser keeps that one).
  const result = page.locator(`main a[href^="/events/"]:not([href="${focused}"])`).first();
  const href = (await result.getAttribute("href"))!;
  await result.hover();
  await expect.poll(() => prefetched.includes(href), { message: "hovering a result prefetches it" }).toBe(true);
  await result.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
