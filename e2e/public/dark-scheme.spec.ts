import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signInContext } from "../support/auth";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { contrast, luminance } from "../../lib/testing/contrast";
import {
  createEventViaApi,
  createStaff,
  eventInput,
  signInAs,
  unique,
  workflowViaApi,
} from "../desk/helpers/staff";

/**
 * A reader or an editor whose system asks for dark pages gets them (app/globals.css's dark
 * tokens), legible by axe's contrast rules; one who asks for nothing, or for light, gets the
 * light pages as before.
 */

/** The page's ground and text as the browser computed them: WCAG's luminance of each (0 black, 1 white), and the colour scheme. */
async function pageColours(page: Page) {
  const { ground, text, scheme } = await page.evaluate(() => ({
    ground: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.body).color,
    scheme: getComputedStyle(document.documentElement).colorScheme,
  }));
  return { ground: luminance(ground), text: luminance(text), scheme };
}

/** WCAG's contrast ratio of an element's text on its own background, as the browser computed them. */
async function textContrast(element: Locator): Promise<number> {
  const { color, backgroundColor } = await element.evaluate((node) => {
    const style = getComputedStyle(node);
    return { color: style.color, backgroundColor: style.backgroundColor };
  });
  return contrast(color, backgroundColor);
}

const READER_PAGES = [
  "/",
  "/events/kazakhstan-to-join-the-abraham-accords",
  "/agreements/abraham-accords",
  "/countries/kz",
  "/statements",
  `/search?q=${encodeURIComponent("Kazakstan Tokaev")}`,
  "/no-such-page",
  "/login",
];

for (const viewport of VIEWPORTS) {
  test(`a reader whose system is dark reads dark pages, legible, with the map's land in the dark too (${viewport.name})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport, colorScheme: "dark" });
    const page = await context.newPage();
    for (const path of viewport.name === "desktop" ? READER_PAGES : READER_PAGES.slice(0, 3)) {
      await page.goto(path);
      const { ground, text, scheme } = await pageColours(page);
      expect(ground, `${path}: a dark ground`).toBeLessThan(0.05);
      expect(text, `${path}: light text`).toBeGreaterThan(0.6);
      // Form controls, scroll bars and the date pickers follow.
      expect(scheme).toBe("light dark");
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    }
    // The browser's bar takes the scheme's colour.
    await expect(
      page.locator('meta[name="theme-color"][media="(prefers-color-scheme: dark)"]'),
    ).toHaveAttribute("content", "#141619");

    // The map's land is an image of its own (cached for a day): it carries both schemes.
    await page.goto("/agreements/abraham-accords");
    await expect(page.locator("figure svg image").first()).toHaveAttribute(
      "href",
      "/maps/world.svg",
    );
    const base = await page.request.get("/maps/world.svg");
    expect(await base.text()).toContain("@media screen and (prefers-color-scheme:dark)");
    await page.screenshot({
      path: test.info().outputPath(`dark-agreement-${viewport.name}.png`),
      fullPage: true,
    });

    // The search button, filled with the accent, keeps legible text on it.
    await page.getByRole("searchbox", { name: "Search" }).fill("Abraham");
    await page.getByRole("button", { name: "Search", exact: true }).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=Abraham/);
    await expectAccessible(page);
    await context.close();
  });
}

test("a reader whose system is light, or says nothing, keeps the light pages", async ({
  browser,
}) => {
  for (const colorScheme of ["light", "no-preference"] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto("/");
    const { ground, text } = await pageColours(page);
    expect(ground, colorScheme).toBeGreaterThan(0.85);
    expect(text, colorScheme).toBeLessThan(0.05);
    await context.close();
  }
});

for (const viewport of VIEWPORTS) {
  test(`an editor whose system is dark works at a dark desk, its bar still dark and its buttons legible (${viewport.name})`, async ({
    browser,
  }) => {
    const staff = await createStaff("EDITOR");
    const context = await browser.newContext({ viewport, colorScheme: "dark" });
    await signInContext(context, staff.email, staff.password);
    // Something waits for review, so the bar's count is lit.
    const author = await createStaff("CONTRIBUTOR");
    const authorContext = await browser.newContext();
    await signInAs(authorContext.request, author);
    const draft = await createEventViaApi(
      authorContext.request,
      eventInput(`Dark desk ${unique()}`),
    );
    expect(
      (
        await workflowViaApi(authorContext.request, "events", draft.id, {
          action: "submit",
          baseVersion: draft.version,
        })
      ).body.ok,
    ).toBe(true);
    await authorContext.close();
    const page = await context.newPage();
    for (const path of ["/dashboard", "/dashboard/events", "/dashboard/statements/new"]) {
      await page.goto(path);
      const { ground, text } = await pageColours(page);
      expect(ground, `${path}: a dark ground`).toBeLessThan(0.05);
      expect(text, `${path}: light text`).toBeGreaterThan(0.6);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    }
    // The desk's bar stays dark (it is dark in the light scheme too), its text light, and the
    // lit count of what waits for review legible (axe above checked it on the dashboard).
    const queue = page.getByRole("link", { name: /Review queue: [1-9]\d* waiting/ });
    await expect(queue).toBeVisible();
    // axe leaves a one-digit count "incomplete" (too short to judge), so the count's own
    // contrast is measured here: it was light ink on orange before its colour was fixed.
    expect(await textContrast(queue.locator("span"))).toBeGreaterThanOrEqual(4.5);
    const bar = await page
      .getByRole("banner")
      .evaluate((header) => getComputedStyle(header).backgroundColor);
    expect(bar).toBe("rgb(35, 39, 45)");
    // A form's check, shown as an alert on the dark page, is legible too.
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("alert").first()).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({
      path: test.info().outputPath(`dark-desk-${viewport.name}.png`),
      fullPage: true,
    });
    await context.close();
  });
}
