import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { eventInput, eventRow, openNewEvent, unique } from "./helpers/staff";
import { VIEWPORTS } from "../support/viewports";

for (const viewport of VIEWPORTS) {
  test.describe(viewport.name, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height }, timezoneId: "Asia/Almaty" });

    test("on a published item the buttons say what they do, and Unpublish asks first", async ({ browser }) => {
      const { context, created, page } = await openNewEvent(browser, "EDITOR", eventInput(`Tokayev call ${unique()}`), { published: true, viewport: { width: viewport.width, height: viewport.height } });

      await expect(page.getByRole("button", { name: "Save changes (not public yet)" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);
      await page.getByRole("button", { name: "Unpublish", exact: true }).click();
      const confirm = page.getByRole("group", { name: "Confirm unpublishing" });
      await expect(confirm).toContainText("Readers will no longer find it");
      await expectAccessible(page);
      await page.screenshot({ path: test.info().outputPath(`unpublish-confirm-${viewport.name}.png`), fullPage: true });
      // Changing one's mind changes nothing.
      await confirm.getByRole("button", { name: "Keep it published" }).click();
      expect((await eventRow(created.id))!.status).toBe("PUBLISHED");
      await page.getByRole("button", { name: "Unpublish", exact: true }).click();
      await page.getByRole("group", { name: "Confirm unpublishing" }).getByRole("button", { name: "Unpublish now" }).click();
      await expect(page.getByText("Unpublished: it is a draft again.")).toBeVisible();
      expect((await eventRow(created.id))!.status).toBe("DRAFT");
      expect((await page.request.get(`/events/${created.slug}`)).status()).toBe(404);
      await context.close();
    });

    test("an item in review is saved with \"Save changes\" and stays in review", async ({ browser }) => {
      const { context, created, page } = await openNewEvent(browser, "EDITOR", eventInput(`Rubio in Astana ${unique()}`), { viewport: { width: viewport.width, height: viewport.height } });
      await page.getByRole("button", { name: "Submit for review" }).click();
      await expect(page.getByText("Submitted for review.", { exact: true })).toBeVisible();
      // "Save draft" read as sending it back to the drafts.
      await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);
      await page.getByLabel("Summary").fill("A reviewer's fix of a typo.");
      await page.getByRole("button", { name: "Save changes", exact: true }).click();
      await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
      const row = (await eventRow(created.id))!;
      expect([row.status, row.summary]).toEqual(["IN_REVIEW", "A reviewer's fix of a typo."]);
      await expectAccessible(page);
      await context.close();
    });

    test("a refused save moves focus to a summary that links to each field", async ({ browser }) => {
      const { context, created, page } = await openNewEvent(browser, "EDITOR", eventInput(`Rubio meets Tokayev ${unique()}`), { viewport: { width: viewport.width, height: viewport.height } });
      await page.getByLabel("Title", { exact: true }).fill("");
      await page.getByRole("group", { name: "Source 1" }).getByLabel("Source URL").fill("javascript:alert(1)");
      await page.getByRole("button", { name: "Save draft" }).click();
      const fix = page.getByRole("list", { name: "Fields to fix" });
      await expect(fix.getByRole("link", { name: "Title" })).toBeVisible();
      await expect(fix.getByRole("link", { name: "Source 1: Source URL" })).toBeVisible();
      // Focus went to the summary, so a keyboard or screen-reader user starts there.
      await expect(page.locator(":focus")).toContainText("Each problem is marked next to its field below.");
      await expectAccessible(page);
      await fix.getByRole("link", { name: "Source 1: Source URL" }).click();
      await expect(page.getByRole("group", { name: "Source 1" }).getByLabel("Source URL")).toBeFocused();
      expect((await eventRow(created.id))!.version).toBe(1);
      await context.close();
    });

    test("a schedule is typed in the editor's own time zone with UTC beside it, and cancelling it is its own button", async ({ browser }) => {
      const { context, created, page } = await openNewEvent(browser, "EDITOR", eventInput(`Signing ceremony ${unique()}`), { viewport: { width: viewport.width, height: viewport.height } });

      const field = page.getByLabel("Publish at", { exact: true });
      await expect(page.getByText("In your time zone (Asia/Almaty)")).toBeVisible();
      await field.fill("2031-03-02T15:30");
      // Almaty is UTC+5.
      await expect(page.getByText("That is 2031-03-02 10:30 UTC.")).toBeVisible();
      await page.getByRole("button", { name: "Schedule", exact: true }).click();
      await expect(page.getByText("Scheduled.", { exact: true })).toBeVisible();
      expect((await eventRow(created.id))!.status).toBe("SCHEDULED");

      await expect(page.getByRole("button", { name: "Unpublish" })).toHaveCount(0);
      // Not a draft: saving keeps the schedule, and the button says so.
      await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);
      await page.getByLabel("Summary").fill("The signing ceremony, as scheduled.");
      await page.getByRole("button", { name: "Save changes", exact: true }).click();
      await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
      expect((await eventRow(created.id))!.status).toBe("SCHEDULED");
      await expectAccessible(page);
      await page.getByRole("button", { name: "Cancel schedule" }).click();
      await expect(page.getByText("Unpublished: it is a draft again.")).toBeVisible();
      expect((await eventRow(created.id))!.status).toBe("DRAFT");
      await context.close();
    });
  });
}

test("on a phone the desk keeps the actions in reach and its tables fit the screen", async ({ browser }) => {
  const title = `C5+1 summit ${unique()}`;
  const { context, page } = await openNewEvent(browser, "EDITOR", eventInput(title), { viewport: { width: 390, height: 844 } });
  const bar = page.getByRole("region", { name: "Quick actions" });
  await expect(bar).toBeVisible();
  // Still on screen with the page scrolled to the top of the long form.
  await page.getByLabel("Title", { exact: true }).focus();
  await expect(bar).toBeInViewport();
  await expect(bar.getByRole("button", { name: "Save now" })).toBeVisible();
  await bar.getByRole("link", { name: "Workflow actions" }).click();
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeInViewport();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("phone-editor.png") });

  for (const path of ["/dashboard", "/dashboard/events", "/dashboard/people"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
  await page.goto("/dashboard/events");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("phone-events-list.png"), fullPage: true });
  await context.close();
});
