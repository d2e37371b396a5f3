import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { insertEvent, uniqueSlug } from "./record-fixtures";

test("a scheduled event goes live on its own, refreshing the cached pages, and its correction appears on the log", async ({ page, request }) => {
  // Warm the caches first, so the test proves they are refreshed rather than filled.
  await request.get("/corrections");
  await request.get("/");
  const slug = uniqueSlug("e2e-scheduled-corrected");
  const title = `Scheduled meeting ${slug}`;
  await insertEvent({
    slug,
    title,
    summary: "A meeting that goes live on schedule.",
    status: "SCHEDULED",
    scheduledAt: new Date(Date.now() - 1000),
    correction: `The date was corrected (${slug}).`,
  });
  // The launcher publishes due items every few seconds and expires the public caches.
  await expect
    .poll(async () => (await request.get(`/events/${slug}`)).status(), { timeout: 20_000, intervals: [250] })
    .toBe(200);
  await page.goto("/corrections");
  const entry = page.getByRole("listitem").filter({ hasText: `The date was corrected (${slug}).` });
  await expect(entry).toContainText(/Corrected on \d{1,2} \w+ \d{4}:/);
  await expect(entry.getByRole("link", { name: title })).toHaveAttribute("href", `/events/${slug}`);
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Latest events" })).toBeVisible();
  await page.goto("/corrections");
  await expectAccessible(page);
});
