import { expect, type Page } from "@playwright/test";

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

export const unique = () => Math.random().toString(36).slice(2, 8);
