import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { VIEWPORTS } from "../support/viewports";
import { staffContext, unique } from "./helpers/staff";

/**
 * Repeated rows used with the keyboard alone. Pressing a row's Remove button used to remove the
 * focused button with its row, and the browser put focus back at the top of the page: the next
 * Tab reached "Skip to content", some sixty stops from the form. Pressing Add left focus on the
 * button, below the new row's empty fields. Now focus goes to the row the editor is working in.
 */
/** Presses a button the way a keyboard user does: focused, then Enter. */
async function press(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).focus();
  await page.keyboard.press("Enter");
}

for (const viewport of VIEWPORTS) {
  test.describe(viewport.name, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("an event's sources, participants and chosen events are added and removed without losing the keyboard's place", async ({ browser }) => {
      const { context } = await staffContext(browser, "EDITOR");
      const page = await context.newPage();
      await page.goto("/dashboard/events/new");
      await page.getByLabel("Title", { exact: true }).fill(`Rows by keyboard ${unique()}`);

      // Add source: focus is in the new source's URL, ready to type it.
      await press(page, "Add source");
      const second = page.getByRole("group", { name: "Source 2" });
      await expect(second.getByLabel("Source URL")).toBeFocused();
      await page.keyboard.type("https://example.org/second");
      // Removing the first: focus moves to the source now first (the one typed into).
      await press(page, "Remove source 1");
      await expect(page.getByRole("group", { name: "Source 1" }).getByLabel("Source URL")).toBeFocused();
      await expect(page.getByRole("group", { name: "Source 1" }).getByLabel("Source URL")).toHaveValue("https://example.org/second");
      // Removing the last one leaves focus on Add source, to add another.
      await press(page, "Remove source 1");
      await expect(page.getByRole("button", { name: "Add source" })).toBeFocused();

      // A participant removed: focus goes to the row after it (there is always an empty one).
      const first = page.getByRole("group", { name: "Participant 1" }).getByRole("combobox", { name: "Name" });
      await first.pressSequentially("Kazakhstan");
      await expect(page.getByRole("listbox", { name: "Name" }).getByRole("option", { name: /^Kazakhstan/ })).toBeVisible();
      await first.press("ArrowDown");
      await first.press("Enter");
      await expect(page.getByRole("group", { name: "Participant 2" })).toBeVisible();
      await press(page, "Remove participant 1");
      await expect(page.getByRole("group", { name: "Participant 1" }).getByRole("combobox", { name: "Name" })).toBeFocused();

      // A chosen event removed from "Led to": focus goes to the next chosen one, then back to the picker.
      const chosen = page.getByRole("list", { name: "Chosen: Led to" });
      for (const typed of ["Abraham Accords are signed", "Kazakhstan announces"]) {
        const combo = page.getByRole("combobox", { name: "Led to" });
        await combo.fill(typed);
        await expect(page.getByRole("listbox", { name: "Led to" }).getByRole("option").first()).toBeVisible();
        await combo.press("ArrowDown");
        await combo.press("Enter");
      }
      await expect(chosen.getByRole("listitem")).toHaveCount(2);
      await chosen.getByRole("button").first().focus();
      await page.keyboard.press("Enter");
      await expect(chosen.getByRole("button").first()).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("combobox", { name: "Led to" })).toBeFocused();
      await expectAccessible(page);
      await context.close();
    });

    test("a person's offices are added and removed with the keyboard where the editor is", async ({ browser }) => {
      const { context } = await staffContext(browser, "EDITOR");
      const page = await context.newPage();
      await page.goto("/dashboard/people/new");
      await page.getByRole("textbox", { name: "Name", exact: true }).fill(`Keyboard Person ${unique()}`);
      const titles = page.getByRole("textbox", { name: "Title", exact: true });
      await press(page, "Add an office");
      await expect(titles.nth(0)).toBeFocused();
      await page.keyboard.type("Ambassador");
      await press(page, "Add an office");
      await expect(titles.nth(1)).toBeFocused();
      await page.keyboard.type("Foreign Minister");
      // The first removed: focus goes to the office that follows (now the first), not the page's top.
      await press(page, "Remove office 1");
      await expect(titles).toHaveCount(1);
      await expect(titles.first()).toBeFocused();
      await expect(titles.first()).toHaveValue("Foreign Minister");
      await press(page, "Remove office 1");
      await expect(page.getByRole("button", { name: "Add an office" })).toBeFocused();
      await expectAccessible(page);
      await context.close();
    });
  });
}
