import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createEventViaApi, eventInput, eventRow, openNewEvent, staffContext, unique } from "./helpers/staff";
import { VIEWPORTS } from "../support/viewports";

const savedStatus = /^Saved \d{1,2}:\d{2}/;

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
  });
}
