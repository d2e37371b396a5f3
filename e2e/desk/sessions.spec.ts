import { expect, test, type Browser } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signInContext } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { createStaff, type Staff } from "./helpers/staff";

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

/** A browser of its own (its own cookie jar and User-Agent), signed in as `who`. */
async function browserSignedIn(browser: Browser, who: { email: string; password: string }, options: { userAgent?: string; viewport?: { width: number; height: number } } = {}) {
  const context = await browser.newContext({ userAgent: options.userAgent, viewport: options.viewport });
  await signInContext(context, who.email, who.password);
  return context;
}

/** Whether that browser's session still opens the desk (an ended one is sent to sign in). */
async function stillSignedIn(context: Awaited<ReturnType<typeof browserSignedIn>>) {
  const answer = await context.request.get("/dashboard", { maxRedirects: 0 });
  return answer.status() === 200;
}

for (const viewport of VIEWPORTS) {
  test(`a person sees where they are signed in and signs a forgotten browser out, then everywhere else (${viewport.name})`, async ({ browser }) => {
    const staff: Staff = await createStaff("EDITOR");
    const laptop = await browserSignedIn(browser, staff, { userAgent: FIREFOX_ON_WINDOWS });
    const here = await browserSignedIn(browser, staff, { viewport });
    const page = await here.newPage();
    await page.goto("/account");

    const list = page.getByRole("region", { name: "Where you are signed in" });
    const table = list.getByRole("table", { name: "Your live sessions" });
    await expect(table.getByRole("row")).toHaveCount(3); // the heading row and two sessions
    const current = table.getByRole("row").filter({ hasText: "This browser" });
    await expect(current).toContainText("Chrome on Linux");
    await expect(current).toContainText("now");
    await expect(current.getByRole("button")).toHaveCount(0);
    const forgotten = table.getByRole("row").filter({ hasText: "Firefox on Windows" });
    await expect(forgotten).toContainText("127.0.0.1");
    await expect(forgotten).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath(`sessions-${viewport.name}.png`), fullPage: true });

    await forgotten.getByRole("button", { name: "Sign out Firefox on Windows at 127.0.0.1" }).click();
    await expect(list.getByRole("status")).toHaveText("Firefox on Windows is signed out.");
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(list.getByText("You are signed in nowhere else.")).toBeVisible();
    expect(await stillSignedIn(laptop), "the laptop is signed out").toBe(false);
    expect(await stillSignedIn(here), "this browser stays signed in").toBe(true);

    // Signed in again on two more browsers: one button ends both.
    const [second, third] = [await browserSignedIn(browser, staff, { userAgent: FIREFOX_ON_WINDOWS }), await browserSignedIn(browser, staff)];
    await page.reload();
    await expect(table.getByRole("row")).toHaveCount(4);
    await list.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect(list.getByRole("status")).toHaveText("Signed out everywhere else: 2 sessions ended.");
    await expect(table.getByRole("row")).toHaveCount(2);
    expect([await stillSignedIn(second), await stillSignedIn(third), await stillSignedIn(here)]).toEqual([false, false, true]);
    await expectAccessible(page);

    // Signing out of this one too, from the desk's bar (behind "Menu" on a phone).
    const bar = page.getByRole("banner");
    if (viewport.name === "phone") await bar.getByRole("button", { name: "Menu" }).click();
    await bar.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect(await stillSignedIn(here)).toBe(false);

    // The audit log says what happened, in words.
    const admin = await browserSignedIn(browser, E2E_ADMIN, { viewport });
    const auditPage = await admin.newPage();
    await auditPage.goto(`/admin/audit?target=${staff.id}`);
    await expect(auditPage.getByText(`${staff.name} ended one of their sessions (Firefox on Windows, 127.0.0.1).`)).toBeVisible();
    await expect(auditPage.getByText(`${staff.name} signed out everywhere else: 2 other sessions ended.`)).toBeVisible();
    await expect(auditPage.getByText(`${staff.name} signed out.`, { exact: true })).toBeVisible();
    for (const context of [laptop, here, second, third, admin]) await context.close();
  });

  test(`an admin signs a staff member out everywhere from their page (${viewport.name})`, async ({ browser }) => {
    const staff = await createStaff("CONTRIBUTOR");
    const theirs = [await browserSignedIn(browser, staff), await browserSignedIn(browser, staff, { userAgent: FIREFOX_ON_WINDOWS })];
    const admin = await browserSignedIn(browser, E2E_ADMIN, { viewport });
    const page = await admin.newPage();
    await page.goto(`/admin/users/${staff.id}`);
    await expect(page.getByRole("definition").filter({ hasText: /^2$/ })).toBeVisible();
    const access = page.getByRole("region", { name: "Access" });
    await expect(access).toContainText("Signed in in 2 places.");
    await expectAccessible(page);
    await access.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(access.getByRole("status")).toHaveText("Their sessions have ended (2).");
    // The page is read again: no live session, so nothing left to sign out.
    await expect(access.getByRole("button", { name: "Sign out everywhere" })).toHaveCount(0);
    expect(await Promise.all(theirs.map(stillSignedIn))).toEqual([false, false]);
    await page.screenshot({ path: test.info().outputPath(`admin-sessions-${viewport.name}.png`), fullPage: true });

    // Their password still works: they sign in again.
    const again = await browserSignedIn(browser, staff);
    expect(await stillSignedIn(again)).toBe(true);
    // An admin's own page offers no such button; the route refuses their own account too.
    await page.goto(`/admin/users/${(await (await admin.request.get("/api/auth/session")).json()).user.id}`);
    await expect(page.getByRole("button", { name: "Sign out everywhere" })).toHaveCount(0);
    for (const context of [...theirs, again, admin]) await context.close();
  });
}
