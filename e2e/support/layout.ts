import { expect, type Page } from "@playwright/test";

/** Fails when the page is wider than its window, so that a reader would have to scroll sideways (on a phone, a layout that does not fit). */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `no sideways scrolling at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
}
