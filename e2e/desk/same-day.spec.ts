import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { createEventViaApi, eventInput, query, staffContext, unique } from "./helpers/staff";
import { pick } from "./reference-support";

/**
 * Two editors, two wires, one call: the event form names the events already recorded on the
 * day being entered with the same countries, drafts included, so that the second editor
 * opens the first's record instead of recording the call twice. On a desktop and a phone.
 */
for (const [i, viewport] of VIEWPORTS.entries()) {
  test(`an editor entering an event sees the one already recorded that day with the same countries — ${viewport.name}`, async ({ browser }) => {
    // A day of its own for each screen, which no other test records events on.
    const day = `2019-07-${String(23 + i).padStart(2, "0")}`;
    const { context } = await staffContext(browser, "EDITOR");
    const title = `Call between Kazakhstan and Israel ${unique()}`;
    const first = await createEventViaApi(
      context.request,
      eventInput(title, { type: "PHONE_CALL", date: day, participants: [{ role: "PARTICIPANT", countryId: "KZ" }, { role: "PARTICIPANT", countryId: "IL" }] }),
    );
    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/dashboard/events/new");
    await page.getByLabel("Type").selectOption("PHONE_CALL");
    await page.getByRole("textbox", { name: "Date", exact: true }).fill(day);
    const notice = page.getByRole("status").filter({ hasText: "Recorded already?" });
    // A day alone says nothing: countries are what make two events the same.
    await expect(notice).toHaveCount(0);

    await pick(page, page.getByRole("group", { name: "Participant 1" }).getByRole("combobox", { name: "Name", exact: true }), "Israel", /^Israel/);
    await expect(notice).toContainText("Recorded already? Events of this day with these countries:");
    const link = notice.getByRole("link", { name: title });
    await expect(link).toHaveAttribute("href", `/dashboard/events/${first.id}`);
    await expect(notice).toContainText(`${title} · Phone call · Draft · Israel, Kazakhstan`);
    await notice.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`same-day-${viewport.name}.png`), fullPage: false });

    // Another day: nothing recorded then with these countries.
    await page.getByRole("textbox", { name: "Date", exact: true }).fill("2019-07-30");
    await expect(notice).toHaveCount(0);

    // The recorded event's own form does not name it as its own duplicate (in a tab of its own:
    // the new event's form, never saved, would ask before being left).
    const own = await context.newPage();
    await own.setViewportSize({ width: viewport.width, height: viewport.height });
    const asked = own.waitForResponse((response) => response.url().includes("/api/desk/lookup/same-day?") && response.url().includes(`except=${first.id}`));
    await own.goto(`/dashboard/events/${first.id}`);
    await expect(own.getByRole("heading", { level: 1, name: title })).toBeVisible();
    expect((await (await asked).json()).records).toEqual([]);
    await expect(own.getByRole("status").filter({ hasText: "Also recorded on this day" })).toHaveCount(0);
    await context.close();
  });
}

for (const [i, viewport] of VIEWPORTS.entries()) {
  test(`an editor entering a statement sees the speaker's statement already recorded that day — ${viewport.name}`, async ({ browser }) => {
    const day = `2019-08-${String(13 + i).padStart(2, "0")}`;
    const { context } = await staffContext(browser, "EDITOR");
    const name = `Spokesperson Sameday ${unique()}`;
    const [speaker] = await query<{ id: string }>(`INSERT INTO "Person" (id, slug, name, "updatedAt") VALUES ($1, $1, $2, now()) RETURNING id`, [`spokesperson-${unique()}`, name]);
    const title = `Welcomes the accession ${unique()}`;
    const created = await context.request.post("/api/desk/statements", {
      data: { input: { title, text: "We welcome it.", language: "en", speakerId: speaker!.id, medium: "READOUT", saidOn: day, saidPrecision: "DAY", sources: [{ url: "https://example.org/said", title: "Said" }] } },
    });
    const first = (await created.json()) as { ok: boolean; id: string };
    expect(first.ok).toBe(true);

    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/dashboard/statements/new");
    await page.getByLabel("Said on", { exact: true }).fill(day);
    const notice = page.getByRole("status").filter({ hasText: "Said already?" });
    // A day alone says nothing: the speaker is what makes two statements the same.
    await expect(notice).toHaveCount(0);
    await pick(page, page.getByRole("combobox", { name: "Speaker", exact: true }), name, new RegExp(name));
    await expect(notice).toContainText("Said already? Statements by this speaker on this day:");
    await expect(notice.getByRole("link", { name: title })).toHaveAttribute("href", `/dashboard/statements/${first.id}`);
    await expect(notice).toContainText(`${title} · Readout · Draft`);
    await notice.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`said-already-${viewport.name}.png`), fullPage: false });

    // Another day: nothing said then.
    await page.getByLabel("Said on", { exact: true }).fill("2019-08-30");
    await expect(notice).toHaveCount(0);

    // The statement's own form does not name it as its own duplicate.
    const own = await context.newPage();
    await own.setViewportSize({ width: viewport.width, height: viewport.height });
    const asked = own.waitForResponse((response) => response.url().includes("/api/desk/lookup/same-day?") && response.url().includes(`except=${first.id}`));
    await own.goto(`/dashboard/statements/${first.id}`);
    expect((await (await asked).json()).records).toEqual([]);
    await expect(own.getByRole("status").filter({ hasText: "Also said by this speaker" })).toHaveCount(0);
    await context.close();
  });
}

test("the same-day lookup is for staff, and refuses what is not a day or a reference", async ({ browser }) => {
  const { context } = await staffContext(browser, "EDITOR");
  for (const [query, status] of [
    ["date=2019-07-23&refs=country:KZ", 200],
    ["date=2019-07&refs=country:KZ", 400],
    ["date=2019-07-23&refs=planet:mars", 400],
    ["date=2019-07-23&refs=country:KZ&colour=red", 400],
    ["date=2019-07-23&refs=country:%00", 400],
    ["kind=statements&date=2019-07-23&speaker=abc123", 200],
    ["kind=statements&date=2019-07-23", 400],
    ["kind=statements&date=2019-07-23&speaker=../x", 400],
    ["kind=statements&date=2019-07-23&speaker=abc123&refs=country:KZ", 400],
  ] as const) {
    const response = await context.request.get(`/api/desk/lookup/same-day?${query}`);
    expect(response.status(), query).toBe(status);
    if (status === 400) expect((await response.json()).message, query).toMatch(/^Bad query parameter: /);
  }
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/api/desk/lookup/same-day?date=2019-07-23&refs=country:KZ")).status()).toBe(401);
  await Promise.all([context.close(), anonymous.close()]);
});
