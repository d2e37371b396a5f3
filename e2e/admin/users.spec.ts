import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signInContext, signedInPage } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { createStaff } from "../support/staff";

test("an admin invites an editor, who accepts the link once and signs in", async ({ browser }) => {
  const { context: admin, page } = await signedInPage(browser, E2E_ADMIN);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page.getByRole("cell", { name: E2E_ADMIN.email })).toBeVisible();
  await expectAccessible(page);

  const email = `invitee-${randomBytes(4).toString("hex")}@e2e.chancery.test`;
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText("Enter an email address")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("combobox", { name: "Role" }).selectOption("EDITOR");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`Invitation for ${email} created`)).toBeVisible();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await expectAccessible(page);

  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(link);
  await expect(invitePage.getByRole("heading", { level: 1, name: "Join the Chancery desk" })).toBeVisible();
  await expect(invitePage.getByLabel("Email")).toHaveValue(email);
  await expectAccessible(invitePage);
  await invitePage.getByLabel("Name").fill("Ines Invitee");
  await invitePage.getByLabel("Password").fill("password1");
  await invitePage.getByRole("button", { name: "Create account" }).click();
  await expect(invitePage.getByText("This is one of the most common passwords")).toBeVisible();
  await expect(invitePage.getByLabel("Name")).toHaveValue("Ines Invitee");
  await invitePage.getByLabel("Password").fill("ink and quills for the record");
  await invitePage.getByRole("button", { name: "Create account" }).click();
  await expect(invitePage.getByText("Your account is ready")).toBeVisible();

  await invitePage.goto(link);
  await expect(invitePage.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();

  await signInContext(invitee, email, "ink and quills for the record");
  await invitePage.goto("/dashboard");
  await expect(invitePage.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(invitePage.getByRole("link", { name: /Ines Invitee/ })).toContainText("Editor");
  await invitee.close();
  await admin.close();
});

test("an admin changes a role, deactivates and reactivates, and hands over a password-reset link", async ({ browser }) => {
  const staff = await createStaff("EDITOR", "managed");
  const { context: staffContext, page: staffPage } = await signedInPage(browser, staff);

  const { context: admin, page } = await signedInPage(browser, E2E_ADMIN);
  await page.goto("/admin/users");
  await page.getByRole("row", { name: new RegExp(staff.email) }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("E2E managed");
  await expectAccessible(page);

  await page.getByRole("combobox", { name: "Role" }).selectOption("CONTRIBUTOR");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("Role changed. Their sessions have ended.")).toBeVisible();
  await staffPage.goto("/dashboard");
  await expect(staffPage).toHaveURL(/\/login/);

  // Signed in again (a fresh browser), then deactivated: that session ends too.
  const { context: againContext, page: againPage } = await signedInPage(browser, staff);
  await againPage.goto("/dashboard");
  await expect(againPage.getByText(`Signed in as ${staff.email}`)).toBeVisible();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("Account deactivated.")).toBeVisible();
  await againPage.goto("/dashboard");
  await expect(againPage).toHaveURL(/\/login/);
  await page.goto("/admin/users");
  await expect(page.getByRole("row", { name: new RegExp(staff.email) })).toContainText("Deactivated");
  await expect(page.getByRole("row", { name: new RegExp(staff.email) })).toContainText("Contributor");

  await page.getByRole("row", { name: new RegExp(staff.email) }).getByRole("link").click();
  await page.getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByText("Account reactivated.")).toBeVisible();
  await page.getByRole("button", { name: "Create password-reset link" }).click();
  const link = await page.getByLabel("Password-reset link").inputValue();
  expect(link).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  const resetContext = await browser.newContext();
  const resetPage = await resetContext.newPage();
  await resetPage.goto(link);
  await expect(resetPage.getByRole("heading", { level: 1, name: "Set a new password" })).toBeVisible();
  await expectAccessible(resetPage);
  await resetPage.getByLabel("New password").fill("short");
  await resetPage.getByRole("button", { name: "Set password" }).click();
  await expect(resetPage.getByText("Use at least 8 characters.")).toBeVisible();
  await resetPage.getByLabel("New password").fill("a reset passphrase for the desk");
  await resetPage.getByRole("button", { name: "Set password" }).click();
  await expect(resetPage.getByText("Your password is set")).toBeVisible();
  await resetPage.goto(link);
  await expect(resetPage.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();

  await signInContext(resetContext, staff.email, "a reset passphrase for the desk");
  await resetPage.goto("/dashboard");
  await expect(resetPage.getByText(`Signed in as ${staff.email}`)).toBeVisible();
  await Promise.all([resetContext.close(), staffContext.close(), againContext.close(), admin.close()]);
});

test("an admin cannot change their own role or deactivate themselves", async ({ page, context }) => {
  await signInContext(context, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/admin/users");
  await page.getByRole("row", { name: new RegExp(E2E_ADMIN.email) }).getByRole("link").click();
  await expect(page.getByText("You cannot change your own role.")).toBeVisible();
  await expect(page.getByText("You cannot deactivate your own account.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Change role" })).toHaveCount(0);
});
