import AxeBuilder from "@axe-core/playwright";
import axe from "axe-core";
import { expect, type Page } from "@playwright/test";

/**
 * Fails with a readable list when axe finds WCAG 2.1 A/AA violations on the page,
 * or when the page threw in the browser: a hydration mismatch (React error 418)
 * re-creates the page's forms and loses what a quick reader typed before it.
 */
export async function expectAccessible(page: Page) {
  const thrown = (await page.pageErrors()).map((e) => e.message.slice(0, 300));
  expect(thrown, "errors thrown in the page").toEqual([]);
  // Legacy mode runs axe once in the page itself. The default mode also opens a blank page
  // and injects axe's 500 KB a second time there to merge the results of cross-origin
  // frames, which Chancery's pages never have (its CSP says `frame-ancestors 'none'` and
  // no page embeds a frame): that doubled every scan, 3.0-7.6 s against 1.6-3.7 s on the
  // same public pages in one run, with the same findings.
  // resultTypes: axe lists every node only for violations, the one result read here, and one
  // node a rule for passes and the rest, instead of building a selector for every passing
  // node: 29.6 s against 38.7 s for the same 30 scans of ten public and desk pages, scans
  // alternated in one run, with the same findings (and the same seven violations, node for
  // node, on a page made to have them).
  // axe goes into the page once per document, here: AxeBuilder's legacy mode evaluated its
  // 500 KB source twice a scan (in analyze() and again in inject()), and the trace every
  // test records kept both copies; handed a source that does nothing, it finds axe in place.
  // After a client-side navigation Next writes the new <title> once the page's metadata has
  // streamed in; under load axe could scan before it and report a page without a title (a
  // full npm test on 2 December, /events?topic=… reached by a click). A page that never gets
  // one still fails, here.
  await expect(page, "the page has a <title>").toHaveTitle(/\S/);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  let violations = (await scan(page)).violations;
  // The title can also go for a moment while the page is on screen: after router.refresh()
  // Next renders the page's metadata again and writes the <title> once it has streamed in.
  // The CI run of 3 December scanned the user page in that moment (a refresh follows every
  // admin operation), after the check above had seen its title. A page without a title at
  // rest still fails: it fails the check above, and the second scan of the title rule.
  if (violations.some((v) => v.id === "document-title")) {
    await expect(page, "the page has a <title>").toHaveTitle(/\S/);
    const again = await scan(page, ["document-title"]);
    violations = [...violations.filter((v) => v.id !== "document-title"), ...again.violations];
  }
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, "axe violations").toEqual([]);
}

/** One axe scan of the page, for WCAG 2.1 A/AA, or for the rules named. */
function scan(page: Page, rules?: string[]) {
  // (options() replaces the options withTags() sets, so it comes first.)
  const builder = new AxeBuilder({ page, axeSource: "void 0" }).options({ resultTypes: ["violations"] }).setLegacyMode(true);
  return (rules ? builder.withRules(rules) : builder.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])).analyze();
}
