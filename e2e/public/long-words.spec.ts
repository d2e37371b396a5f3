import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { createEventViaApi, eventInput, staffContext, unique, workflowViaApi } from "../desk/helpers/staff";

/**
 * An editor pastes words longer than a phone's line (an address, a name run together):
 * no page that shows the record, public or desk, becomes wider than its window.
 */
for (const viewport of VIEWPORTS) {
  test(`a record full of words longer than a line widens no page (${viewport.name})`, async ({ browser }) => {
    const { context } = await staffContext(browser, "EDITOR");
    const tag = unique();
    const word = `Kazakhstanskayarespublikadiplomaticheskayamissiya${tag}`.repeat(3);
    const address = `https://example.org/${"a".repeat(180)}`;
    const created = await createEventViaApi(
      context.request,
      eventInput(`Long ${word} word`, {
        summary: `A summary with ${word} and an address ${address}`,
        body: `Body with ${word}\n\n| a | b |\n|---|---|\n| ${word} | x |\n\n\`\`\`\n${"code".repeat(60)}\n\`\`\``,
        // Neither the newest event (the home page's lead, which other specs read) nor the oldest,
        // and in a country no other spec uses: this record stays out of their way.
        date: "2024-01-15",
        participants: [{ role: "HOST", countryId: "FJ" }],
        placeName: word,
        sources: [{ url: `${address}/source`, title: `Source ${word}`, publisher: word }],
      }),
    );
    expect((await workflowViaApi(context.request, "events", created.id, { action: "publish", baseVersion: created.version })).body.ok).toBe(true);

    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const pages = [
      `/events/${created.slug}`,
      // The list entry every public list shows (the home page's too), found among all events.
      `/events?q=${encodeURIComponent(word)}`,
      "/countries/fj",
      `/search?q=${encodeURIComponent(word)}`,
      "/dashboard",
      "/dashboard/events",
      `/dashboard/events/${created.id}`,
      `/dashboard/events/${created.id}/history`,
      `/dashboard/search?q=${encodeURIComponent(word)}`,
    ];
    for (const path of pages) {
      await page.goto(path);
      // The record is on the page, its long words and all.
      await expect(page.getByText(word).first(), path).toBeAttached();
      await expectNoSidewaysScroll(page);
    }
    await page.goto(`/events/${created.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(word);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`long-words-${viewport.name}.png`), fullPage: true });
    await context.close();
  });
}
