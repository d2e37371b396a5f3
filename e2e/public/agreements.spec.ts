import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { expectBreadcrumbs, nodeOfType, readJsonLd } from "./record-fixtures";

test("the agreements index leads to the Abraham Accords", async ({ page }) => {
  await page.goto("/agreements");
  await expect(page.getByRole("heading", { level: 1, name: "Agreements" })).toBeVisible();
  await page.getByRole("heading", { level: 2, name: "Abraham Accords", exact: true }).getByRole("link").click();
  await expect(page).toHaveURL(/\/agreements\/abraham-accords$/);
  await page.goto("/agreements");
  await expectAccessible(page);
});

test("the Abraham Accords page shows each party's status, their actions over time and a map", async ({ page }) => {
  await page.goto("/agreements/abraham-accords");
  await expect(page.getByRole("heading", { level: 1, name: "Abraham Accords" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("row", { name: /United Arab Emirates/ })).toContainText("Signed");
  await expect(table.getByRole("row", { name: /Kazakhstan/ })).toContainText("Announced intent to join");
  await expect(table.getByRole("row", { name: /Kazakhstan/ })).toContainText("Intent announced, 6 November 2025");

  const timeline = page.getByRole("list", { name: "Treaty actions on the Abraham Accords" });
  await expect(timeline.getByRole("link", { name: "Kazakhstan: intent announced" })).toHaveAttribute(
    "href",
    "/events/kazakhstan-to-join-the-abraham-accords",
  );
  await expect(page.getByRole("group", { name: /^Parties to the Abraham Accords, coloured by status/ })).toBeVisible();
  const legend = page.locator("figcaption");
  await expect(legend).toContainText("Signed");
  await expect(legend.getByRole("link", { name: "Bahrain" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Related agreements" }).getByRole("link", { name: /Joint Declaration/ })).toBeVisible();

  const nodes = await readJsonLd(page);
  const legislation = nodeOfType(nodes, "Legislation");
  expect(legislation.name).toBe("Abraham Accords");
  expect(legislation.legislationDate).toBe("2020-09-15");
  expect((legislation.spatialCoverage as Array<{ name: string }>).map((c) => c.name)).toContain("Kazakhstan");
  expectBreadcrumbs(nodes, ["Home", "Agreements", "Abraham Accords"]);
  await expectAccessible(page);
});

/**
 * On a phone the parties table stacks: each party, then its status and its steps at the width
 * of the page, each named. As three columns the steps had about 80 px, a word or two a line, and
 * Morocco's row ran to twenty lines.
 */
for (const viewport of VIEWPORTS) {
  test(`the parties and their steps are read across the page — ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/agreements/abraham-accords");
    const table = page.getByRole("table");
    const morocco = table.getByRole("row", { name: /Morocco/ });
    await expect(morocco).toContainText("Joined through a related instrument");
    const steps = morocco.getByRole("cell").last();
    const [tableBox, stepsBox] = [(await table.boundingBox())!, (await steps.boundingBox())!];
    if (viewport.name === "phone") {
      expect(stepsBox.width, "the steps take the table's width").toBeGreaterThan(tableBox.width * 0.9);
      // Each value says what it is, the column headings being out of sight.
      expect(await steps.evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe('"Steps: "');
      expect(await morocco.getByRole("cell").first().evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe('"Status: "');
    } else {
      // Three columns side by side, named by the heading row.
      expect(stepsBox.width).toBeLessThan(tableBox.width * 0.7);
      expect(await steps.evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe("none");
    }
    // "Intent announced, 10 December 2020" is one line, not one a word.
    const line = await steps.getByRole("listitem").first().evaluate((item) => item.getBoundingClientRect().height / parseFloat(getComputedStyle(item).lineHeight));
    expect(line, "lines taken by the first step").toBeLessThan(1.5);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });
}

test("an unknown agreement answers 404", async ({ request }) => {
  expect((await request.get("/agreements/no-such-accord")).status()).toBe(404);
});
