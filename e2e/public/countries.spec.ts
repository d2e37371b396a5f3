import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { VIEWPORTS } from "../support/viewports";
import { createEventViaApi, eventInput, query, staffContext, unique, workflowViaApi } from "../desk/helpers/staff";
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

test("a country's events and statements lists keep what its page counts, through its people too", async ({ browser }) => {
  // Iceland is in no other spec. Its foreign minister (written as a factory would: the
  // desk's people form is another spec's) takes part in an event and makes a statement,
  // neither of which names Iceland itself.
  const minister = `Iceland's foreign minister ${unique()}`;
  const [person] = await query<{ id: string }>(
    `INSERT INTO "Person" (id, slug, name, "countryId", "updatedAt") VALUES ($1, $2, $3, 'IS', now()) RETURNING id`,
    [`e2e_${unique()}`, `iceland-minister-${unique()}`, minister],
  );
  const { context: desk } = await staffContext(browser, "EDITOR");
  const eventTitle = `Iceland's foreign minister meets NATO ${unique()}`;
  const event = await createEventViaApi(desk.request, eventInput(eventTitle, { type: "MEETING", participants: [{ role: "PARTICIPANT", personId: person!.id }] }));
  expect((await workflowViaApi(desk.request, "events", event.id, { action: "publish", baseVersion: 1 })).body.ok).toBe(true);
  const statementTitle = `Iceland's foreign minister on Arctic cooperation ${unique()}`;
  const created = await desk.request.post("/api/desk/statements", {
    data: { input: { title: statementTitle, text: "The Arctic must remain a region of cooperation.", language: "en", speakerId: person!.id, medium: "SPEECH", saidOn: "2025-11-20", sources: [{ url: "https://example.org/arctic", title: "Arctic" }] } },
  });
  const statement = (await created.json()) as { ok: boolean; id: string };
  expect(statement.ok, JSON.stringify(statement)).toBe(true);
  expect((await workflowViaApi(desk.request, "statements", statement.id, { action: "publish", baseVersion: 1 })).body.ok).toBe(true);
  await desk.close();

  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto("/countries/is");
    await expect(page.getByText("1 published event involves Iceland, with 0 partners.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Statements by its officials and about it" }).getByRole("link", { name: statementTitle })).toBeVisible();

    await page.getByRole("region", { name: "Latest events" }).getByRole("link", { name: "All events involving Iceland" }).click();
    await expect(page).toHaveURL(/\/events\?country=is$/);
    await expect(page.getByRole("link", { name: eventTitle })).toBeVisible();
    await expectAccessible(page);

    // The statements list's form offers Iceland (its statement is not tagged with it) and keeps that statement.
    await page.goto("/statements");
    // On a phone the filters are folded away behind their toggle; a reader opens them.
    if (viewport.width < 640) await page.getByRole("form", { name: "Filters" }).getByText("Filters", { exact: true }).click();
    await page.getByLabel("Country").selectOption({ label: "Iceland" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/\/statements\?country=is(&|$)/);
    await expect(page.getByRole("region", { name: "Results" }).getByRole("link", { name: statementTitle })).toBeVisible();
    await expectAccessible(page);
    await context.close();
  }
});

test("a country's page gives the other names it is known by, and sentences give its name the article it takes", async ({ browser }) => {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // A reader who knows it as Burma finds Myanmar, and its page says so.
    await page.goto("/search?q=Burma");
    await page.getByRole("region", { name: "Pages for your search" }).getByRole("link", { name: "Myanmar" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Myanmar" })).toBeVisible();
    await expect(page.getByText("Also known as Burma. Nothing about Myanmar has been published yet.")).toBeVisible();
    expect(nodeOfType(await readJsonLd(page), "Country")).toMatchObject({ name: "Myanmar", alternateName: ["Burma"] });

    // The package's long name finds the country recorded under its short one, and nothing else named "United States".
    await page.goto("/search?q=United+States+of+America");
    const named = page.getByRole("region", { name: "Pages for your search" });
    await expect(named.getByRole("link")).toHaveText(["United States"]);
    await named.getByRole("link", { name: "United States" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "United States" })).toBeVisible();
    await expect(page.getByText(/^Also known as United States of America, USA, US and America\. \d+ published events involve the United States, with \d+ partners\.$/)).toBeVisible();
    await expect(page.getByRole("link", { name: "All events involving the United States" }).first()).toHaveAttribute("href", "/events?country=us");
    await page.getByRole("region", { name: "Partners", exact: true }).getByRole("link", { name: "The United States and Israel" }).click();
    await expect(page).toHaveURL(/\/relations\/il-us$/);
    await expect(page.getByRole("heading", { level: 1, name: "Israel and the United States" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Events involving both Israel and the United States" })).toBeVisible();
    expectBreadcrumbs(await readJsonLd(page), ["Home", "Countries", "Israel and the United States"]);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`relation-${viewport.name}.png`), fullPage: false });
    await context.close();
  }
});
