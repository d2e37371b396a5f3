import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectBreadcrumbs, nodeOfType, readJsonLd } from "./record-fixtures";

test("Israel and Kazakhstan: relations since 10 April 1992, and their shared timeline up to the accession", async ({ page }) => {
  await page.goto("/relations/il-kz");
  await expect(page.getByRole("heading", { level: 1, name: "Israel and Kazakhstan" })).toBeVisible();
  await expect(page.getByText(/Diplomatic relations established/)).toContainText("10 April 1992");
  const timeline = page.getByRole("list", { name: "Events involving both Israel and Kazakhstan" });
  await expect(timeline.getByRole("link", { name: "Kazakhstan announces it will join the Abraham Accords" })).toBeVisible();
  await expect(timeline.getByRole("link", { name: "Israel opens its embassy in Kazakhstan" })).toBeVisible();
  const agreements = page.getByRole("region", { name: "Agreements both are party to" });
  await expect(agreements.getByRole("link", { name: "Abraham Accords" })).toBeVisible();
  await expect(agreements).toContainText("Kazakhstan: Announced intent to join");
  const nodes = await readJsonLd(page);
  const about = nodeOfType(nodes, "WebPage").about as Array<{ name: string }>;
  expect(about.map((c) => c.name)).toEqual(["Israel", "Kazakhstan"]);
  expectBreadcrumbs(nodes, ["Home", "Countries", "Israel and Kazakhstan"]);
  await expectAccessible(page);
});

test("relation URLs have one canonical order; nonsense pairs answer 404", async ({ page, request }) => {
  const reversed = await request.get("/relations/kz-il", { maxRedirects: 0 });
  expect(reversed.status()).toBe(308);
  expect(reversed.headers()["location"]).toBe("/relations/il-kz");
  await page.goto("/relations/kz-il");
  await expect(page).toHaveURL(/\/relations\/il-kz$/);
  // Answered at once, in either order: no redirect to another address that names no country either.
  for (const bad of ["/relations/kz-kz", "/relations/kz", "/relations/zz-kz", "/relations/kz-zz", "/relations/il-kz-us", "/countries/ZZ"]) {
    expect((await request.get(bad, { maxRedirects: 0 })).status(), bad).toBe(404);
  }
});
