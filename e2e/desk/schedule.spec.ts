import { expect, test } from "@playwright/test";
import { eventInput, eventRow, openNewEvent, unique } from "./helpers/staff";

test.use({ timezoneId: "UTC" });

test("an event scheduled 20 seconds ahead goes live without any page being visited", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const { context, created, page } = await openNewEvent(browser, "EDITOR", eventInput(`Scheduled signing ${unique()}`));

  // The launcher ticks every 5 s (scripts/start.ts), so the wait is the lead plus at most one
  // tick. 20 s leaves room for the save and the checks below, which must see it still
  // scheduled, on two busy cores; a minute ahead only made the spec wait 40 s longer.
  // The lead starts once the editor has hydrated (the zone hint is written in the browser):
  // on a saturated machine the page's scripts can take seconds, and a click that reached the
  // server after the time typed would be refused as "Choose a time in the future."
  await expect(page.getByText("In your time zone (UTC)")).toBeVisible();
  const at = new Date(Date.now() + 20_000);
  await page.getByLabel("Publish at").fill(at.toISOString().slice(0, 19));
  await expect(page.getByText(`That is ${at.toISOString().slice(0, 16).replace("T", " ")} UTC.`)).toBeVisible();
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByText("Scheduled.", { exact: true })).toBeVisible();
  await page.close();
  expect((await eventRow(created.id))!.status).toBe("SCHEDULED");
  expect((await request.get(`/events/${created.slug}`)).status()).toBe(404);

  // The launcher's tick publishes it. The test watches the database, so not a
  // single request reaches the app until it is live.
  await expect
    .poll(async () => (await eventRow(created.id))!.status, { timeout: 60_000, intervals: [1_000] })
    .toBe("PUBLISHED");
  expect((await request.get(`/events/${created.slug}`)).status()).toBe(200);
  await context.close();
});
