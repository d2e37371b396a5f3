import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signInContext, signedInPage } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { createStaff } from "../support/staff";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";

test("an admin invites an editor, who accepts the link once and signs in", async ({ browser }) => {
  const { context: admin, page } = await signedInPage(browser, E2E_ADMIN);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page.getByRole("cell", { name: E2E_ADMIN.email })).toBeVisible();
  await expectAccessible(page);

  const email = `invitee-${randomBytes(4).toString("hex")}@e2e.chancery.test`;
  // The invitation's own form (the staff list's filters have a Role too).
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByText("Enter an email address")).toBeVisible();
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("combobox", { name: "Role" }).selectOption("EDITOR");
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`Invitation for ${email} created`)).toBeVisible();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await expectAccessible(page);

  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(link);
  await expect(invitePage.getByRole("heading", { level: 1, name: "Join the Chancery desk" })).toBeVisible();
  const inviteLead = invitePage.getByText("Choose your name and a password.");
  await expect(inviteLead).toBeVisible();
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
  await expect(inviteLead).toHaveCount(0); // what to do is gone once it is done

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
  const resetLead = resetPage.getByText("Choose a new password.");
  await expect(resetLead).toBeVisible();
  await expectAccessible(resetPage);
  await resetPage.getByLabel("New password").fill("short");
  await resetPage.getByRole("button", { name: "Set password" }).click();
  await expect(resetPage.getByText("Use at least 8 characters.")).toBeVisible();
  await resetPage.getByLabel("New password").fill("a reset passphrase for the desk");
  await resetPage.getByRole("button", { name: "Set password" }).click();
  await expect(resetPage.getByText("Your password is set")).toBeVisible();
  await expect(resetLead).toHaveCount(0);
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

for (const viewport of VIEWPORTS) {
  test(`an admin finds accounts by name, role, status and two-factor sign-in (${viewport.name})`, async ({ browser }) => {
    const tag = `Findable-${randomBytes(3).toString("hex")}`;
    const [editor, contributor] = [await createStaff("EDITOR", `${tag.toLowerCase()}-editor`), await createStaff("CONTRIBUTOR", `${tag.toLowerCase()}-contributor`)];
    const { context, page } = await signedInPage(browser, E2E_ADMIN);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/admin/users");
    const filters = page.getByRole("search", { name: "Filter the staff accounts" });
    const accounts = page.getByRole("table", { name: "Staff accounts" });
    const count = page.getByRole("status").filter({ hasText: /account/ });
    await expect(count).toHaveText(/^\d[\d,]* accounts in all\.$/);

    // Part of a name, in any case.
    await filters.getByLabel("Name or email").fill(tag.toUpperCase());
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(count).toHaveText("2 accounts match.");
    await expect(accounts.getByRole("row")).toHaveCount(3); // the heading row and the two
    await expect(filters.getByLabel("Name or email")).toHaveValue(tag.toUpperCase());
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath(`users-filtered-${viewport.name}.png`), fullPage: true });

    // With a role, and whether two-factor sign-in is on: the editor, who has not turned it on.
    await filters.getByRole("combobox", { name: "Role" }).selectOption("EDITOR");
    await filters.getByRole("combobox", { name: "Two-factor sign-in" }).selectOption("off");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(count).toHaveText("1 account matches.");
    await expect(accounts.getByRole("row").nth(1)).toContainText(editor.email);
    await expect(accounts.getByRole("row").nth(1)).toContainText("Off");
    await filters.getByRole("combobox", { name: "Two-factor sign-in" }).selectOption("on");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("No account matches these filters.")).toBeVisible();

    // The contributor is active: not among the deactivated.
    await page.goto(`/admin/users?q=${encodeURIComponent(contributor.email)}&status=deactivated`);
    await expect(page.getByText("No account matches these filters.")).toBeVisible();
    await page.goto(`/admin/users?q=${encodeURIComponent(contributor.email)}&status=active`);
    await expect(count).toHaveText("1 account matches.");

    // A filter nobody could choose is said so, and the whole list is shown; the API refuses it.
    await page.goto("/admin/users?role=OWNER&status=asleep");
    await expect(page.getByText("Some filters are not valid; showing every account instead.")).toBeVisible();
    await expect(filters.getByText("Choose a role from the list.")).toBeVisible();
    await expectAccessible(page);
    const refused = await context.request.get("/api/admin/users?twoFactor=maybe");
    expect(refused.status()).toBe(400);
    const found = await (await context.request.get(`/api/admin/users?q=${encodeURIComponent(tag)}&role=CONTRIBUTOR`)).json();
    expect(found).toMatchObject({ total: 1, users: [{ email: contributor.email, hasTwoFactor: false }] });

    // "Clear filters" shows everyone again.
    await page.goto(`/admin/users?q=${encodeURIComponent(tag)}`);
    await filters.getByRole("link", { name: "Clear filters" }).click();
    await expect(count).toHaveText(/accounts in all/);
    await context.close();
  });
}
