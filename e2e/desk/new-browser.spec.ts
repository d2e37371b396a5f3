import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signInContext } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { mailingServerForFile, test } from "../support/mailing-server";
import { VIEWPORTS } from "../support/viewports";
import { createStaff } from "./helpers/staff";

/**
 * A sign-in from a browser the account has not been used from is mailed to its owner
 * (lib/auth/browser-cookie.ts, lib/mail/send-new-sign-in.ts). This spec signs in as a
 * person would, from their own browser and from others, reads the mailbox of a real SMTP
 * server, and follows the mail's link to sign the stranger out.
 */
test.describe.configure({ mode: "serial" });

const server = mailingServerForFile();
const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SUBJECT = "New sign-in to your Chancery account";

async function signInWithTheForm(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function signOutFromTheBar(page: Page, phone: boolean) {
  const bar = page.getByRole("banner");
  if (phone) await bar.getByRole("button", { name: "Menu" }).click();
  await bar.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function anotherBrowserSignedIn(browser: Browser, who: { email: string; password: string }, userAgent?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.baseURL, userAgent });
  await signInContext(context, who.email, who.password);
  return context;
}

for (const viewport of VIEWPORTS) {
  test(`a sign-in from a browser the account has not used is mailed to its owner, who signs it out (${viewport.name})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const phone = viewport.width < 500;
    const staff = await createStaff("EDITOR", `Watchful Editor ${viewport.name}`, server.databaseUrl);
    const mailsToThem = () => server.sink.mails.filter((m) => m.to.includes(staff.email) && m.subject === SUBJECT);
    const own = await browser.newContext({ baseURL: server.baseURL, viewport: { width: viewport.width, height: viewport.height }, isMobile: phone, hasTouch: phone });
    const page = await own.newPage();

    // Their own browser: its first sign-in, and the ones after it, are not news.
    await signInWithTheForm(page, staff);
    const cookie = (await own.cookies()).find((c) => c.name === "chancery-browser");
    expect(cookie, "the browser got an id of its own").toBeTruthy();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(300 * 24 * 60 * 60 * 1000);
    await signOutFromTheBar(page, phone);
    await signInWithTheForm(page, staff);

    // Someone else's browser, with their password: mailed, once.
    const stranger = await anotherBrowserSignedIn(browser, staff, FIREFOX_ON_WINDOWS);
    const mail = await server.sink.waitForMail((m) => m.to.includes(staff.email) && m.subject === SUBJECT, "the new sign-in notice");
    expect(mail.from).toContain("desk@chancery.test");
    expect(mail.text).toContain("Browser: Firefox on Windows");
    expect(mail.text).toContain("Address: 127.0.0.1");
    expect(mail.text).toMatch(/Time: +\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    // A third browser is mailed too; by then any mail for the sign-ins before it would have come.
    const third = await anotherBrowserSignedIn(browser, staff);
    await expect.poll(() => mailsToThem().length, { timeout: 15_000 }).toBe(2);
    expect(mailsToThem()[1]!.text).toContain("Browser: Chrome on Linux");

    // The mail's link opens where they are signed in; they end the stranger's session there.
    const accountLink = mail.text.match(/https?:\/\/\S+\/account(?=\s)/)?.[0];
    expect(accountLink, `a link to /account in:\n${mail.text}`).toBeTruthy();
    await page.goto(new URL(accountLink!).pathname);
    const list = page.getByRole("region", { name: "Where you are signed in" });
    const table = list.getByRole("table", { name: "Your live sessions" });
    await expect(table.getByRole("row")).toHaveCount(4); // the heading row, this browser, the stranger and the third
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await list.getByRole("button", { name: "Sign out Firefox on Windows at 127.0.0.1" }).click();
    await expect(list.getByRole("status")).toHaveText("Firefox on Windows is signed out.");
    expect((await stranger.request.get("/dashboard", { maxRedirects: 0 })).status(), "the stranger is signed out").not.toBe(200);
    await page.screenshot({ path: test.info().outputPath(`new-browser-${viewport.name}.png`), fullPage: true });
    expect(mailsToThem()).toHaveLength(2);
    for (const context of [own, stranger, third]) await context.close();
  });
}
