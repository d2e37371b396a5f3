import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { signInContext } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { e2eDatabaseUrl } from "../support/database";
import { cleanUp, freePort, launch, tempDataDir, waitUntilReady, type Instance } from "../support/launcher";
import { startSmtpSink } from "../support/smtp-sink";

/**
 * "Forgot password?" with e-mail: this spec starts its own Chancery with SMTP_URL
 * pointing at a real SMTP server the test runs, asks for a link as a person would,
 * reads the mail, follows the link and signs in with the new password.
 */
test.describe.configure({ mode: "serial" });

let app: Instance | null = null;
let dataDir = "";
let baseURL = "";
let databaseUrl = "";
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sink = await startSmtpSink();
  const port = await freePort();
  const pgPort = await freePort();
  dataDir = tempDataDir();
  baseURL = `http://127.0.0.1:${port}`;
  app = launch({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), CHANCERY_DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: baseURL, SMTP_URL: sink.url, MAIL_FROM: "Chancery desk <desk@chancery.test>" });
  await waitUntilReady(port, app, 200_000);
  databaseUrl = e2eDatabaseUrl({ dataDir, port: pgPort });
});

test.afterAll(async () => {
  await cleanUp(app, dataDir);
  await sink?.close();
});

async function createStaff(name: string) {
  const id = `e2e${randomUUID().replaceAll("-", "")}`;
  const email = `${id}@e2e.chancery.test`;
  const password = `pw-${randomUUID()}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "isActive", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'EDITOR', true, now(), now())`,
      [id, email, name, await hashPassword(password)],
    );
  } finally {
    await client.end();
  }
  return { id, email, password, name };
}

/** The reset link in a mail, as a path on this server. */
function resetPathIn(text: string): string {
  const link = text.match(/https?:\/\/\S+\/reset\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, `a reset link in:\n${text}`).toBeTruthy();
  return new URL(link!).pathname;
}

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`someone who forgot their password gets a mailed single-use link and signs in with a new password (${viewport.name})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const staff = await createStaff(`Forgetful Editor ${viewport.name}`);
    const context = await browser.newContext({ baseURL, viewport: { width: viewport.width, height: viewport.height }, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
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

    const mail = await sink.waitForMail((m) => m.to.includes(staff.email) && m.subject === "Reset your Chancery password", "the reset link");
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
    const other = await browser.newContext({ baseURL });
    const again = await other.newPage();
    await again.goto(resetPath);
    await expect(again.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
    await expect(again.getByRole("link", { name: "Forgot password?" })).toBeVisible();
    expect(sink.mails.some((m) => m.to.includes(nobody))).toBe(false);
    await Promise.all([context.close(), other.close()]);
  });
}

test("asking again and again for one address is throttled, known or not, with a clear answer", async ({ playwright }) => {
  const staff = await createStaff("Throttled Editor");
  const api = await playwright.request.newContext({ baseURL });
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
