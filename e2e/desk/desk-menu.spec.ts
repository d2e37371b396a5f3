import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signedInPage } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";

/**
 * The desk's bar on a phone folds its sections and the person's links behind "Menu", so
 * an editor sees the page rather than a third of the screen of links; what waits for
 * review and the search stay on the bar. On a desktop, and without the page's script,
 * everything is shown as before.
 */
const [DESKTOP, PHONE] = VIEWPORTS;

test("on a phone an editor opens the desk's menu, goes to a section, and finds it folded again there", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, E2E_ADMIN, { viewport: PHONE });
  await page.goto("/dashboard");
  const bar = page.getByRole("banner");
  const menu = bar.getByRole("button", { name: "Menu" });
  const sections = bar.getByRole("navigation", { name: "Desk" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(sections).toBeHidden();
  await expect(bar.getByRole("button", { name: "Sign out" })).toBeHidden();
  // Still on the bar: what waits for review, and the search.
  await expect(bar.getByRole("link", { name: /Review queue: \d+ waiting/ })).toBeVisible();
  await expect(bar.getByRole("searchbox", { name: "Search the desk" })).toBeVisible();
  // The bar takes about a tenth of the screen, not a third: the brand, what waits and the
  // button on one line, the search under them.
  const folded = (await bar.boundingBox())!.height;
  expect(folded).toBeLessThan(PHONE.height / 7);
  const top = async (name: RegExp) =>
    (await bar.getByRole("link", { name }).or(bar.getByRole("button", { name })).boundingBox())!.y;
  expect(Math.abs((await top(/^Menu$/)) - (await top(/Review queue/)))).toBeLessThan(12);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("desk-bar-folded.png") });

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(sections).toBeVisible();
  await expect(bar.getByRole("button", { name: "Sign out" })).toBeVisible();
  // One link to the queue, not two.
  await expect(bar.getByRole("link", { name: /Review queue: \d+ waiting/ })).toHaveCount(1);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("desk-bar-open.png") });

  // Escape folds it and gives the focus back to the button.
  await sections.getByRole("link", { name: "Statements" }).focus();
  await page.keyboard.press("Escape");
  await expect(sections).toBeHidden();
  await expect(menu).toBeFocused();

  // A section reached through the menu opens with the menu folded.
  await menu.click();
  await sections.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(sections).toBeHidden();
  // Opened again, the menu says which section this is.
  await menu.click();
  await expect(sections.locator("a[aria-current]")).toHaveText("Audit log");
  await expect(sections.getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  await context.close();
});

test("on a desktop the desk's bar shows every section and no menu button", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, E2E_ADMIN, { viewport: DESKTOP });
  await page.goto("/dashboard");
  const bar = page.getByRole("banner");
  await expect(bar.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(
    bar.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Webhooks" }),
  ).toBeVisible();
  await expect(bar.getByRole("link", { name: /Review queue: \d+ waiting/ })).toHaveCount(1);
  await expect(bar.getByRole("button", { name: "Sign out" })).toBeVisible();
  // The keyboard goes through the bar in the order it reads: the sections, the search, then
  // the person's links.
  await bar.getByRole("searchbox", { name: "Search the desk" }).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(bar.getByRole("link", { name: "View site" })).toBeFocused();
  await expectAccessible(page);
  // The dashboard is the current page; a record of a section marks that section, and the
  // dashboard (whose address begins every desk page's) no longer.
  const sections = bar.getByRole("navigation", { name: "Desk" });
  await expect(sections.locator("a[aria-current]")).toHaveText("Dashboard");
  await sections.getByRole("link", { name: "Events" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Events" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "New event" }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/events\/new$/);
  await expect(sections.locator("a[aria-current]")).toHaveText("Events");
  await expect(sections.getByRole("link", { name: "Events" })).toHaveAttribute("aria-current", "true");
  await context.close();
});

test("on a phone without the page's script the desk's sections are shown, with no button that would do nothing", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, E2E_ADMIN, {
    viewport: PHONE,
    javaScriptEnabled: false,
  });
  await page.goto("/dashboard");
  const bar = page.getByRole("banner");
  await expect(
    bar.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Audit log" }),
  ).toBeVisible();
  await expect(bar.getByRole("button", { name: "Menu" })).toHaveCount(0);
  await context.close();
});
