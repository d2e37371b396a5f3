import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { currentTotp } from "../../lib/auth/two-factor";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { mailingServerForFile, test } from "../support/mailing-server";
import type { ReceivedMail } from "../support/smtp-sink";
import { VIEWPORTS } from "../support/viewports";
import { createStaff } from "./helpers/staff";

/**
 * What changes the security of an account is mailed to its owner (lib/mail/send-account-notice.ts),
 * so that a change they did not make does not go unnoticed: their password, two-factor sign-in on
 * and off, and an admin's change of the address they sign in with (told to the old address). This
 * spec makes each change as a person would, on a Chancery whose mail goes to a real SMTP server,
 * and reads the mailbox.
 */
test.describe.configure({ mode: "serial" });

const server = mailingServerForFile();
const slowAnswer = { timeout: 30_000 };

async function signInWithTheForm(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, slowAnswer);
}

for (const viewport of VIEWPORTS) {
  test(`the owner of an account is mailed when its password, two-factor sign-in or email changes (${viewport.name})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const phone = viewport.width < 500;
    const staff = await createStaff("EDITOR", `Careful Editor ${viewport.name}`, server.databaseUrl);
    const admin = await createStaff("ADMIN", `Ada Admin ${viewport.name}`, server.databaseUrl);
    const mailsTo = (address: string) => server.sink.mails.filter((m) => m.to.includes(address));
    const mailTo = (address: string, subject: string): Promise<ReceivedMail> => server.sink.waitForMail((m) => m.to.includes(address) && m.subject === subject, subject);
    const newContext = () => browser.newContext({ baseURL: server.baseURL, viewport: { width: viewport.width, height: viewport.height }, isMobile: phone, hasTouch: phone });

    const own = await newContext();
    const page = await own.newPage();
    await signInWithTheForm(page, staff);
    await page.goto("/account");

    // The password, changed on /account.
    const password = page.getByRole("region", { name: "Change password" });
    const newPassword = `a new passphrase ${randomBytes(4).toString("hex")}`;
    await password.getByLabel("Current password").fill(staff.password);
    await password.getByLabel("New password").fill(newPassword);
    await password.getByRole("button", { name: "Change password" }).click();
    await expect(password.getByText("Password changed")).toBeVisible(slowAnswer);
    const changed = await mailTo(staff.email, "Your Chancery password was changed");
    expect(changed.text).toMatch(/changed on \d{4}-\d\d-\d\d \d\d:\d\d UTC from Chrome on \w+ at 127\.0\.0\.1\./);
    expect(changed.text).toMatch(/reset your password now \(https?:\/\/\S+\/forgot-password\)/);

    // Two-factor sign-in, turned on with a code from the app, then off with the password.
    const twoFactor = page.getByRole("region", { name: "Two-factor sign-in" });
    await twoFactor.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const secret = (await page.getByTestId("two-factor-secret").textContent(slowAnswer))!.trim();
    await twoFactor.getByLabel("Code from your app").fill(await currentTotp(secret));
    await twoFactor.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await twoFactor.getByRole("button", { name: "I have saved them" }).click(slowAnswer);
    await mailTo(staff.email, "Two-factor sign-in is on for your Chancery account");
    await twoFactor.getByLabel("Current password").fill(newPassword);
    await twoFactor.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
    await expect(twoFactor.getByRole("button", { name: "Set up two-factor sign-in" })).toBeVisible(slowAnswer);
    const off = await mailTo(staff.email, "Two-factor sign-in was turned off for your Chancery account");
    expect(off.text).toContain("it now signs in with the password alone");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // An admin changes the address the account signs in with: the old address hears of it.
    const adminContext = await newContext();
    const adminPage = await adminContext.newPage();
    await signInWithTheForm(adminPage, admin);
    await adminPage.goto(`/admin/users/${staff.id}`);
    const profile = adminPage.getByRole("region", { name: "Name and email" });
    const newEmail = `moved-${randomBytes(4).toString("hex")}@e2e.chancery.test`;
    await profile.getByLabel("Email").fill(newEmail);
    await profile.getByRole("button", { name: "Save name and email" }).click();
    await expect(profile.getByText("Name and email saved.")).toBeVisible(slowAnswer);
    const moved = await mailTo(staff.email, "Your Chancery account's email address was changed");
    expect(moved.text).toContain(`${admin.name}, an administrator, changed the email address of your Chancery account`);
    expect(moved.text).toContain(`from ${staff.email} to ${newEmail}`);
    await expectAccessible(adminPage);

    // One mail for each change, to the owner only; nothing to the admin or the new address.
    expect(mailsTo(staff.email).map((m) => m.subject)).toEqual([
      "Your Chancery password was changed",
      "Two-factor sign-in is on for your Chancery account",
      "Two-factor sign-in was turned off for your Chancery account",
      "Your Chancery account's email address was changed",
    ]);
    expect(mailsTo(newEmail)).toEqual([]);
    expect(mailsTo(admin.email)).toEqual([]);
    await Promise.all([own.close(), adminContext.close()]);
  });
}
