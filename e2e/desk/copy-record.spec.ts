import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { eventInput, openNewEvent, query, unique } from "./helpers/staff";

/**
 * "Make a copy": an editor recording the second of a series of like events (the next
 * session of a summit, the other side's embassy opening) starts from the first, with its
 * participants, topics, sources and text, and changes what differs. The original stays as
 * it was.
 */
for (const viewport of VIEWPORTS) {
  test(`an editor makes a copy of an event, changes what differs and saves it as a new draft (${viewport.name})`, async ({ browser }) => {
    const title = `Israel opens its embassy in Astana ${unique()}`;
    const { context, created, page } = await openNewEvent(
      browser,
      "EDITOR",
      // An old date: the record stays out of the home page's lead, which other specs read.
      eventInput(title, { date: "2023-03-01", participants: [{ role: "HOST", countryId: "IL" }, { role: "VISITOR", countryId: "KZ" }] }),
      { viewport: { width: viewport.width, height: viewport.height } },
    );
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await page.getByRole("button", { name: "Make a copy of this event" }).click();

    await expect(page).toHaveURL(/\/dashboard\/events\/(?!.*\bnew\b)[^/?]+\?done=copied$/);
    const copyId = new URL(page.url()).pathname.split("/").pop()!;
    expect(copyId).not.toBe(created.id);
    await expect(page.getByRole("heading", { level: 1, name: `${title} (copy)` })).toBeVisible();
    await expect(page.getByText("This is a new draft, copied from another event: check its title, date, participants and sources before you submit it.")).toBeVisible();
    await expect(page.getByText(/Draft/).first()).toBeVisible();
    // What it copied: the form holds the original's summary and its two participants.
    await expect(page.getByLabel("Summary")).toHaveValue(/announced Kazakhstan would join/);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath(`copy-${viewport.name}.png`), fullPage: true });

    // The editor changes what differs and saves.
    const newTitle = `Kazakhstan opens its embassy in Israel ${unique()}`;
    await page.getByLabel("Title", { exact: true }).fill(newTitle);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();

    // Two events now, the original untouched, the copy with the same participants and sources.
    const rows = await query<{ id: string; title: string; version: number; participants: string; sources: string }>(
      `SELECT e.id, e.title, e.version,
              (SELECT string_agg(p.role || ':' || p."countryId", ',' ORDER BY p.position) FROM "EventParticipant" p WHERE p."eventId" = e.id) AS participants,
              (SELECT string_agg(s.url, ',' ORDER BY s.position) FROM "Source" s WHERE s."eventId" = e.id) AS sources
         FROM "Event" e WHERE e.id = ANY($1) ORDER BY e."createdAt"`,
      [[created.id, copyId]],
    );
    expect(rows.map((r) => r.title)).toEqual([title, newTitle]);
    expect(rows[0]!.version).toBe(created.version);
    expect(rows[1]!.participants).toBe(rows[0]!.participants);
    expect(rows[1]!.participants).toBe("HOST:IL,VISITOR:KZ");
    expect(rows[1]!.sources).toBe(rows[0]!.sources);

    // Through the desk's API: only events and statements can be copied, and only ones that exist.
    const person = await context.request.post("/api/desk/people", { data: { copyOf: created.id } });
    expect(person.status()).toBe(400);
    expect((await person.json()).message).toContain("Only events and statements can be copied");
    expect((await context.request.post("/api/desk/events", { data: { copyOf: "no-such-event" } })).status()).toBe(404);
    expect((await context.request.post("/api/desk/events", { data: { copyOf: 7 } })).status()).toBe(400);
    await context.close();
  });
}
