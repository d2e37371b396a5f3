import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { VIEWPORTS } from "../support/viewports";
import { luminance } from "../../lib/testing/contrast";

/**
 * A reader prints a record, or saves it as PDF, to file or cite it
 * (components/public/site-frame.module.css): the page keeps its title, text and sources, each
 * source with its address; what works only on a screen is left off; and a dark screen still
 * prints dark ink, since a printer prints no backgrounds.
 */
const EVENT = "/events/kazakhstan-to-join-the-abraham-accords";

for (const viewport of VIEWPORTS) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`a reader prints an event's page from a ${colorScheme} screen: the record and its sources' addresses, in dark ink, without the screen's controls (${viewport.name})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ colorScheme, viewport });
      const page = await context.newPage();
      await page.goto(EVENT);
      // On the screen, first: the controls are there and no address follows a source.
      const sources = page.getByRole("region", { name: "Sources" });
      const firstSource = sources.getByRole("listitem").first().getByRole("link").first();
      await expect(page.getByRole("searchbox", { name: "Search" })).toBeVisible();
      expect(await firstSource.evaluate((a) => getComputedStyle(a, "::after").content)).toBe(
        "none",
      );
      await expectAccessible(page);

      await page.emulateMedia({ media: "print" });
      await expect(
        page.getByRole("heading", {
          level: 1,
          name: "Kazakhstan announces it will join the Abraham Accords",
        }),
      ).toBeVisible();
      await expect(sources).toBeVisible();
      // Each source prints where it is: its address after its title.
      const href = await firstSource.getAttribute("href");
      expect(href).toMatch(/^https:\/\//);
      expect(await firstSource.evaluate((a) => getComputedStyle(a, "::after").content)).toBe(
        `" <${href}>"`,
      );
      // What only a screen can use is left off.
      await expect(page.getByRole("searchbox", { name: "Search" })).toBeHidden();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
      await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
      await expect(page.getByRole("link", { name: "Skip to content" })).toBeHidden();
      await expect(page.getByRole("button", { name: /^Copy the .* citation$/ })).toHaveCount(0);
      // The citation itself stays: a printed page is cited too.
      await expect(page.getByRole("region", { name: "Cite this" })).toBeVisible();
      // Dark ink on the paper, whatever the screen's scheme.
      const ink = luminance(await page.evaluate(() => getComputedStyle(document.body).color));
    expect(ink).toBeLessThan(0.05);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await test.info().attach(`event-${colorScheme}-${viewport.name}.pdf`, {
        body: pdf,
        contentType: "application/pdf",
      });
      await context.close();
    });
  }
}

test("a reader prints a country's page: its lists without their feeds to follow", async ({
  page,
}) => {
  await page.goto("/countries/kz");
  await expect(page.getByText("Follow these events:").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1, name: "Kazakhstan" })).toBeVisible();
  for (const follow of await page.getByText("Follow these events:").all())
    await expect(follow).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeVisible();
});

test("a reader prints an agreement's page: the map's legend and the parties' statuses keep their colours", async ({
  page,
}) => {
  await page.goto("/agreements/abraham-accords");
  await page.emulateMedia({ media: "print" });
  // A printer leaves backgrounds out unless told; these backgrounds are what the colours mean.
  const legend = page.locator("figure dl span[aria-hidden='true']").first();
  await expect(legend).toBeVisible();
  expect(await legend.evaluate((swatch) => getComputedStyle(swatch).printColorAdjust)).toBe(
    "exact",
  );
  const status = page.getByRole("table").getByText("Signed", { exact: true }).first();
  expect(await status.evaluate((cell) => getComputedStyle(cell, "::before").printColorAdjust)).toBe(
    "exact",
  );
  const pdf = await page.pdf({ format: "A4" });
  await test.info().attach("agreement.pdf", { body: pdf, contentType: "application/pdf" });
});
