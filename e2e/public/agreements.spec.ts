import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
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

test("an unknown agreement answers 404", async ({ request }) => {
  expect((await request.get("/agreements/no-such-accord")).status()).toBe(404);
});
