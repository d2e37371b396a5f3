import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { signInContext } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { mailingServerForFile, test } from "../support/mailing-server";
import { createStaff } from "./helpers/staff";
import { VIEWPORTS } from "../support/viewports";

/**
 * "Forgot password?" with e-mail: this spec runs on a Chancery of its own worker's (shared
 * with the other mail spec) whose SMTP_URL points at a real SMTP server the test runs, asks
 * for a link as a person would,
 * reads the mail, follows the link and signs in with the new password.
 */
test.describe.configure({ mode: "serial" });

const server = mailingServerForFile();

const createEditor = (name: string) => createStaff("EDITOR", name, server.databaseUrl);

/** The reset link in a mail, as a path on this server. */
function resetPathIn(text: string): string {
  const link = text.match(/https?:\/\/\S+\/reset\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, `a reset link in:\n${text}`).toBeTruthy();
  return new URL(link!).pathname;
}

for (const viewport of VIEWPORTS) {
  test(`someone who forgot their password gets a mailed single-use link and signs in with a new password (${viewport.name})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const staff = await createEditor(`Forgetful Editor ${viewport.name}`);
    const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: viewport.width, height: viewport.height }, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
    const page = await context.newPage();

    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
    await expectAccessible(page);
    // A mistyped address is a field error, and nothing is sent.
    await page.getByLabel("Email").fill("not an address");
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByText("Enter an email address like name@example.org.")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Email").fill(staff.email.toUpperCase());
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    const answer = page.getByRole("status").filter({ hasText: "Check your inbox" });
    await expect(answer).toContainText("If that address has an account here, a link to set a new password is on its way.");
    await expectAccessible(page);
    await page.screenshot({ path: `/tmp/accounts-shots/forgot-sent-${viewport.name}.png`, fullPage: true });
    const knownAnswer = await answer.textContent();

    const mail = await server.sink.waitForMail((m) => m.to.includes(staff.email) && m.subject === "Reset your Chancery password", "the reset link");
    expect(mail.from).toContain("desk@chancery.test");
    const resetPath = resetPathIn(mail.text);

    // An address without an account gets exactly the same answer, and no mail.
    const nobody = `nobody-${randomUUID().slice(0, 8)}@e2e.chancery.test`;
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(nobody);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toHaveText(knownAnswer!);

    await page.goto(resetPath);
    await expect(page.getByRole("heading", { level: 1, name: "Set a new password" })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(staff.email);
    await expectAccessible(page);
    await page.getByLabel("New password").fill("a fresh passphrase for the record");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.getByText("Your password is set")).toBeVisible();

    await signInContext(context, staff.email, "a fresh passphrase for the record");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/dashboard$/);

    // The link works once; the page offers a new one.
    const other = await browser.newContext({ baseURL: server.baseURL });
    const again = await other.newPage();
    await again.goto(resetPath);
    await expect(again.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
    await expect(again.getByRole("link", { name: "Forgot password?" })).toBeVisible();
    expect(server.sink.mails.some((m) => m.to.includes(nobody))).toBe(false);
    await Promise.all([context.close(), other.close()]);
  });
}

test("asking again and again for one address is throttled, known or not, with a clear answer", async ({ playwright }) => {
  const staff = await createEditor("Throttled Editor");
  const api = await playwright.request.newContext({ baseURL: server.baseURL });
  for (const email of [staff.email, `ghost-${randomUUID().slice(0, 8)}@e2e.chancery.test`]) {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.post("/api/account/forgot-password", { data: { email } })).status());
    expect(statuses, email).toEqual([200, 200, 200, 429]);
    const refused = await api.post("/api/account/forgot-password", { data: { email } });
    expect(((await refused.json()) as { message: string }).message).toContain("Too many password-reset requests");
  }
  // Bad bodies: a clear error, never a 500.
  expect((await api.post("/api/account/forgot-password", { data: { email: "x", extra: 1 } })).status()).toBe(400);
  expect((await api.post("/api/account/forgot-password", { data: "[]" })).status()).toBe(400);
  await api.dispose();
});
