import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { eventInput, eventRow, openNewEvent, unique } from "./helpers/staff";

test("an editor compares two revisions field by field and restores one", async ({ browser }) => {
  const title = `Rubio meets Tokayev ${unique()}`;
  const { context, created, page } = await openNewEvent(browser, "EDITOR", eventInput(title, { summary: "First wording." }));
  await page.getByLabel("Summary").fill("Second wording.");
  await page.getByLabel("Place", { exact: true }).fill("Washington");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `History: ${title}` })).toBeVisible();
  await page.getByLabel("From version").selectOption("1");
  await page.getByLabel("To version").selectOption("2");
  await page.getByRole("button", { name: "Compare" }).click();
  const summary = page.getByRole("row", { name: /^Summary/ });
  await expect(summary).toContainText("First wording.");
  await expect(summary).toContainText("Second wording.");
  await expect(page.getByRole("row", { name: /^Place/ })).toContainText("Washington");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByText("Revision restored: saved as version 3.")).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveValue("First wording.");
  expect(await eventRow(created.id)).toMatchObject({ summary: "First wording.", version: 3 });
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("cell", { name: "Restored version 1" })).toBeVisible();
  await context.close();
});
