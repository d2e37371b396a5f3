import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signedInPage } from "../support/auth";
import { createStaff, signedInRequest } from "../support/staff";

// Password hashing is deliberately slow, and other specs (brute force) may queue many
// hashes at once on a small machine: the form's answers get more time than the default.
const slowAnswer = { timeout: 30_000 };

test("a staff member changes their own password at /account; their other sessions end", async ({ browser }) => {
  const staff = await createStaff("CONTRIBUTOR", "account");
  const elsewhere = await signedInRequest(staff.email, staff.password);
  const { context, page } = await signedInPage(browser, staff);
  await page.goto("/dashboard");
  await page.getByRole("link", { name: /E2E account/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(staff.email)).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a second good passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible(slowAnswer);

  await page.getByLabel("Current password").fill(staff.password);
  await page.getByLabel("New password").fill("12345678");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is one of the most common passwords")).toBeVisible(slowAnswer);

  await page.getByLabel("Current password").fill(staff.password);
  await page.getByLabel("New password").fill("a second good passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed")).toBeVisible(slowAnswer);
  await expect(page.getByText("Your one other session has ended.")).toBeVisible();
  await expectAccessible(page);

  // This browser stays signed in; the other session does not.
  await page.goto("/dashboard");
  await expect(page.getByText(`Signed in as ${staff.email}`)).toBeVisible();
  expect(new URL((await elsewhere.get("/dashboard")).url()).pathname).toBe("/login");
  await elsewhere.dispose();
  await context.close();
});
