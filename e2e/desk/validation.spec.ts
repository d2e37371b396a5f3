import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectFieldError } from "../support/field-error";
import { createEventViaApi, eventInput, eventRow, query, staffContext, unique } from "./helpers/staff";

const countEvents = async (title: string) => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "Event" WHERE title = $1`, [title]))[0]!.n);

test("the event form refuses bad input at the field, keeps what was typed and saves nothing", async ({ browser }) => {
  const { context } = await staffContext(browser, "CONTRIBUTOR");
  const page = await context.newPage();
  await page.goto("/dashboard/events/new");

  await page.getByRole("button", { name: "Save draft" }).click();
  await expectFieldError(page, page.getByRole("textbox", { name: "Title", exact: true }), "Enter a title.");
  await expectFieldError(page, page.getByLabel("Summary"), "Enter a summary.");
  await expectFieldError(page, page.getByLabel("Type"), "Choose the type of event.");
  await expectFieldError(page, page.getByRole("textbox", { name: "Date", exact: true }), /Enter the date/);
  await expectAccessible(page);

  const title = `Bad input ${unique()}`;
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page.getByLabel("Summary").fill("A summary.");
  await page.getByLabel("Type").selectOption("MEETING");
  await page.getByRole("textbox", { name: "Date", exact: true }).fill("2025-11-06");
  await page.getByLabel("End date").fill("2025-11-01");
  await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
  await page.getByLabel("Local time").fill("10:00");
  const source = page.getByRole("group", { name: "Source 1" });
  await source.getByLabel("Source URL").fill("javascript:alert(1)");
  await source.getByLabel("Source title").fill("A source");
  // 2 MB of Markdown, set directly: typing it would take minutes.
  await page.getByLabel("Body").evaluate((el: HTMLTextAreaElement) => {
    el.value = "x".repeat(2 * 1024 * 1024);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.getByRole("button", { name: "Save draft" }).click();

  await expectFieldError(page, page.getByLabel("End date"), "The end date cannot be before the start date.");
  await expectFieldError(page, source.getByLabel("Source URL"), "Only http and https addresses are accepted.");
  await expectFieldError(page, page.getByLabel("Body"), /Keep the body under 100,000 characters/);
  await expectFieldError(page, page.getByLabel("Time zone"), /IANA time zone/);
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(title);
  await expect(page).toHaveURL(/\/dashboard\/events\/new$/);
  expect(await countEvents(title)).toBe(0);

  // Fixed, it saves.
  await page.getByLabel("End date").fill("");
  await page.getByLabel("Time zone").fill("America/New_York");
  await source.getByLabel("Source URL").fill("https://example.org/report");
  await page.getByLabel("Body").evaluate((el: HTMLTextAreaElement) => {
    el.value = "Short body.";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  expect(await countEvents(title)).toBe(1);
  await context.close();
});

test("the statement form refuses missing fields and a missing translation", async ({ browser }) => {
  const { context } = await staffContext(browser, "CONTRIBUTOR");
  const page = await context.newPage();
  await page.goto("/dashboard/statements/new");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expectFieldError(page, page.getByLabel("Headline"), "Enter a headline.");
  await expectFieldError(page, page.getByLabel("Verbatim text"), "Enter the verbatim text.");
  await expectFieldError(page, page.getByLabel("Medium"), "Choose the medium.");

  const title = `Kazakh statement ${unique()}`;
  await page.getByLabel("Headline").fill(title);
  await page.getByLabel("Verbatim text").fill("Табиғи және қисынды жалғасы");
  await page.getByLabel("Language").fill("kk");
  await page.getByLabel("Speaker label").fill("Kazakhstan's foreign ministry");
  await page.getByLabel("Medium").selectOption("OFFICIAL_STATEMENT");
  await page.getByLabel("Said on").fill("2025-02-30");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expectFieldError(page, page.getByLabel("English translation"), "Add an English translation");
  await expectFieldError(page, page.getByLabel("Translated by"), "Say who translated it.");
  await expectFieldError(page, page.getByLabel("Said on"), /not a real date/);
  await expect(page.getByLabel("Verbatim text")).toHaveValue("Табиғи және қисынды жалғасы");
  expect(Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "Statement" WHERE title = $1`, [title]))[0]!.n)).toBe(0);
  await expectAccessible(page);
  await context.close();
});

test("the server refuses unknown fields and bad values sent straight to it, and changes nothing", async ({ browser }) => {
  const { context } = await staffContext(browser, "EDITOR");
  const created = await createEventViaApi(context.request, eventInput(`Server-side checks ${unique()}`));
  const before = await eventRow(created.id);
  const put = (input: Record<string, unknown>) => context.request.put(`/api/desk/events/${created.id}`, { data: { baseVersion: 1, input } });

  const unknown = await put({ ...eventInput("Changed"), isFeatured: true });
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toHaveProperty("isFeatured");

  const badUrl = await put(eventInput("Changed", { sources: [{ url: "javascript:alert(1)", title: "x" }] }));
  expect(((await badUrl.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ "sources.0.url": ["Only http and https addresses are accepted."] });

  const huge = await put(eventInput("Changed", { body: "x".repeat(2 * 1024 * 1024) }));
  expect(huge.status()).toBe(400);
  expect(((await huge.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toHaveProperty("body");

  const extraTop = await context.request.put(`/api/desk/events/${created.id}`, { data: { baseVersion: 1, input: eventInput("Changed"), status: "PUBLISHED" } });
  expect(extraTop.status()).toBe(400);

  const crossSite = await context.request.put(`/api/desk/events/${created.id}`, {
    data: { baseVersion: 1, input: eventInput("Changed") },
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  expect(await eventRow(created.id)).toEqual(before);
  await context.close();
});
