import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";

/**
 * The site's main navigation says where the reader is (components/ui/section-link.tsx):
 * the section's own page is the current page, and a record inside it keeps the section
 * marked, so a reader who arrived on a record from a search engine sees which part of the
 * site it belongs to.
 */
const current = (page: Page) => page.getByRole("navigation", { name: "Main" }).locator("a[aria-current]");

for (const viewport of VIEWPORTS) {
  test(`the main navigation marks the section the reader is in (${viewport.name})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const page = await context.newPage();
    const nav = page.getByRole("navigation", { name: "Main" });

    await page.goto("/");
    await expect(current(page)).toHaveCount(0);

    await nav.getByRole("link", { name: "Countries" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Countries" })).toBeVisible();
    await expect(current(page)).toHaveText("Countries");
    await expect(current(page)).toHaveAttribute("aria-current", "page");

    await page.getByRole("region", { name: "All countries, A–Z" }).getByRole("link", { name: "Kazakhstan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Kazakhstan" })).toBeVisible();
    await expect(current(page)).toHaveText("Countries");
    await expect(current(page)).toHaveAttribute("aria-current", "true");
    // A relation between two countries belongs to the countries too.
    await page.getByRole("region", { name: "Partners", exact: true }).getByRole("link", { name: "Kazakhstan and Israel" }).click();
    await expect(page).toHaveURL(/\/relations\/il-kz$/);
    await expect(current(page)).toHaveText("Countries");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath(`navigation-${viewport.name}.png`) });

    await nav.getByRole("link", { name: "Events" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    await expect(current(page)).toHaveText("Events");
    await expect(current(page)).toHaveAttribute("aria-current", "page");
    // The mark is drawn, not only announced: the current link is underlined, the others not.
    const underline = (name: string) => nav.getByRole("link", { name }).evaluate((a) => getComputedStyle(a).textDecorationLine);
    expect(await underline("Events")).toBe("underline");
    expect(await underline("Statements")).toBe("none");
    await context.close();
  });
}

test("a page read without its script already marks its section", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/agreements/abraham-accords");
  await expect(current(page)).toHaveText("Agreements");
  await expect(current(page)).toHaveAttribute("aria-current", "true");
  await context.close();
});
