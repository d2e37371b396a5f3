import { expect, test, type Locator } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { insertStatement, uniqueSlug } from "./record-fixtures";
import { expectNoSidewaysScroll } from "../support/layout";

/**
 * 6 November 2025 as a reader follows it: four events in their real order on the
 * country and relation pages and from each event, the call leading to the
 * announcement; maps whose small states are visible and linked; the record's
 * paraphrases, citations, 404 and icons. Each on a desktop and a 390 px phone.
 */
const DAY = [
  "Secretary of State Rubio meets President Tokayev",
  "Trump, Netanyahu and Tokayev hold a call on the Abraham Accords",
  "Kazakhstan announces it will join the Abraham Accords",
  "The United States hosts the C5+1 summit at the White House",
];

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

/** The titles of the links in `list`, in document order, that name one of the day's events. */
async function dayOrderIn(list: Locator): Promise<string[]> {
  const names = await list.getByRole("link").allTextContents();
  return names.map((n) => n.trim()).filter((n) => DAY.includes(n));
}

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport });

    test("Kazakhstan's timeline lists the four events of 6 November 2025 in their real order", async ({ page }) => {
      await page.goto("/countries/kz");
      const timeline = page.getByRole("list", { name: "Events involving Kazakhstan" });
      expect(await dayOrderIn(timeline)).toEqual(DAY);
      // The year labels of the timeline's strip (1992 onwards) keep the page's small type size (about 12 px), even on a phone.
      const tick = page.getByRole("region", { name: "Timeline" }).locator("svg text").first();
      await expect(tick).toHaveText("1992");
      const box = await tick.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(11);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    });

    test("Israel and Kazakhstan's page tells 6 November 2025 in full, in order", async ({ page }) => {
      await page.goto("/relations/il-kz");
      const day = page.getByRole("list", { name: "6 November 2025, in order" });
      expect(await dayOrderIn(day)).toEqual(DAY);
      await expect(day.getByRole("listitem").filter({ hasText: DAY[0]! })).toContainText("Kazakhstan only");
      await expect(day.getByRole("listitem").filter({ hasText: DAY[1]! })).toContainText("Israel and Kazakhstan");
      // The shared timeline keeps the shared events in the same order.
      const shared = page.getByRole("list", { name: "Events involving both Israel and Kazakhstan" });
      expect(await dayOrderIn(shared)).toEqual([DAY[1], DAY[2]]);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    });

    test("the call links to the announcement, which follows from it, and each event tells the day in order", async ({ page }) => {
      await page.goto("/events/trump-netanyahu-tokayev-call");
      const related = page.getByRole("region", { name: "Related events" });
      await expect(related.getByRole("heading", { name: "Led to" })).toBeVisible();
      await related.getByRole("link", { name: DAY[2] }).click();
      await expect(page).toHaveURL(/\/events\/kazakhstan-to-join-the-abraham-accords$/);
      const back = page.getByRole("region", { name: "Related events" });
      await expect(back.getByRole("heading", { name: "Followed from" })).toBeVisible();
      await expect(back.getByRole("link", { name: DAY[1] })).toHaveAttribute("href", "/events/trump-netanyahu-tokayev-call");

      const story = page.getByRole("list", { name: "Events of this story, in the order they happened" });
      const steps = (await story.getByRole("listitem").allTextContents()).map((t) => DAY.findIndex((d) => t.includes(d))).filter((i) => i >= 0);
      expect(steps).toEqual([0, 1, 2, 3]);
      await expect(story.locator('[aria-current="page"]')).toContainText(DAY[2]!);
      // The promised ceremony comes after the day, with no date yet.
      await expect(story.getByRole("listitem").last()).toContainText("Date to be announced");
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);

      // From the first event of the day, a reader reaches the last.
      await page.goto("/events/rubio-meets-tokayev");
      await expect(page.getByRole("note")).toContainText("Not confirmed by the sources: Whether the meeting was held over breakfast.");
      await page.getByRole("list", { name: "Events of this story, in the order they happened" }).getByRole("link", { name: DAY[3] }).click();
      await expect(page.getByRole("heading", { level: 1, name: DAY[3] })).toBeVisible();
    });

    test("on Kazakhstan's map, small Israel has a visible marker and every coloured country is a link", async ({ page }) => {
      await page.goto("/countries/kz");
      const map = page.getByRole("group", { name: /Kazakhstan and the countries it shares events with/ });
      const israel = map.getByRole("link", { name: /^Israel:/ });
      await expect(israel).toHaveAttribute("href", "/countries/il");
      const marker = israel.locator("circle").last();
      await expect(marker).toBeVisible();
      const box = await marker.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(8);
      await expect(map.getByRole("link", { name: /^Uzbekistan:/ })).toHaveAttribute("href", "/countries/uz");
      // Keyboard: the map's links are in the tab order and follow like any link.
      await israel.focus();
      await expect(israel).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/countries\/il$/);
      await expect(page.getByRole("heading", { level: 1, name: "Israel" })).toBeVisible();
    });

    test("on the Abraham Accords map, Bahrain and Israel are visible and linked, and Morocco reads apart from Kazakhstan", async ({ page }) => {
      await page.goto("/agreements/abraham-accords");
      const map = page.getByRole("group", { name: /^Parties to the Abraham Accords/ });
      for (const [country, href] of [
        ["Bahrain", "/countries/bh"],
        ["Israel", "/countries/il"],
      ] as const) {
        const link = map.getByRole("link", { name: new RegExp(`^${country}: Signed`) });
        await expect(link).toHaveAttribute("href", href);
        const marker = link.locator("circle").last();
        await expect(marker).toBeVisible();
        expect((await marker.boundingBox())!.width).toBeGreaterThanOrEqual(8);
      }
      await expect(map.getByRole("link", { name: "Morocco: Joined through a related instrument" })).toHaveAttribute("href", "/countries/ma");
      await expect(map.getByRole("link", { name: "Kazakhstan: Announced intent to join" })).toHaveAttribute("href", "/countries/kz");
      // Different colours on the map, different words in the table; the open question stays visible.
      const fill = async (n: string) => map.getByRole("link", { name: new RegExp(`^${n}:`) }).locator("path").first().evaluate((el) => getComputedStyle(el).fill);
      expect(await fill("Morocco")).not.toBe(await fill("Kazakhstan"));
      const morocco = page.getByRole("table").getByRole("row", { name: /Morocco/ });
      await expect(morocco).toContainText("Joined through a related instrument");
      await expect(morocco).toContainText("Unconfirmed");
      await expect(morocco.getByRole("link", { name: "Joint Declaration of the United States, Israel and Morocco" })).toHaveAttribute(
        "href",
        "/agreements/us-israel-morocco-joint-declaration",
      );
      await expect(page.getByRole("table").getByRole("row", { name: /Kazakhstan/ })).toContainText("Announced intent to join");
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    });

    test("an unknown address shows the 404 inside the site's header and footer", async ({ page }) => {
      const response = await page.goto(`/no-such-page-${name}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByRole("banner").getByRole("link", { name: /Chancery/ })).toBeVisible();
      await expect(page.getByRole("contentinfo")).toBeVisible();
      await page.getByRole("link", { name: "Search the record" }).click();
      await expect(page).toHaveURL(/\/search$/);
    });
  });
}

test("the home page leads with the latest news that happened; the undated ceremony waits under Upcoming", async ({ page }) => {
  await page.goto("/");
  const latest = page.getByRole("region", { name: "Latest events" });
  await expect(latest.getByRole("heading", { level: 3 }).first()).toHaveText(DAY[3]!);
  await expect(latest.getByText("Signing ceremony for Kazakhstan's accession")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Upcoming" })).toContainText("Signing ceremony for Kazakhstan's accession to the Abraham Accords");
});

test("a paraphrase is shown as one, never in quotation marks", async ({ page }) => {
  const slug = uniqueSlug("e2e-paraphrase");
  await insertStatement({
    slug,
    title: "Ministry says talks went well (paraphrase)",
    text: "The ministry said the talks had gone well and would continue.",
    quoteType: "PARAPHRASE",
    status: "PUBLISHED",
  });
  await page.goto(`/statements/${slug}`);
  await expect(page.getByRole("heading", { name: "What was said (paraphrased)" })).toBeVisible();
  await expect(page.getByText("Paraphrase: what was said, in a source’s words, not the speaker’s")).toBeVisible();
  await expect(page.locator("blockquote")).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: "About this statement" })).toContainText("Paraphrase");
  const description = await page.locator('meta[name="description"]').getAttribute("content");
  expect(description).toContain("(paraphrase) The ministry said");
  expect(description).not.toContain("“");
  await expectAccessible(page);

  await page.goto("/statements?limit=100");
  const item = page.getByRole("article").filter({ hasText: "Ministry says talks went well" });
  await expect(item).toContainText("Paraphrase: The ministry said the talks had gone well");
  await expect(item.locator("blockquote")).toHaveCount(0);
});

test("Cite this copies an APA, a Chicago and a BibTeX citation with one button each", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/events/kazakhstan-to-join-the-abraham-accords");
  const cite = page.getByRole("region", { name: "Cite this" });
  await cite.getByRole("button", { name: "Copy the BibTeX citation" }).click();
  await expect(cite.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
  const bibtex = await page.evaluate(() => navigator.clipboard.readText());
  expect(bibtex).toMatch(/^@misc\{chancery-kazakhstan-to-join-the-abraham-accords,/);
  expect(bibtex).toContain("title = {{Kazakhstan announces it will join the Abraham Accords}}");
  expect(bibtex).toMatch(/urldate = \{\d{4}-\d{2}-\d{2}\}/);
  await cite.getByRole("button", { name: "Copy the APA citation" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /^Chancery\. \(\d{4}, \w+ \d{1,2}\)\. Kazakhstan announces it will join the Abraham Accords\. Retrieved \w+ \d{1,2}, \d{4}, from http/,
  );
  await cite.getByRole("button", { name: "Copy the Chicago citation" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^“Kazakhstan announces it will join the Abraham Accords\.” Chancery, .* Accessed \d{1,2} \w+ \d{4}\.$/);
  await expectAccessible(page);
});

test("every page has a favicon and a touch icon that answer", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await page.goto("/events/rubio-meets-tokayev");
  for (const rel of ["icon", "apple-touch-icon"]) {
    const hrefs = await page.locator(`link[rel="${rel}"]`).evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
    expect(hrefs.length, rel).toBeGreaterThan(0);
    for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
  }
});

test("offices carry their dates: Trump's two terms apart, Hamdok no longer in office, titles as they were on the day", async ({ page }) => {
  await page.goto("/people/donald-trump");
  const offices = page.getByRole("region", { name: "Offices held" }).getByRole("listitem");
  await expect(offices).toHaveCount(2);
  await expect(offices.first()).toContainText("since 20 January 2025");
  await expect(offices.last()).toContainText("20 January 2017 – 20 January 2021");
  await page.goto("/people/abdalla-hamdok");
  const hamdok = page.getByRole("region", { name: "Offices held" });
  await expect(hamdok).toContainText("21 November 2021 – 2 January 2022");
  await expect(hamdok).not.toContainText("since");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /former Prime Minister of Sudan/);
  // A statement shows the speaker's title on the day it was said.
  await page.goto("/statements/rubio-enhanced-relationship");
  await expect(page.getByRole("complementary", { name: "About this statement" })).toContainText("Title at the time");
  await expect(page.getByRole("complementary", { name: "About this statement" })).toContainText("Secretary of State");
});
