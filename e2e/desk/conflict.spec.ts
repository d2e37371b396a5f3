import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createEventViaApi, eventInput, eventRow, openNewEvent, staffContext, unique } from "./helpers/staff";

test("two editors save the same event: the second sees the conflict, keeps their text, and both texts survive", async ({ browser }) => {
  const alice = await staffContext(browser, "EDITOR", "Alice Editor");
  const bob = await staffContext(browser, "EDITOR", "Bob Editor");
  const created = await createEventViaApi(alice.context.request, eventInput(`C5+1 summit ${unique()}`));

  const pageA = await alice.context.newPage();
  const pageB = await bob.context.newPage();
  await pageA.goto(`/dashboard/events/${created.id}`);
  await pageB.goto(`/dashboard/events/${created.id}`);

  await pageA.getByLabel("Summary").fill("Alice: the five Central Asian leaders met at the White House.");
  await pageA.getByRole("button", { name: "Save draft" }).click();
  await expect(pageA.getByText("Saved.", { exact: true })).toBeVisible();

  const bobsText = "Bob: the C5+1 summit was held in Washington on 6 November.";
  await pageB.getByLabel("Summary").fill(bobsText);
  await pageB.getByRole("button", { name: "Save draft" }).click();
  const conflict = pageB.getByRole("alert").filter({ has: pageB.getByRole("heading", { name: "Someone else saved this event while you were editing" }) });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Alice Editor saved version 2");
  const summaryRow = conflict.getByRole("row", { name: /Summary/ });
  await expect(summaryRow).toContainText("Alice: the five Central Asian leaders met at the White House.");
  await expect(summaryRow).toContainText(bobsText);
  // Nothing Bob typed is lost, and nothing of Alice's was overwritten.
  await expect(pageB.getByLabel("Summary")).toHaveValue(bobsText);
  expect((await eventRow(created.id))!.summary).toBe("Alice: the five Central Asian leaders met at the White House.");
  await expectAccessible(pageB);

  await pageB.getByRole("button", { name: "Save my version over version 2" }).click();
  await expect(pageB.getByText("Saved.", { exact: true })).toBeVisible();
  await expect(pageB.getByLabel("Summary")).toHaveValue(bobsText);
  expect(await eventRow(created.id)).toMatchObject({ summary: bobsText, version: 3 });

  // Alice's text is still in the history.
  await pageB.goto(`/dashboard/events/${created.id}/history?from=2&to=3`);
  await expect(pageB.getByRole("row", { name: /Summary/ })).toContainText("Alice: the five Central Asian leaders met at the White House.");
  await alice.context.close();
  await bob.context.close();
});

test("unsaved changes survive a reload, and leaving with them asks first", async ({ browser }) => {
  const { context, created, page } = await openNewEvent(browser, "EDITOR", eventInput(`Signing ceremony ${unique()}`));
  await page.getByLabel("Summary").fill("Typed but not saved.");

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(["beforeunload"]);
  await expect(page.getByText("Unsaved changes restored")).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveValue("Typed but not saved.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  expect((await eventRow(created.id))!.summary).toBe("Typed but not saved.");
  await context.close();
});
