import { expect, test } from "@playwright/test";
import { signInContext } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { createEventViaApi, eventInput, eventRow, openNewEvent, staffContext, unique } from "./helpers/staff";
import { VIEWPORTS } from "../support/viewports";

const savedStatus = /^Saved \d{2}:\d{2} UTC/;

for (const viewport of VIEWPORTS) {
  test.describe(viewport.name, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("a draft saves on its own, survives a reload, and Ctrl+S saves at once", async ({ browser }) => {
      const { context, created, page } = await openNewEvent(browser, "CONTRIBUTOR", eventInput(`Tokayev meets Trump ${unique()}`), { viewport: { width: viewport.width, height: viewport.height } });

      // Typing, then a few seconds of quiet: the editor saves and says when, without a click.
      await page.getByLabel("Summary", { exact: true }).fill("Kazakhstan's president met the US president in the Oval Office.");
      const status = page.getByRole("status").filter({ hasText: /Sav/ });
      await expect(status).toHaveText(savedStatus);
      expect(await eventRow(created.id)).toMatchObject({ summary: "Kazakhstan's president met the US president in the Oval Office.", version: 2 });
      await expectAccessible(page);
      await page.screenshot({ path: test.info().outputPath(`autosave-${viewport.name}.png`), fullPage: false });

      // Nothing to ask on reload: it is saved, and the reloaded form shows it.
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.reload();
      await expect(page.getByLabel("Summary", { exact: true })).toHaveValue("Kazakhstan's president met the US president in the Oval Office.");
      expect(dialogs).toEqual([]);
      await expect(page.getByText("Unsaved changes restored")).toHaveCount(0);

      // Ctrl+S saves straight away.
      await page.getByLabel("Place", { exact: true }).fill("Oval Office, Washington");
      await page.getByLabel("Place", { exact: true }).press("Control+s");
      await expect(status).toHaveText(savedStatus);
      expect(await eventRow(created.id)).toMatchObject({ version: 3 });
      await context.close();
    });

    test("a stale autosave gets the conflict screen and keeps what was typed", async ({ browser }) => {
      const alice = await staffContext(browser, "EDITOR", "Alice Autosave");
      const bob = await staffContext(browser, "EDITOR", "Bob Autosave");
      const created = await createEventViaApi(alice.context.request, eventInput(`C5+1 summit ${unique()}`));
      const pageA = await alice.context.newPage();
      const pageB = await bob.context.newPage();
      await pageB.setViewportSize({ width: viewport.width, height: viewport.height });
      await pageA.goto(`/dashboard/events/${created.id}`);
      await pageB.goto(`/dashboard/events/${created.id}`);

      await pageA.getByLabel("Summary", { exact: true }).fill("Alice: the five Central Asian leaders met at the White House.");
      await expect(pageA.getByRole("status").filter({ hasText: /Sav/ })).toHaveText(savedStatus);

      const bobsText = "Bob: the C5+1 summit was held in Washington on 6 November.";
      await pageB.getByLabel("Summary", { exact: true }).fill(bobsText);
      const conflict = pageB.getByRole("alert").filter({ has: pageB.getByRole("heading", { name: "Someone else saved this event while you were editing" }) });
      await expect(conflict).toBeVisible();
      await expect(pageB.getByRole("status").filter({ hasText: /Not saved/ })).toBeVisible();
      await expect(pageB.getByLabel("Summary", { exact: true })).toHaveValue(bobsText);
      expect((await eventRow(created.id))!.summary).toBe("Alice: the five Central Asian leaders met at the White House.");
      await expectAccessible(pageB);
      await pageB.screenshot({ path: test.info().outputPath(`autosave-conflict-${viewport.name}.png`), fullPage: true });

      await pageB.getByRole("button", { name: "Save my version over version 2" }).click();
      await expect(pageB.getByText("Saved.", { exact: true })).toBeVisible();
      expect(await eventRow(created.id)).toMatchObject({ summary: bobsText, version: 3 });
      await alice.context.close();
      await bob.context.close();
    });

    test("leaving by a link with unsaved changes asks first", async ({ browser }) => {
      const { context, created, page } = await openNewEvent(browser, "EDITOR", eventInput(`Signing ceremony ${unique()}`), { viewport: { width: viewport.width, height: viewport.height } });
      await page.getByLabel("Summary", { exact: true }).fill("Typed, and the link clicked before it could save.");
      const asked = page.waitForEvent("dialog");
      const navigation = page.getByRole("link", { name: "History" }).click();
      const dialog = await asked;
      expect(dialog.message()).toContain("not saved yet");
      await dialog.dismiss();
      await navigation;
      await expect(page).toHaveURL(new RegExp(`/dashboard/events/${created.id}$`));
      await expect(page.getByLabel("Summary", { exact: true })).toHaveValue("Typed, and the link clicked before it could save.");
      await context.close();
    });

    test("signed out while editing: the editor says so, keeps what was typed, and brings it back after signing in again", async ({ browser }) => {
      const { context, staff, created, page } = await openNewEvent(browser, "EDITOR", eventInput(`Rubio meets Tokayev ${unique()}`), { viewport: { width: viewport.width, height: viewport.height } });
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // From another browser, the same person signs out everywhere else: this editor's session ends.
      const elsewhere = await browser.newContext();
      await signInContext(elsewhere, staff.email, staff.password);
      const ended = await elsewhere.request.delete("/api/account/sessions");
      expect(((await ended.json()) as { sessionsEnded: number }).sessionsEnded).toBe(1);

      const typed = "Typed after the session ended: the Secretary of State met President Tokayev.";
      await page.getByLabel("Summary", { exact: true }).fill(typed);
      const notice = page.getByRole("alert").filter({ hasText: "You are signed out" });
      await expect(notice).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: /Not saved/ })).toHaveText(/^Not saved: you are signed out\. ?Retry$/);
      expect(await eventRow(created.id)).toMatchObject({ version: 1 });
      await expectAccessible(page);
      await page.screenshot({ path: test.info().outputPath(`signed-out-${viewport.name}.png`), fullPage: false });

      // Signing in again comes straight back to this form, with what was typed.
      await notice.getByRole("link", { name: "Sign in again" }).click();
      await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(`/dashboard/events/${created.id}`)}`));
      expect(dialogs, "no 'leave the page?' question on the way to sign in").toEqual([]);
      await page.getByLabel("Email").fill(staff.email);
      await page.getByLabel("Password").fill(staff.password);
      await page.getByRole("button", { name: /sign in/i }).click();
      await expect(page).toHaveURL(new RegExp(`/dashboard/events/${created.id}$`));
      await expect(page.getByText("Unsaved changes restored")).toBeVisible();
      await expect(page.getByLabel("Summary", { exact: true })).toHaveValue(typed);
      await page.getByLabel("Summary", { exact: true }).press("Control+s");
      await expect(page.getByRole("status").filter({ hasText: /Sav/ })).toHaveText(savedStatus);
      expect(await eventRow(created.id)).toMatchObject({ summary: typed, version: 2 });
      await elsewhere.close();
      await context.close();
    });
  });
}
