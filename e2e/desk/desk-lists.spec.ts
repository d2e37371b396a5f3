import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Locator } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { createEventViaApi, createStaff, eventInput, eventRow, unique, type Staff } from "./helpers/staff";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";

/**
 * The desk's event and statement lists as an editor uses them: full-text search
 * and filters kept in the address, bulk submit / publish / unpublish with one
 * confirmation and a result per item; on a desktop and on a 390 px phone.
 */
const SHOTS = "/tmp/desk-lists-shots";
mkdirSync(SHOTS, { recursive: true });

async function deskPage(browser: Browser, staff: Staff, viewport: (typeof VIEWPORTS)[number]) {
  const isPhone = viewport.width < 500;
  return signedInPage(browser, staff, { viewport: { width: viewport.width, height: viewport.height }, isMobile: isPhone, hasTouch: isPhone });
}

for (const viewport of VIEWPORTS) {
  test(`an editor finds drafts by any word and narrows the list with filters kept in the address (${viewport.name})`, async ({ browser }) => {
    const editor = await createStaff("EDITOR", `Lists editor ${unique()}`);
    const { context, page } = await deskPage(browser, editor, viewport);
    const tag = `lst${unique()}`;
    const meeting = await createEventViaApi(context.request, eventInput(`Astana meeting ${tag}`, { type: "MEETING", date: "2025-03-02", body: `They spoke of ${tag}centrifuges and pipelines.` }));
    await createEventViaApi(context.request, eventInput(`Washington call ${tag}`, { type: "PHONE_CALL", date: "2025-11-06" }));

    await page.goto("/dashboard/events");
    const filters = page.getByRole("search", { name: "Filter events" });
    // A word that appears only in one draft's body, as typed ("centrifuge" finds "centrifuges").
    await filters.getByRole("searchbox", { name: "Search events" }).fill(`${tag}centrifuge`);
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}centrifuge`));
    await expect(page.getByRole("link", { name: `Astana meeting ${tag}` })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "1 event matches" })).toBeVisible();

    // Words, then a type and a date range: the address keeps them all.
    await filters.getByRole("searchbox", { name: "Search events" }).fill(tag);
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("status").filter({ hasText: "2 events match" })).toBeVisible();
    await filters.getByLabel("Type").selectOption("PHONE_CALL");
    await filters.getByLabel("Author").selectOption({ label: editor.name });
    await filters.getByLabel("From").fill("2025-11-01");
    await filters.getByLabel("To").fill("2025-11-30");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/type=PHONE_CALL/);
    await expect(page).toHaveURL(new RegExp(`author=${editor.id}`));
    await expect(page).toHaveURL(/from=2025-11-01&to=2025-11-30/);
    await expect(page.getByRole("link", { name: `Washington call ${tag}` })).toBeVisible();
    await expect(page.getByRole("link", { name: `Astana meeting ${tag}` })).toHaveCount(0);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `${SHOTS}/filtered-${viewport.name}.png`, fullPage: true });
    // Side by side, the selects and the date fields are as tall as the search box.
    const height = async (control: Locator) => Math.round((await control.boundingBox())!.height);
    const searchHeight = await height(filters.getByRole("searchbox", { name: "Search events" }));
    for (const label of ["Status", "Type", "Author", "Country", "From", "To"]) expect(await height(filters.getByLabel(label, { exact: true })), label).toBe(searchHeight);

    // The address is the list: opened afresh it shows the same; the back button goes back a step.
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await expect(other.getByRole("link", { name: `Washington call ${tag}` })).toBeVisible();
    await expect(other.getByRole("search", { name: "Filter events" }).getByLabel("Type")).toHaveValue("PHONE_CALL");
    await other.close();
    await page.goBack();
    await expect(page.getByRole("status").filter({ hasText: "2 events match" })).toBeVisible();
    await expect(filters.getByLabel("Type")).toHaveValue("");

    // The header's box searches the whole desk, in full text too.
    const box = page.getByRole("banner").getByRole("searchbox", { name: "Search the desk" });
    await box.fill(`${tag}centrifuges`);
    await box.press("Enter");
    await expect(page.getByRole("region", { name: /Events/ }).getByRole("link", { name: `Astana meeting ${tag}` })).toHaveAttribute("href", `/dashboard/events/${meeting.id}`);
    await context.close();
  });

  test(`an odd address gets a clear message beside each filter, never an error page (${viewport.name})`, async ({ browser }) => {
    const editor = await createStaff("EDITOR");
    const { context, page } = await deskPage(browser, editor, viewport);
    const answer = await page.goto(`/dashboard/statements?status=LIVE&kind=TWEET&from=2025-13-01&author=cm0000000000000000000000&country=XX&page=0&q=${"x".repeat(300)}`);
    expect(answer?.status()).toBe(200);
    const alert = page.getByRole("status").filter({ hasText: "Part of this address could not be used" });
    await expect(alert).toContainText("Search: Keep the search under 200 characters.");
    await expect(alert).toContainText("Status: Choose a status from the list.");
    await expect(alert).toContainText("Kind: Choose a kind from the list.");
    await expect(alert).toContainText("From: Enter a date as YYYY-MM-DD");
    await expect(alert).toContainText("Author: There is no such author");
    await expect(alert).toContainText("Country: There is no country with the code XX.");
    await expect(page.getByRole("search", { name: "Filter statements" }).getByLabel("Status")).toHaveAccessibleDescription("Choose a status from the list.");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `${SHOTS}/odd-address-${viewport.name}.png`, fullPage: true });
    await context.close();
  });

  test(`an editor publishes several drafts after one confirmation and reads each item's result, then unpublishes one (${viewport.name})`, async ({ browser, playwright, baseURL }) => {
    const editor = await createStaff("EDITOR");
    const { context, page } = await deskPage(browser, editor, viewport);
    const tag = `blk${unique()}`;
    const first = await createEventViaApi(context.request, eventInput(`Bulk one ${tag}`));
    const second = await createEventViaApi(context.request, eventInput(`Bulk two ${tag}`));
    const bare = await createEventViaApi(context.request, eventInput(`Bulk without a source ${tag}`, { sources: [] }));

    await page.goto(`/dashboard/events?q=${tag}`);
    const bar = page.getByRole("group", { name: "Act on selected events" });
    // Nothing selected yet: the buttons say what to do first.
    await bar.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Select the events first" })).toBeVisible();
    await bar.getByRole("checkbox", { name: "Select all on this page" }).check();
    await expect(bar).toContainText("3 events selected");
    await bar.getByRole("button", { name: "Publish", exact: true }).click();

    const dialog = page.getByRole("dialog", { name: "Publish 3 events?" });
    await expect(dialog).toContainText("Readers will see them at once");
    await expect(dialog.getByRole("listitem")).toHaveCount(3);
    await expectAccessible(page);
    await page.screenshot({ path: `${SHOTS}/confirm-publish-${viewport.name}.png` });
    // Cancelling changes nothing.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect((await eventRow(first.id))!.status).toBe("DRAFT");

    await bar.getByRole("button", { name: "Publish", exact: true }).click();
    await dialog.getByRole("button", { name: "Publish 3 events" }).click();
    const result = page.getByRole("status").filter({ hasText: "Published: 2 of 3 events; 1 refused." });
    await expect(result).toBeVisible();
    await expect(result.getByRole("listitem").filter({ hasText: `Bulk without a source ${tag}` })).toContainText(/Refused.*Add at least one source before this event goes to review or is published\./);
    await expect(result.getByRole("listitem").filter({ hasText: `Bulk one ${tag}` })).toContainText("Done");
    // The table shows the new states; the refused item stays selected to fix and retry.
    await expect(page.getByRole("row", { name: new RegExp(`Bulk one ${tag}`) })).toContainText("Published");
    await expect(page.getByRole("checkbox", { name: `Select “Bulk without a source ${tag}”` })).toBeChecked();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `${SHOTS}/published-${viewport.name}.png`, fullPage: true });
    expect([(await eventRow(first.id))!.status, (await eventRow(second.id))!.status, (await eventRow(bare.id))!.status]).toEqual(["PUBLISHED", "PUBLISHED", "DRAFT"]);

    // Readers see it now.
    const reader = await playwright.request.newContext({ baseURL });
    expect((await reader.get(`/events/${(await eventRow(first.id))!.slug}`)).status()).toBe(200);

    // Unpublish one: the dialog says what readers will see, and they stop seeing it.
    await page.getByRole("checkbox", { name: `Select “Bulk without a source ${tag}”` }).uncheck();
    await page.getByRole("checkbox", { name: `Select “Bulk one ${tag}”` }).check();
    await bar.getByRole("button", { name: "Unpublish", exact: true }).click();
    const unpublish = page.getByRole("dialog", { name: "Unpublish 1 event?" });
    await expect(unpublish).toContainText("their public pages answer “not found”");
    await unpublish.getByRole("button", { name: "Unpublish 1 event" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Unpublished (a draft again): 1 of 1 event." })).toBeVisible();
    expect((await eventRow(first.id))!.status).toBe("DRAFT");
    expect((await reader.get(`/events/${(await eventRow(first.id))!.slug}`)).status()).toBe(404);
    await reader.dispose();
    await context.close();
  });
}

test("a contributor may only submit, and the server checks every item whatever the page offers", async ({ browser, playwright, baseURL }) => {
  const contributor = await createStaff("CONTRIBUTOR");
  const { context, page } = await deskPage(browser, contributor, VIEWPORTS[0]);
  const tag = `ctb${unique()}`;
  const mine = await createEventViaApi(context.request, eventInput(`Contributor draft ${tag}`));

  await page.goto(`/dashboard/events?q=${tag}`);
  const bar = page.getByRole("group", { name: "Act on selected events" });
  await expect(bar.getByRole("button")).toHaveText(["Submit for review"]);
  await page.getByRole("checkbox", { name: `Select “Contributor draft ${tag}”` }).check();
  await bar.getByRole("button", { name: "Submit for review" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit 1 event?" });
  await expect(dialog).toContainText("Readers see nothing until an editor publishes them.");
  await dialog.getByRole("button", { name: "Submit 1 event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review: 1 of 1 event." })).toBeVisible();
  expect((await eventRow(mine.id))!.status).toBe("IN_REVIEW");

  // Sent by hand, a publish is refused item by item.
  const refused = await context.request.post("/api/desk/events/bulk", { data: { action: "publish", items: [{ id: mine.id }] } });
  expect(refused.status()).toBe(200);
  expect(await refused.json()).toMatchObject({ ok: true, results: [{ id: mine.id, ok: false, code: "FORBIDDEN" }] });
  expect((await eventRow(mine.id))!.status).toBe("IN_REVIEW");

  // Requests the desk never sends are refused whole, with a sentence; nobody signed in gets nothing.
  const bad = async (data: unknown, kind = "events") => {
    const response = await context.request.post(`/api/desk/${kind}/bulk`, { data: data as object });
    return { status: response.status(), body: (await response.json()) as { message: string } };
  };
  expect(await bad({ action: "delete", items: [{ id: mine.id }] })).toMatchObject({ status: 400, body: { message: "The request is not one the desk sends." } });
  expect(await bad({ action: "publish", items: [] })).toMatchObject({ status: 400 });
  expect(await bad({ action: "publish", items: Array.from({ length: 101 }, (_, i) => ({ id: `x${i}` })) })).toMatchObject({ status: 400 });
  expect(await bad({ action: "publish", items: [{ id: "x".repeat(10_000) }] })).toMatchObject({ status: 400 });
  expect(await bad({ action: "publish", items: [{ id: mine.id }] }, "people")).toMatchObject({ status: 400, body: { message: expect.stringContaining("no editorial workflow") } });
  expect(await bad({ action: "publish", items: [{ id: mine.id }] }, "nonsense")).toMatchObject({ status: 404 });
  const notJson = await context.request.post("/api/desk/events/bulk", { data: "{not json", headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.post("/api/desk/events/bulk", { data: { action: "publish", items: [{ id: mine.id }] } })).status()).toBe(401);
  await anonymous.dispose();
  await context.close();
});
