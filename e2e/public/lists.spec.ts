import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";

const ACCESSION = "Kazakhstan announces it will join the Abraham Accords";

test("a reader filters events by country and type with the form, and the URL keeps the filters", async ({ page }) => {
  // Announcements only, so that the 2020 one is on the first page of a record that grew.
  await page.goto("/events?type=INTENT_ANNOUNCED");
  await expect(page.getByRole("heading", { level: 1, name: "Intent announced events" })).toBeVisible();
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByRole("link", { name: "The UAE and Israel announce the normalization of relations" })).toBeVisible();

  await page.getByLabel("Country").selectOption({ label: "Kazakhstan" });
  await page.getByLabel("Type").selectOption({ label: "Intent announced" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/country=kz/);
  await expect(page).toHaveURL(/type=INTENT_ANNOUNCED/);
  await expect(results.getByRole("link", { name: ACCESSION })).toBeVisible();
  await expect(results.getByRole("link", { name: "The UAE and Israel announce the normalization of relations" })).toHaveCount(0);
  await expect(page.getByLabel("Country")).toHaveValue("kz");
  // The heading and the title say what the filters keep.
  await expect(page.getByRole("heading", { level: 1, name: "Intent announced events involving Kazakhstan" })).toBeVisible();
  await expect(page).toHaveTitle("Intent announced events involving Kazakhstan · Chancery");

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByRole("heading", { level: 1, name: "Events", exact: true })).toBeVisible();
});

test("date filters accept a year or a month and find the 1992 relations", async ({ page }) => {
  await page.goto("/events");
  await page.getByLabel("From").fill("1992");
  await page.getByLabel("To", { exact: true }).fill("1992-12");
  await page.getByRole("button", { name: "Apply filters" }).click();
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByRole("link", { name: "Israel and Kazakhstan establish diplomatic relations" })).toBeVisible();
  await expect(results.getByRole("article")).toHaveCount(2);
});

test("older and newer links page through events without repeats", async ({ page }) => {
  await page.goto("/events?limit=4");
  const titles = () => page.getByRole("region", { name: "Results" }).getByRole("heading", { level: 3 }).allTextContents();
  const first = await titles();
  expect(first).toHaveLength(4);
  await expect(page.getByRole("link", { name: "← Newer" })).toHaveCount(0);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect.poll(async () => (await titles())[0]).not.toBe(first[0]);
  const second = await titles();
  expect(second.length).toBeGreaterThan(0);
  expect(second.some((t) => first.includes(t))).toBe(false);
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect.poll(titles).toEqual(first);
});

test("a bad filter is explained politely, naming the parameter, and offers no feeds of it", async ({ page }) => {
  await page.goto("/events?country=kz");
  await expect(page.getByText("Follow these events:")).toBeVisible();
  await page.goto("/events?country=zz");
  await expect(page.getByRole("alert").filter({ hasText: "These filters could not be used" })).toContainText('"country"');
  // Not feeds of other filters (the whole record's) under a message that these could not be used.
  await expect(page.getByText("Follow these events:")).toHaveCount(0);
  await page.goto("/events?from=2025-13");
  await expect(page.getByRole("alert").filter({ hasText: "These filters could not be used" })).toContainText('"from"');
  await page.goto("/events?cursor=garbage!");
  await expect(page.getByRole("alert").filter({ hasText: "These filters could not be used" })).toContainText('"cursor"');
});

test("statements can be filtered by speaker", async ({ page }) => {
  await page.goto("/statements");
  await expect(page.getByRole("heading", { level: 1, name: "Statements" })).toBeVisible();
  await page.getByLabel("Speaker").selectOption({ label: "Donald Trump" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/speaker=donald-trump/);
  await expect(page.getByRole("heading", { level: 1, name: "Statements by Donald Trump" })).toBeVisible();
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByRole("article")).toHaveCount(1);
  await expect(results.getByText("the first Country of my Second Term to join the Abraham Accords, the first of many")).toBeVisible();
  await expect(results.getByText(/President of the United States/)).toBeVisible();
});

test("a long quote in the list is cut after a whole word, and the statement's page has it all, on a desktop and a phone", async ({ browser }) => {
  const title = "Rubio: an “enhanced relationship” with Kazakhstan, “beyond just diplomatic relations”";
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto("/statements?speaker=marco-rubio");
    const results = page.getByRole("region", { name: "Results" });
    const quote = results.getByRole("article").filter({ has: page.getByRole("link", { name: title, exact: true }) }).locator("blockquote");
    await expect(quote).toHaveText(/you’re now creating a…”$/);
    await results.getByRole("link", { name: title, exact: true }).click();
    await expect(page.getByText(/you’re now creating a partnership that brings special and unique economic development/)).toBeVisible();
    await context.close();
  }
});

test("the event and statement lists are accessible", async ({ page }) => {
  await page.goto("/events");
  await expectAccessible(page);
  await page.goto("/statements");
  await expectAccessible(page);
  await page.goto("/events?country=zz");
  await expectAccessible(page);
});

test("the lists work on a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/events?country=kz");
  await expect(page.getByRole("link", { name: ACCESSION })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});

test("on a phone the filters fold away until a reader opens them, so the list starts on the first screen; on a desktop they are always there", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  let page = await phone.newPage();
  await page.goto("/events");
  const form = page.getByRole("form", { name: "Filters" });
  const toggle = form.getByText("Filters", { exact: true });
  await expect(toggle).toBeVisible();
  await expect(form.getByLabel("Country")).toBeHidden();
  await expect(form.getByRole("button", { name: "Apply filters" })).toBeHidden();
  // The first item's title is on the first screen, not below the form.
  await expect(page.getByRole("region", { name: "Results" }).getByRole("heading", { level: 3 }).first()).toBeInViewport();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("events-filters-folded-390.png") });

  await toggle.click();
  await form.getByLabel("Country").selectOption({ label: "Kazakhstan" });
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/events\?country=kz&/);
  await expect(page.getByRole("region", { name: "Results" }).getByRole("link", { name: ACCESSION })).toBeVisible();
  // A chosen filter keeps the form open and says how many are chosen.
  await expect(form.getByText("Filters (1 chosen)", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Country")).toHaveValue("kz");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("events-filters-open-390.png"), fullPage: true });
  await form.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(form.getByLabel("Country")).toBeHidden();

  // A filter that could not be used is shown open, with its message.
  await page.goto("/statements?from=someday");
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("From")).toBeVisible();
  await expect(page.getByText("These filters could not be used")).toBeVisible();
  await expect(page.getByText("Follow these statements:")).toHaveCount(0);
  await phone.close();

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await desktop.newPage();
  await page.goto("/events");
  await expect(page.getByRole("form", { name: "Filters" }).getByText("Filters", { exact: true })).toBeHidden();
  await expect(page.getByLabel("Country")).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply filters" })).toBeVisible();
  await expectAccessible(page);
  await desktop.close();
});
