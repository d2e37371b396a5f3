import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectBreadcrumbs, nodeOfType, readJsonLd } from "./record-fixtures";

test("the countries index puts countries on the record first and reaches all 249", async ({ page }) => {
  await page.goto("/countries");
  await expect(page.getByRole("heading", { level: 1, name: "Countries" })).toBeVisible();
  const onRecord = page.getByRole("region", { name: "Countries on the record" });
  await expect(onRecord.getByRole("group", { name: /Countries that appear in the published record/ })).toBeVisible();
  await expect(onRecord.getByRole("listitem").filter({ hasText: "Kazakhstan" }).first()).toBeVisible();
  const all = page.getByRole("region", { name: "All countries, A–Z" });
  await expect(all.locator('a[href^="/countries/"]')).toHaveCount(249);
  await page.getByRole("navigation", { name: "Countries by first letter" }).getByRole("link", { name: "Z", exact: true }).click();
  await expect(page).toHaveURL(/#letter-Z$/);
  await all.getByRole("link", { name: "Zimbabwe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zimbabwe" })).toBeVisible();
  await expect(page.getByText("Nothing about Zimbabwe has been published yet.")).toBeVisible();
  await page.goto("/countries");
  await expectAccessible(page);
});

test("Kazakhstan's page has its timeline, statements, the Accords with its status, partners and a map", async ({ page }) => {
  await page.goto("/countries/kz");
  await expect(page.getByRole("heading", { level: 1, name: "Kazakhstan" })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Events involving Kazakhstan" });
  await expect(timeline.getByRole("link", { name: "Kazakhstan announces it will join the Abraham Accords" })).toBeVisible();
  await expect(timeline.getByRole("link", { name: "Israel and Kazakhstan establish diplomatic relations" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Statements by its officials and about it" })).toContainText("a natural and logical continuation");

  const agreements = page.getByRole("region", { name: "Agreements" });
  await expect(agreements.getByRole("link", { name: "Abraham Accords" })).toHaveAttribute("href", "/agreements/abraham-accords");
  await expect(agreements).toContainText("Announced intent to join");

  const partners = page.getByRole("region", { name: "Partners", exact: true });
  await expect(partners.getByRole("link", { name: "Kazakhstan and Israel" })).toHaveAttribute("href", "/relations/il-kz");
  const map = page.getByRole("group", { name: /Kazakhstan and the countries it shares events with/ });
  await expect(map).toBeVisible();
  // The map's text alternative names every coloured country.
  const caption = page.locator("figcaption").first();
  await expect(caption.getByRole("link", { name: "Israel" })).toBeVisible();
  await expect(caption.getByRole("link", { name: "Uzbekistan" })).toBeVisible();

  const nodes = await readJsonLd(page);
  expect(nodeOfType(nodes, "Country")).toMatchObject({ name: "Kazakhstan", sameAs: "https://www.wikidata.org/wiki/Q232" });
  expectBreadcrumbs(nodes, ["Home", "Countries", "Kazakhstan"]);
  await expectAccessible(page);
});

test("country codes are lower-case in URLs; upper case redirects and unknown codes answer 404", async ({ page, request }) => {
  const upper = await request.get("/countries/KZ", { maxRedirects: 0 });
  expect(upper.status()).toBe(308);
  expect(upper.headers()["location"]).toBe("/countries/kz");
  expect((await request.get("/countries/zz")).status()).toBe(404);
  expect((await request.get("/countries/kaz")).status()).toBe(404);
  await page.goto("/countries/zz");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
