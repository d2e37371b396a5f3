import { expect, test, type Page } from "@playwright/test";
import { currentTotp, TOTP_STEP_SECONDS } from "../../lib/auth/two-factor";
import { expectAccessible } from "../support/axe";
import { signedInPage } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { createStaff, signedInRequest } from "../support/staff";

// Hashing is deliberately slow and the machine is shared: answers get more time.
const slowAnswer = { timeout: 30_000 };

/** A code the phone would show half a minute from now: a newer step than any used before (a code works once). */
const nextCode = (secret: string) => currentTotp(secret, Date.now() + TOTP_STEP_SECONDS * 1000);

async function signInWithForm(page: Page, email: string, password: string, code?: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (code === undefined) return;
  await expect(page.getByLabel("Two-factor code")).toBeVisible(slowAnswer);
  await page.getByLabel("Two-factor code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test("a staff member turns on two-factor sign-in, signs in with a code and with a recovery code once; wrong codes are counted; an admin resets it", async ({ browser }) => {
  // A long walk through the desk (about 40 s alone); the margin is for a machine shared with other specs.
  test.setTimeout(300_000);
  const staff = await createStaff("EDITOR", "twofactor");
  const { context, page } = await signedInPage(browser, staff);

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible(slowAnswer);
  const secret = (await page.getByTestId("two-factor-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("two-factor-setup-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible(slowAnswer);
  await page.getByLabel("Code from your app").fill(await currentTotp(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10, slowAnswer);
  const recovery = (await codes.allTextContents()).map((c) => c.trim());
  await expectAccessible(page);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText(/On since .*10 of your recovery codes are left/)).toBeVisible();

  // Signed out, the password alone is not enough any more.
  await signOut(page);
  await signInWithForm(page, staff.email, staff.password, "123456");
  await expect(page.getByText("The email, password or code is not right")).toBeVisible(slowAnswer);
  await expectAccessible(page);
  await page.getByLabel("Two-factor code").fill(await nextCode(secret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible(slowAnswer);

  // A recovery code works once.
  await signOut(page);
  await signInWithForm(page, staff.email, staff.password, recovery[0]!);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible(slowAnswer);
  await signOut(page);
  await signInWithForm(page, staff.email, staff.password, recovery[0]!);
  await expect(page.getByText("The email, password or code is not right")).toBeVisible(slowAnswer);

  // Every wrong code counts against the account, as a wrong password does.
  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  const failures = await admin.get(`/api/admin/audit?action=auth.sign_in_failed&actor=${encodeURIComponent(staff.email)}`);
  const rows = (await failures.text()).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { summary: { reason: string; failures: number } });
  expect(rows.filter((r) => r.summary.reason === "wrong code").length).toBe(2);
  expect(Math.max(...rows.map((r) => r.summary.failures))).toBeGreaterThanOrEqual(2);

  // The admin resets it (a lost phone): the password alone works again.
  const { context: adminContext, page: adminPage } = await signedInPage(browser, E2E_ADMIN);
  await adminPage.goto(`/admin/users/${staff.id}`);
  await expect(adminPage.getByText(/^On since/)).toBeVisible();
  await adminPage.getByRole("button", { name: "Reset two-factor sign-in" }).click();
  await expect(adminPage.getByText("Two-factor sign-in is off for them now")).toBeVisible(slowAnswer);
  await expectAccessible(adminPage);
  await signInWithForm(page, staff.email, staff.password);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible(slowAnswer);

  await admin.dispose();
  await Promise.all([context.close(), adminContext.close()]);
});
