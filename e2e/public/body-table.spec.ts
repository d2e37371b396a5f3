import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { createEventViaApi, eventInput, staffContext, unique, workflowViaApi } from "../desk/helpers/staff";

/**
 * A table an editor writes in a body (Markdown) reads as a table: a header ruled off, rows
 * ruled, numbers aligned as the editor aligned them. On a phone, where it is wider than the
 * column, it scrolls in its own box, by finger or keyboard, and a shade at the edge says
 * there is more that way; the page itself never scrolls sideways.
 */
const BODY = [
  "The vote in the General Assembly, by year:",
  "",
  "| Year | Resolution | In favour | Against | Abstained |",
  "|------|------------|----------:|--------:|----------:|",
  "| 2021 | Cooperation between the United Nations and the regional organization | 152 | 3 | 14 |",
  "| 2023 | Cooperation between the United Nations and the regional organization | 160 | 2 | 11 |",
  "",
  "Both passed without a recorded statement by the host.",
].join("\n");

for (const viewport of VIEWPORTS) {
  test(`a table in an event's body reads as a table, and scrolls in its own box where it is wider than the column (${viewport.name})`, async ({ browser }) => {
    const { context } = await staffContext(browser, "EDITOR");
    const created = await createEventViaApi(
      context.request,
      eventInput(`Assembly votes on regional cooperation ${unique()}`, {
        body: BODY,
        // Neither the newest event (the home page's lead, which other specs read) nor the oldest.
        date: "2023-12-14",
        participants: [{ role: "HOST", countryId: "TO" }],
      }),
    );
    expect((await workflowViaApi(context.request, "events", created.id, { action: "publish", baseVersion: created.version })).body.ok).toBe(true);

    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`/events/${created.slug}`);
    const box = page.getByRole("region", { name: "Table" });
    const table = box.getByRole("table");
    await expect(table.getByRole("columnheader")).toHaveText(["Year", "Resolution", "In favour", "Against", "Abstained"]);
    await expect(table.getByRole("row")).toHaveCount(3);
    const style = (cell: ReturnType<typeof table.getByRole>, property: string) => cell.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
    expect(await style(table.getByRole("columnheader", { name: "Year" }), "border-bottom-width")).toBe("2px");
    expect(await style(table.getByRole("cell", { name: "152" }), "text-align")).toBe("right");
    expect(await style(table.getByRole("cell", { name: "2021" }), "text-align")).toBe("left");
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    const widths = () => box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, left: el.scrollLeft }));
    if (viewport.name === "desktop") {
      // It fits the column: nothing to scroll.
      const { scroll, client } = await widths();
      expect(scroll).toBeLessThanOrEqual(client);
    } else {
      const { scroll, client } = await widths();
      expect(scroll, "the table is wider than a phone's column").toBeGreaterThan(client);
      await box.scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath("body-table-phone-start.png") });
      // The keyboard reaches the box and scrolls it.
      await box.focus();
      await expect(box).toBeFocused();
      for (let i = 0; i < 12; i++) await page.keyboard.press("ArrowRight");
      await expect.poll(async () => (await widths()).left).toBeGreaterThan(0);
      await expect(table.getByRole("cell", { name: "14" })).toBeInViewport();
      await page.screenshot({ path: test.info().outputPath("body-table-phone-end.png") });
    }
    await page.screenshot({ path: test.info().outputPath(`body-table-${viewport.name}.png`), fullPage: true });
    // On paper, which does not scroll, the table prints whole.
    await page.emulateMedia({ media: "print" });
    expect(await box.evaluate((el) => getComputedStyle(el).overflowX)).toBe("visible");
    await context.close();
  });
}
