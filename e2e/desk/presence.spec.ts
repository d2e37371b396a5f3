import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { createEventViaApi, eventInput, query, staffContext, unique } from "./helpers/staff";

/**
 * Two people open the same record in the desk: each is told the other has it open, before
 * either changes it, and the notice goes when the other leaves. The page says it is there
 * every 15 seconds (lib/desk/presence.ts), so what the first person learns of the second
 * waits for that heartbeat; the one who arrives second learns it as the page opens.
 */
for (const viewport of VIEWPORTS) {
  test(`an editor sees who else has a record open, and sees them leave (${viewport.name})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const tag = unique();
    const first = await staffContext(browser, "EDITOR", `Eldar Editor ${tag}`);
    const second = await staffContext(browser, "EDITOR", `Aigerim Editor ${tag}`);
    // An old date, so the draft never becomes anyone's newest event.
    const event = await createEventViaApi(first.context.request, eventInput(`Presence ${tag}`, { date: "2023-03-14" }));
    const notice = (name: string) => `${name} also has this event open`;

    const eldar = await first.context.newPage();
    await eldar.goto(`/dashboard/events/${event.id}`);
    await expect(eldar.getByRole("heading", { level: 1, name: `Presence ${tag}` })).toBeVisible();
    // Alone on the page: nothing to say (the heartbeat that said so has been answered).
    await expect.poll(async () => (await query(`SELECT 1 FROM "DeskPresence" WHERE "entityId" = $1 AND "userId" = $2`, [event.id, first.staff.id])).length).toBe(1);
    await expect(eldar.getByRole("status").filter({ hasText: "also has this event open" })).toHaveCount(0);

    // The second person arrives, on the viewport under test, and is told at once.
    const aigerim = await second.context.newPage();
    await aigerim.setViewportSize({ width: viewport.width, height: viewport.height });
    await aigerim.goto(`/dashboard/events/${event.id}`);
    const toldAigerim = aigerim.getByRole("status").filter({ hasText: notice(first.staff.name) });
    await expect(toldAigerim).toBeVisible();
    await expect(toldAigerim).toContainText(/since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    await expect(toldAigerim).toContainText("If they save first, your save shows what they changed");
    await expectNoSidewaysScroll(aigerim);
    await expectAccessible(aigerim);
    await aigerim.screenshot({ path: test.info().outputPath(`presence-${viewport.name}.png`) });

    // The first learns of the second at the next heartbeat.
    await expect(eldar.getByRole("status").filter({ hasText: notice(second.staff.name) })).toBeVisible({ timeout: 25_000 });

    // The list of events says who else has it open, under its title (never oneself).
    const list = await second.context.newPage();
    await list.setViewportSize({ width: viewport.width, height: viewport.height });
    await list.goto(`/dashboard/events?q=${encodeURIComponent(`Presence ${tag}`)}`);
    const row = list.getByRole("row").filter({ has: list.getByRole("link", { name: `Presence ${tag}` }) });
    await expect(row).toContainText(`Open now: ${first.staff.name}`);
    await expect(row).not.toContainText(second.staff.name);
    await expectNoSidewaysScroll(list);
    await list.screenshot({ path: test.info().outputPath(`presence-list-${viewport.name}.png`), fullPage: true });
    await list.close();

    // The second leaves for the dashboard: the first's notice goes at the next heartbeat, and
    // the second's row is gone at once (the page said it was leaving).
    await aigerim.goto("/dashboard");
    await expect.poll(async () => (await query(`SELECT 1 FROM "DeskPresence" WHERE "entityId" = $1 AND "userId" = $2`, [event.id, second.staff.id])).length).toBe(0);
    await expect(eldar.getByRole("status").filter({ hasText: "also has this event open" })).toHaveCount(0, { timeout: 25_000 });

    // Someone who may only read the draft is told the same, with what that means for them.
    const reader = await staffContext(browser, "CONTRIBUTOR", `Contributor ${tag}`);
    const readerPage = await reader.context.newPage();
    await readerPage.setViewportSize({ width: viewport.width, height: viewport.height });
    await readerPage.goto(`/dashboard/events/${event.id}`);
    const toldReader = readerPage.getByRole("status").filter({ hasText: notice(first.staff.name) });
    await expect(toldReader).toContainText("reload the page to see their latest saves");
    await expect(toldReader).not.toContainText("You can both save");

    await Promise.all([first.context.close(), second.context.close(), reader.context.close()]);
  });
}

for (const viewport of VIEWPORTS) {
  test(`the people list says who else has a person open (${viewport.name})`, async ({ browser }) => {
    const tag = unique();
    const first = await staffContext(browser, "EDITOR", `Eldar Editor ${tag}`);
    const second = await staffContext(browser, "EDITOR", `Aigerim Editor ${tag}`);
    const created = await first.context.request.post("/api/desk/people", { data: { input: { name: `Envoy ${tag}` } } });
    expect(created.status(), await created.text()).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const eldar = await first.context.newPage();
    await eldar.goto(`/dashboard/people/${id}`);
    await expect.poll(async () => (await query(`SELECT 1 FROM "DeskPresence" WHERE "entityId" = $1 AND "userId" = $2`, [id, first.staff.id])).length).toBe(1);

    const list = await second.context.newPage();
    await list.setViewportSize({ width: viewport.width, height: viewport.height });
    await list.goto(`/dashboard/people?q=${encodeURIComponent(`Envoy ${tag}`)}`);
    const row = list.getByRole("row").filter({ has: list.getByRole("link", { name: `Envoy ${tag}` }) });
    await expect(row).toContainText(`Open now: ${first.staff.name}`);
    await expectNoSidewaysScroll(list);
    await expectAccessible(list);
    // Eldar's own list does not name Eldar.
    const own = await first.context.newPage();
    await own.goto(`/dashboard/people?q=${encodeURIComponent(`Envoy ${tag}`)}`);
    await expect(own.getByRole("row").filter({ has: own.getByRole("link", { name: `Envoy ${tag}` }) })).not.toContainText("Open now");
    await Promise.all([first.context.close(), second.context.close()]);
  });
}

test("the presence route refuses what the page never sends, and anyone signed out", async ({ browser }) => {
  const { context } = await staffContext(browser, "CONTRIBUTOR");
  const event = await createEventViaApi(context.request, eventInput(`Presence refusals ${unique()}`, { date: "2023-03-14" }));
  const url = `/api/desk/events/${event.id}/presence`;
  expect((await context.request.post(url, { data: { leaving: "yes" } })).status()).toBe(400);
  expect((await context.request.post(url, { data: { here: true } })).status()).toBe(400);
  expect((await context.request.post(`/api/desk/events/nope/presence`, { data: {} })).status()).toBe(404);
  expect((await context.request.post(`/api/desk/users/${event.id}/presence`, { data: {} })).status()).toBe(404);
  // Another site's page cannot say someone is here.
  expect((await context.request.post(url, { data: {}, headers: { origin: "https://elsewhere.example" } })).status()).toBe(403);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.post(url, { data: {} })).status()).toBe(401);
  await anonymous.close();
  const answer = await context.request.post(url, { data: {} });
  expect(answer.status()).toBe(200);
  expect(answer.headers()["cache-control"]).toContain("no-store");
  expect(await answer.json()).toEqual({ ok: true, others: [] });
  await context.close();
});
