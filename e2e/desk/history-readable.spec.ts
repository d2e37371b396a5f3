import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createEventViaApi, eventInput, query, staffContext, unique } from "./helpers/staff";
import { VIEWPORTS } from "../support/viewports";
import { expectFirstColumnNamed } from "../support/layout";

for (const viewport of VIEWPORTS) {
  test(`history reads in words: field labels, names instead of ids, changed words marked, no false changes (${viewport.name})`, async ({ browser }) => {
    const { context } = await staffContext(browser, "EDITOR");
    const people = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Person" WHERE slug IN ('donald-trump', 'kassym-jomart-tokayev')`);
    const topics = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Topic" WHERE slug IN ('trade', 'energy') ORDER BY slug`);
    const trump = people.find((p) => p.slug === "donald-trump")!.id;
    const tokayev = people.find((p) => p.slug === "kassym-jomart-tokayev")!.id;
    const body1 = "The two presidents met at the White House and spoke about trade, investment, energy and the Abraham Accords for an hour.";
    const body2 = "The two presidents met in the Oval Office and spoke about trade, investment, energy and the Abraham Accords for an hour.";
    const input = eventInput(`Tokayev meets Trump ${unique()}`, { body: body1, participants: [{ role: "HOST", personId: trump }], topicIds: topics.map((t) => t.id) });
    const created = await createEventViaApi(context.request, input);
    const saved = await context.request.put(`/api/desk/events/${created.id}`, {
      data: { baseVersion: 1, input: { ...input, body: body2, participants: [{ role: "HOST", personId: tokayev }], topicIds: [...topics.map((t) => t.id)].reverse() } },
    });
    expect(saved.status(), await saved.text()).toBe(200);

    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`/dashboard/events/${created.id}/history?from=1&to=2`);
    const participant = page.locator("tr", { has: page.locator("th", { hasText: "Participant 1 · Person" }) });
    await expect(participant).toContainText("Donald Trump");
    await expect(participant).toContainText("Kassym-Jomart Tokayev");
    await expect(participant).not.toContainText(trump);
    const body = page.locator("tr", { has: page.locator("th", { hasText: /^Body$/ }) });
    // "the" stayed: only the words around it are marked.
    await expect(body.locator("del")).toHaveText(["at", "White House"]);
    await expect(body.locator("ins")).toHaveText(["in", "Oval Office"]);
    // The topics were only put in another order: not a change.
    await expect(page.locator("th", { hasText: "Topics" })).toHaveCount(0);
    // The list of revisions: on a phone each stacked row says "Version: 2", not a lone "2".
    await expectFirstColumnNamed(page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Who" }) }), "Version", viewport.width < 500);
    // The Compare button sits level with the selects, and clear of the changes' heading below it.
    const compare = (await page.getByRole("button", { name: "Compare" }).boundingBox())!;
    const toVersion = (await page.getByLabel("To version").boundingBox())!;
    const changes = (await page.getByRole("heading", { name: "Changes from version 1 to version 2" }).boundingBox())!;
    if (viewport.width >= 500) expect(Math.abs(compare.y + compare.height - (toVersion.y + toVersion.height))).toBeLessThanOrEqual(1);
    expect(changes.y - (compare.y + compare.height)).toBeGreaterThanOrEqual(12);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`history-${viewport.name}.png`), fullPage: true });
    // A version no record can have (past PostgreSQL's integer) compares nothing: the page, not an error.
    const huge = await page.goto(`/dashboard/events/${created.id}/history?from=1&to=2147483648`);
    expect(huge?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: /^Changes from/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Compare" })).toBeVisible();
    if (viewport.width < 500) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
}
