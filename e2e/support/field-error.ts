import { expect, type Locator, type Page } from "@playwright/test";

/** The error shown at a field: tied to the control by aria-describedby, the control marked invalid. */
export async function expectFieldError(page: Page, control: Locator, text: string | RegExp) {
  await expect(control).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await control.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  expect(errorId, "the field points at its error").toBeTruthy();
  await expect(page.locator(`[id="${errorId}"]`)).toContainText(text);
}
