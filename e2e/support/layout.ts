import { expect, type Locator, type Page } from "@playwright/test";

/** Fails when the page is wider than its window, so that a reader would have to scroll sideways (on a phone, a layout that does not fit). */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `no sideways scrolling at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
}

/**
 * Fails unless every cell of the table's first column says what it is where the table stacks:
 * on a phone each stacked row names its bare values ("Version: 2", not a lone "2"); on a
 * desktop the heading row does, and the cells carry no name of their own.
 */
export async function expectFirstColumnNamed(table: Locator, name: string, stacked: boolean) {
  const shown = await table.locator("tbody tr td:first-child").evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, "::before").content));
  expect(shown.length, "rows in the table").toBeGreaterThan(0);
  expect(shown).toEqual(shown.map(() => (stacked ? `"${name}: "` : "none")));
}
