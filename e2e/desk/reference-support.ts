import { expect, type Locator, type Page } from "@playwright/test";

/** Picks an option in a desk picker by keyboard only: type, arrow down, Enter. */
export async function pickByKeyboard(page: Page, label: string, typed: string, option: string | RegExp) {
  const combo = page.getByRole("combobox", { name: label, exact: true });
  await combo.click();
  await combo.pressSequentially(typed);
  const listbox = page.getByRole("listbox", { name: label, exact: true });
  await expect(listbox.getByRole("option", { name: option }).first()).toBeVisible();
  // Move down until the wanted option is the active one, as a keyboard user would.
  for (let i = 0; i < 8; i++) {
    await combo.press("ArrowDown");
    const activeId = await combo.getAttribute("aria-activedescendant");
    if (activeId) {
      const text = await page.locator(`[id="${activeId}"]`).innerText();
      if (typeof option === "string" ? text.startsWith(option) : option.test(text)) break;
    }
  }
  await combo.press("Enter");
  await expect(combo).toHaveAttribute("aria-expanded", "false");
}

/**
 * On a form the page shows locked (a contributor on a reference record), lifts the lock in
 * the page as devtools would and saves a new name anyway: the server refuses, and after a
 * reload the record still has `name`.
 */
export async function expectLockedFormRefused(page: Page, form: { label: string; save: string }, name: string) {
  await page.locator(`form[aria-label='${form.label}'] fieldset`).first().evaluate((el) => el.removeAttribute("disabled"));
  await page.getByRole("button", { name: form.save }).evaluate((el) => el.removeAttribute("disabled"));
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Renamed by a contributor");
  await page.getByRole("button", { name: form.save }).click();
  await expect(page.getByText("You do not have permission to do that.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

export const unique = () => Math.random().toString(36).slice(2, 8);

/** Types into a picker and chooses the first option matching, with the keyboard. */
export async function pick(page: Page, combobox: Locator, text: string, option: RegExp) {
  await combobox.fill(text);
  await expect(page.getByRole("option", { name: option }).first()).toBeVisible();
  await combobox.press("ArrowDown");
  await combobox.press("Enter");
}
