import { expect, test, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { eventRow, staffContext, unique } from "./helpers/staff";

/**
 * The new-editor journey of issue 11, counted: a contributor records "Tokayev
 * meets Trump at the White House, 6 November 2025" from empty and submits it; an
 * editor reviews the page (preview), publishes it, then corrects it. Every
 * pointer action is counted: a click on a button or link, a click into a text
 * field before typing, two for a native select (open, pick), two for a picker
 * (into the field, then the option). Typing itself is not a click.
 * The figure is printed and kept in the test's annotations, and must stay at most
 * 23 (half the 46 of issue 11); docs/desk.md quotes it.
 */
class Counter {
  clicks = 0;
  async click(target: Locator) {
    this.clicks++;
    await target.click();
  }
  async type(field: Locator, text: string) {
    this.clicks++;
    await field.click();
    await field.fill(text);
  }
  async select(field: Locator, value: string) {
    this.clicks += 2;
    await field.selectOption(value);
  }
  async pick(page: Page, field: Locator, text: string, option: RegExp) {
    this.clicks += 2;
    await field.click();
    await field.fill(text);
    // Choose the way a keyboard user does once the list has the match (the list refreshes as one types).
    await expect(page.getByRole("option", { name: option }).first()).toBeVisible();
    await field.press("ArrowDown");
    await field.press("Enter");
  }
}

/**
 * The prefetches of staff pages a context's pages send (Next marks a prefetch with
 * Next-Router-Prefetch). Public pages may be prefetched: the preview shows the public
 * page's own links, and a public page comes from the cache.
 */
function staffPrefetchesOf(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (request.headers()["next-router-prefetch"] && /^\/(dashboard|admin|account|login|forgot-password|reset|invite)(\/|$)/.test(pathname)) urls.push(pathname);
  });
  return urls;
}

test("the new-editor journey: record, review, publish and correct an event — clicks counted", async ({ browser }) => {
  test.setTimeout(120_000);
  const count = new Counter();
  const title = `Tokayev meets Trump at the White House ${unique()}`;

  const { context: contributorContext } = await staffContext(browser, "CONTRIBUTOR");
  const contributorPrefetches = staffPrefetchesOf(contributorContext);
  const page = await contributorContext.newPage();
  await page.goto("/dashboard");
  await count.click(page.getByRole("link", { name: "New event" }));
  await count.type(page.getByLabel("Title", { exact: true }), title);
  await count.type(page.getByLabel("Summary", { exact: true }), "Kazakhstan's president Kassym-Jomart Tokayev met the US president at the White House on 6 November 2025.");
  await count.select(page.getByLabel("Type", { exact: true }), "MEETING");
  await count.type(page.getByLabel("Date", { exact: true }), "2025-11-06");
  await count.type(page.getByLabel("Place", { exact: true }), "White House, Washington");
  await count.pick(page, page.getByRole("combobox", { name: "Country of the place" }), "United States of America", /^United States\b/);

  // One row per participant: the name picker finds people, organizations and countries; the role follows
  // from the type and the place (the one at home hosts a meeting), the country from the person.
  const first = page.getByRole("group", { name: "Participant 1" });
  await count.pick(page, first.getByRole("combobox", { name: "Name" }), "Tokayev", /Tokayev/);
  await expect(first.getByLabel("Role", { exact: true })).toHaveValue("VISITOR");
  await expect(first.getByText("Kazakhstan", { exact: true })).toBeVisible();
  const second = page.getByRole("group", { name: "Participant 2" });
  await count.pick(page, second.getByRole("combobox", { name: "Name" }), "Trump", /Donald Trump/);
  await expect(second.getByLabel("Role", { exact: true })).toHaveValue("HOST");

  const source = page.getByRole("group", { name: "Source 1" });
  await count.type(source.getByLabel("Source URL"), "https://www.akorda.kz/en/tokayev-meets-trump-2025-11-06");
  await count.type(source.getByLabel("Source title"), "Kassym-Jomart Tokayev meets Donald Trump at the White House");
  await count.type(source.getByLabel("Publisher", { exact: true }), "Akorda");
  await count.click(page.getByRole("button", { name: "Submit for review" }));
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  const recorded = count.clicks;

  // The editor reviews the page readers will see, not the form, and publishes.
  const { context: editorContext } = await staffContext(browser, "EDITOR");
  const editorPrefetches = staffPrefetchesOf(editorContext);
  const editor = await editorContext.newPage();
  await editor.goto("/dashboard");
  await count.click(editor.getByRole("region", { name: /Review queue/ }).getByRole("link", { name: title }));
  await count.click(editor.getByRole("link", { name: "Preview" }));
  await expect(editor.locator("article").first().getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(editor.locator("article").first()).toContainText("Kassym-Jomart Tokayev");
  // Publishing from the page reviewed: no way back to the form needed.
  await count.click(editor.getByRole("button", { name: "Publish", exact: true }));
  await expect(editor.getByText("Published.", { exact: true })).toBeVisible();
  const reviewed = count.clicks - recorded;

  // A correction: the summary gave the wrong room.
  await count.type(editor.getByLabel("Summary", { exact: true }), "Kazakhstan's president Kassym-Jomart Tokayev met the US president in the Oval Office on 6 November 2025.");
  // Writing the correction note marks the change material.
  await count.type(editor.getByLabel("Correction note", { exact: true }), "An earlier version did not name the Oval Office.");
  await expect(editor.getByLabel("Material change (shows a public correction)")).toBeChecked();
  await count.click(editor.getByRole("button", { name: "Publish changes" }));
  await expect(editor.getByText("Changes published.")).toBeVisible();
  await expectAccessible(editor);
  const corrected = count.clicks - recorded - reviewed;

  const slug = (await editor.getByText(/\/events\/[a-z0-9-]+/).first().textContent())!.match(/\/events\/([a-z0-9-]+)/)![1]!;
  const publicPage = await browser.newPage();
  await publicPage.goto(`/events/${slug}`);
  await expect(publicPage.getByText(/in the Oval Office on 6 November 2025/)).toBeVisible();
  await expect(publicPage.getByText(/Corrected on .*: An earlier version did not name the Oval Office\./)).toBeVisible();
  await publicPage.close();

  const id = new URL(editor.url()).pathname.split("/").pop()!;
  expect((await eventRow(id))!.status).toBe("PUBLISHED");
  const figures = `clicks: ${count.clicks} (recording ${recorded}, review and publish ${reviewed}, correction ${corrected})`;
  console.log(`new-editor journey ${figures}; issue 11 measured 46 before, the goal is at most 23`);
  test.info().annotations.push({ type: "clicks", description: figures });
  expect(count.clicks, figures).toBeLessThanOrEqual(23);
  // Staff pages are rendered per request: a prefetch of one is server work that saves the
  // click nothing, so links to them never prefetch (components/ui/staff-link.tsx).
  expect([...contributorPrefetches, ...editorPrefetches], "prefetches of staff pages").toEqual([]);
  await contributorContext.close();
  await editorContext.close();
});
