import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Fails with a readable list when axe finds WCAG 2.1 A/AA violations on the page,
 * or when the page threw in the browser: a hydration mismatch (React error 418)
 * re-creates the page's forms and loses what a quick reader typed before it.
 */
export async function expectAccessible(page: Page) {
  const thrown = (await page.pageErrors()).map((e) => e.message.slice(0, 300));
  expect(thrown, "errors thrown in the page").toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, "axe violations").toEqual([]);
}
