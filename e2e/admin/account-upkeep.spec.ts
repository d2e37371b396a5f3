import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { E2E_ADMIN } from "../support/env";
import { createStaff, signedInRequest } from "../support/staff";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";

/**
 * Account upkeep as an admin does it: revoking an open invitation and correcting a
 * user's name and email; and "Forgot password?" on a Chancery without e-mail (the
 * e-mail path runs in e2e/desk/forgot-password.spec.ts with its own SMTP server).
 */

async function adminPage(browser: Browser, viewport: (typeof VIEWPORTS)[number]) {
  return signedInPage(browser, E2E_ADMIN, { viewport: { width: viewport.width, height: viewport.height }, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
}

for (const viewport of VIEWPORTS) {
  test(`an admin revokes an open invitation, and its link stops working (${viewport.name})`, async ({ browser }) => {
    const api = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
    const email = `revoke-${randomBytes(4).toString("hex")}@e2e.chancery.test`;
    const invited = await api.post("/api/admin/users", { data: { email, role: "EDITOR" } });
    expect(invited.status()).toBe(201);
    const { link, id } = (await invited.json()) as { link: string; id: string };

    const { context, page } = await adminPage(browser, viewport);
    await page.goto("/admin/users");
    const row = page.getByRole("row", { name: new RegExp(email) });
    await row.getByRole("button", { name: "Revoke invitation" }).click();
    const confirm = row.getByRole("group", { name: "Confirm revoking this invitation" });
    await expect(confirm).toContainText("Its link stops working.");
    await expectAccessible(page);
    await page.screenshot({ path: `/tmp/accounts-shots/revoke-confirm-${viewport.name}.png`, fullPage: true });
    await confirm.getByRole("button", { name: "Keep it" }).click();
    await expect(row).toBeVisible();
    await row.getByRole("button", { name: "Revoke invitation" }).click();
    await confirm.getByRole("button", { name: "Yes, revoke it" }).click();
    await expect(page.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);
    // No sideways scrolling on a phone: the tables stack.
    await expectNoSidewaysScroll(page);

    const invitee = await browser.newContext();
    const invitePage = await invitee.newPage();
    await invitePage.goto(link);
    await expect(invitePage.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
    // Revoking twice, or by someone who is not an admin, changes nothing.
    expect((await api.delete(`/api/admin/invitations/${id}`)).status()).toBe(409);
    const editor = await createStaff("EDITOR", "not-admin");
    const editorApi = await signedInRequest(editor.email, editor.password);
    expect((await editorApi.delete(`/api/admin/invitations/${id}`)).status()).toBe(403);
    expect((await invitee.request.delete(`/api/admin/invitations/${id}`)).status()).toBe(401);
    await Promise.all([editorApi.dispose(), api.dispose(), invitee.close(), context.close()]);
  });

  test(`an admin corrects a user's name and email, who then signs in with the new email (${viewport.name})`, async ({ browser }) => {
    const staff = await createStaff("CONTRIBUTOR", "renamed");
    const other = await createStaff("CONTRIBUTOR", "other");
    const { context, page } = await adminPage(browser, viewport);
    await page.goto("/admin/users");
    await page.getByRole("row", { name: new RegExp(staff.email) }).getByRole("link").click();
    const panel = page.getByRole("region", { name: "Name and email" });
    await expect(panel.getByLabel("Email")).toHaveValue(staff.email);

    // A taken email: the field says so, what was typed stays, nothing changes.
    await panel.getByLabel("Name").fill("Aigerim Nurlanovna");
    await panel.getByLabel("Email").fill(other.email.toUpperCase());
    await panel.getByRole("button", { name: "Save name and email" }).click();
    await expect(panel.getByText("There is already an account with this email.")).toBeVisible();
    await expect(panel.getByLabel("Name")).toHaveValue("Aigerim Nurlanovna");
    await expectAccessible(page);
    await page.screenshot({ path: `/tmp/accounts-shots/profile-error-${viewport.name}.png`, fullPage: true });
    // Bad text is refused too.
    await panel.getByLabel("Email").fill("not an address");
    await panel.getByRole("button", { name: "Save name and email" }).click();
    await expect(panel.getByText("Enter an email address like name@example.org.")).toBeVisible();

    const newEmail = `renamed-${randomBytes(4).toString("hex")}@e2e.chancery.test`;
    await panel.getByLabel("Email").fill(newEmail);
    await panel.getByRole("button", { name: "Save name and email" }).click();
    await expect(panel.getByText("Name and email saved.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aigerim Nurlanovna");
    await expect(page.getByText(newEmail).first()).toBeVisible();
    await expectAccessible(page);

    const fresh = await signedInRequest(newEmail, staff.password);
    await fresh.dispose();

    // The audit log says it in words, with the stored row behind "Raw".
    await page.goto(`/admin/audit?action=user.profile_change&target=${staff.id}`);
    const entry = page.getByRole("row").filter({ hasText: "user.profile_change" });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("corrected the account of Aigerim Nurlanovna: name from");
    await expect(entry).toContainText(`email from “${staff.email}” to “${newEmail}”`);
    await expect(entry.getByRole("link", { name: "Aigerim Nurlanovna" })).toHaveAttribute("href", `/admin/users/${staff.id}`);
    const raw = entry.locator("pre");
    await expect(raw).toBeHidden();
    await entry.getByText("Raw", { exact: true }).click();
    await expect(raw).toBeVisible();
    await expect(raw).toContainText(`"targetId": "${staff.id}"`);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: `/tmp/accounts-shots/audit-words-${viewport.name}.png`, fullPage: true });
    await context.close();
  });

  test(`"Forgot password?" says to ask an admin when this Chancery sends no e-mail (${viewport.name})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, isMobile: viewport.width < 500 });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
    await expect(page.getByText("Ask an admin")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveCount(0);
    await expectAccessible(page);
    await page.screenshot({ path: `/tmp/accounts-shots/forgot-no-mail-${viewport.name}.png`, fullPage: true });
    const refused = await context.request.post("/api/account/forgot-password", { data: { email: E2E_ADMIN.email } });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toContain("Ask an admin");
    await context.close();
  });
}
