import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectBreadcrumbs, nodeOfType, readJsonLd } from "./record-fixtures";

test("a person's page lists their offices, statements and events", async ({ page }) => {
  await page.goto("/people/donald-trump");
  await expect(page.getByRole("heading", { level: 1, name: "Donald Trump" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Offices held" })).toContainText("President of the United States");
  await expect(page.getByRole("region", { name: "Statements" }).getByRole("link", { name: /first Country of my Second Term/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Events Donald Trump took part in" }).getByRole("link").first()).toBeVisible();
  const nodes = await readJsonLd(page);
  expect(nodeOfType(nodes, "Person")).toMatchObject({ name: "Donald Trump", sameAs: "https://www.wikidata.org/wiki/Q22686" });
  expectBreadcrumbs(nodes, ["Home", "Donald Trump"]);
  await expectAccessible(page);
});

test("an organization's page lists its members and events; a government body is a GovernmentOrganization", async ({ page }) => {
  await page.goto("/organizations/c5-plus-1");
  await expect(page.getByRole("heading", { level: 1, name: "C5+1" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Members" }).getByRole("link", { name: "Kazakhstan" })).toHaveAttribute("href", "/countries/kz");
  await expectAccessible(page);
  await page.goto("/organizations/us-department-of-state");
  expect(nodeOfType(await readJsonLd(page), "GovernmentOrganization").name).toBe("United States Department of State");
});

test("a topic page lists the published events and statements about it", async ({ page }) => {
  await page.goto("/topics/normalization");
  await expect(page.getByRole("heading", { level: 1, name: "Normalization" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Events" }).getByRole("link", { name: "Kazakhstan announces it will join the Abraham Accords" })).toBeVisible();
  await expectAccessible(page);
});

test("unknown people, organizations and topics answer 404", async ({ request }) => {
  for (const path of ["/people/nobody-at-all", "/organizations/no-such-body", "/topics/no-such-topic"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test("an address holding a control character names no record: 404 on every kind of record page, never 500", async ({ request }) => {
  // PostgreSQL refuses a NUL in text; no slug or code holds one, so no query is asked.
  for (const kind of ["events", "statements", "people", "organizations", "agreements", "topics", "countries"]) {
    for (const key of ["%00", "kazakhstan%00", "a%1Bb"]) {
      const path = `/${kind}/${key}`;
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
  }
  expect((await request.get("/relations/il-kz%00", { maxRedirects: 0 })).status()).toBe(404);
});
