import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createEventViaApi, eventInput, query, rubioSource, staffContext, unique, workflowViaApi } from "./helpers/staff";
import { pickByKeyboard } from "./reference-support";
import { expectBoxesOnFirstLine, expectNoSidewaysScroll } from "../support/layout";

/**
 * The desk side of a day's story (issue 13): an editor gives an event its
 * position in the day, says what it led to and what the sources leave
 * unconfirmed; readers then follow the story both ways. A party can join an
 * agreement through a related instrument (as Morocco did). The statement form
 * says what its verbatim text may hold. On a desktop and a 390 px phone.
 */
const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport });

    test("an editor orders a day's events and links one to the next; readers follow the link both ways", async ({ browser }) => {
      const { context } = await staffContext(browser, "EDITOR");
      const announcementTitle = `Announcement after the call ${unique()}`;
      const announcement = await createEventViaApi(context.request, eventInput(announcementTitle, { date: "2019-03-04", dayOrder: 2 }));
      expect((await workflowViaApi(context.request, "events", announcement.id, { action: "publish", baseVersion: 1 })).body.ok).toBe(true);

      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto("/dashboard/events/new");
      const callTitle = `Call before the announcement ${unique()}`;
      await page.getByRole("textbox", { name: "Title", exact: true }).fill(callTitle);
      await page.getByLabel("Summary").fill("The leaders spoke by phone before the announcement.");
      await page.getByLabel("Type").selectOption("PHONE_CALL");
      await page.getByRole("textbox", { name: "Date", exact: true }).fill("2019-03-04");
      // A box whose label wraps on a phone sits on the label's first line, as do the topics'.
      await expectBoxesOnFirstLine(page.getByRole("checkbox", { name: /^Approximate date/ }));
      await expectBoxesOnFirstLine(page.getByRole("group", { name: "Topics" }).getByRole("checkbox"));

      // A position that is not a whole number is refused at the field, and nothing is saved.
      await page.getByLabel("Position in the day").fill("first");
      await page.getByRole("combobox", { name: "Led to" }).fill(announcementTitle.slice(0, 30));
      await page.getByRole("option", { name: new RegExp(announcementTitle) }).click();
      await expect(page.getByRole("list", { name: "Chosen: Led to" })).toContainText(announcementTitle);
      await page.getByLabel("Unconfirmed").fill("Whether the call lasted an hour.");
      const source = page.getByRole("group", { name: "Source 1" });
      await source.getByLabel("Source URL").fill(rubioSource.url);
      await source.getByLabel("Source title").fill(rubioSource.title);
      await source.getByLabel("Publisher").fill(rubioSource.publisher);
      await page.getByRole("button", { name: "Save draft" }).click();
      const position = page.getByLabel("Position in the day");
      await expect(position).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(/Give the position in the day as a whole number/).first()).toBeVisible();
      expect((await query(`SELECT 1 FROM "Event" WHERE title = $1`, [callTitle])).length).toBe(0);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);

      await position.fill("1");
      await page.getByRole("button", { name: "Publish", exact: true }).click();
      await expect(page.getByText("Published.", { exact: true })).toBeVisible();
      // The form shows what was saved.
      await expect(page.getByLabel("Position in the day")).toHaveValue("1");
      await expect(page.getByRole("list", { name: "Chosen: Led to" })).toContainText(announcementTitle);
      const [row] = await query<{ slug: string; dayOrder: number; unconfirmedNote: string }>(`SELECT slug, "dayOrder", "unconfirmedNote" FROM "Event" WHERE title = $1`, [callTitle]);
      expect(row).toMatchObject({ dayOrder: 1, unconfirmedNote: "Whether the call lasted an hour." });

      // Readers: the call led to the announcement, the announcement followed from the call, in the day's order.
      const readerContext = await browser.newContext({ viewport });
      const reader = await readerContext.newPage();
      await reader.goto(`/events/${row!.slug}`);
      const related = reader.getByRole("region", { name: "Related events" });
      await expect(related.getByRole("heading", { name: "Led to" })).toBeVisible();
      await expect(related.getByRole("link", { name: announcementTitle })).toBeVisible();
      await expect(reader.getByText("Not confirmed by the sources: Whether the call lasted an hour.")).toBeVisible();
      await expectNoSidewaysScroll(reader);
      await related.getByRole("link", { name: announcementTitle }).click();
      await expect(reader.getByRole("heading", { level: 1, name: announcementTitle })).toBeVisible();
      const back = reader.getByRole("region", { name: "Related events" });
      await expect(back.getByRole("heading", { name: "Followed from" })).toBeVisible();
      await expect(back.getByRole("link", { name: callTitle })).toBeVisible();
      await expectAccessible(reader);
      await readerContext.close();
      await context.close();
    });

    test("an editor records a party that joined through a related instrument; readers see how it joined and what is unconfirmed", async ({ browser }) => {
      const { context } = await staffContext(browser, "EDITOR");
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const name = `Dushanbe Accord ${unique()}`;
      await page.goto("/dashboard/agreements/new");
      await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
      await page.getByLabel("Kind").selectOption("DECLARATION");
      await page.getByRole("button", { name: "Add a source", exact: true }).click();
      await page.getByRole("textbox", { name: "Agreement source 1 URL" }).fill("https://www.state.gov/");
      await page.getByRole("textbox", { name: "Agreement source 1 title" }).fill("State Department, home page: article link not known");
      await page.getByRole("button", { name: "Add a treaty action" }).click();
      await pickByKeyboard(page, "Action 1 party", "Tajik", /^Tajikistan/);
      await page.getByLabel("Action 1 type").selectOption("JOINED_THROUGH_RELATED_INSTRUMENT");
      await page.getByRole("textbox", { name: "Action 1 date" }).fill("2020-12-22");
      await page.getByRole("textbox", { name: "Action 1 unconfirmed" }).fill("Whether Tajikistan signed the declaration text itself.");
      // Without the instrument it is refused at the field, and nothing is created.
      await page.getByRole("button", { name: "Create agreement" }).click();
      await expect(page.getByText("Choose the instrument through which the party joined.")).toBeVisible();
      await expect(page.getByRole("combobox", { name: "Action 1 joined through", exact: true })).toHaveAttribute("aria-invalid", "true");
      expect((await query(`SELECT 1 FROM "Agreement" WHERE name = $1`, [name])).length).toBe(0);
      await expectNoSidewaysScroll(page);

      await pickByKeyboard(page, "Action 1 joined through", "Joint Declaration", /Joint Declaration of the United States, Israel and Morocco/);
      await page.getByRole("button", { name: "Create agreement" }).click();
      await expect(page.getByText("The agreement was created.")).toBeVisible();
      await expect(page.getByRole("listitem").filter({ hasText: "Tajikistan" })).toContainText("Joined through a related instrument");
      await expect(page.getByRole("combobox", { name: "Action 1 joined through", exact: true })).toHaveValue("Joint Declaration of the United States, Israel and Morocco");
      await expect(page.getByRole("textbox", { name: "Action 1 unconfirmed" })).toHaveValue("Whether Tajikistan signed the declaration text itself.");
      await expectAccessible(page);

      const [row] = await query<{ slug: string }>(`SELECT slug FROM "Agreement" WHERE name = $1`, [name]);
      const readerContext = await browser.newContext({ viewport });
      const reader = await readerContext.newPage();
      await reader.goto(`/agreements/${row!.slug}`);
      const party = reader.getByRole("table").getByRole("row", { name: /Tajikistan/ });
      await expect(party).toContainText("Joined through a related instrument");
      await expect(party).toContainText("Not confirmed: Whether Tajikistan signed the declaration text itself.");
      await expect(party.getByRole("link", { name: "Joint Declaration of the United States, Israel and Morocco" })).toHaveAttribute("href", "/agreements/us-israel-morocco-joint-declaration");
      await expectAccessible(reader);
      await readerContext.close();
      await context.close();
    });

    test("the statement form says what its verbatim text may hold, and offers a paraphrase shown without quotation marks", async ({ browser }) => {
      const { context } = await staffContext(browser, "CONTRIBUTOR");
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto("/dashboard/statements/new");
      await expect(page.getByLabel("Verbatim text")).toHaveAccessibleDescription(/Only words a source prints as this speaker's.*belongs in the event's summary or body/);
      await expect(page.getByLabel("Quote type").getByRole("option", { name: "Paraphrase (no quotation marks)" })).toHaveCount(1);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
      await context.close();
    });
  });
}
