import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { eventInput, openNewEvent, unique } from "./helpers/staff";

test("a change to a published event stays off the public page until “Publish changes”, then shows with its correction", async ({ browser }) => {
  const { context, created, page } = await openNewEvent(browser, "EDITOR", eventInput(`Tokayev call ${unique()}`, { summary: "The original summary." }), { published: true });
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  await page.getByLabel("Summary").fill("The corrected summary: the call was on Thursday.");
  // On a published item the save button says that readers do not see the change yet.
  await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await page.getByRole("button", { name: "Save changes (not public yet)" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await expect(page.getByText("Changes staged")).toBeVisible();
  await expectAccessible(page);

  const publicPage = await browser.newPage();
  await publicPage.goto(`/events/${created.slug}`);
  await expect(publicPage.getByText("The original summary.")).toBeVisible();
  await expect(publicPage.getByText("The corrected summary")).toHaveCount(0);

  await page.getByLabel("Material change (shows a public correction)").check();
  await page.getByLabel("Correction note").fill("An earlier version gave the wrong day.");
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByText("Changes published.")).toBeVisible();
  await expect(page.getByText("Changes staged")).toHaveCount(0);

  await publicPage.reload();
  await expect(publicPage.getByText("The corrected summary: the call was on Thursday.")).toBeVisible();
  await expect(publicPage.getByText(/Corrected on .*: An earlier version gave the wrong day\./)).toBeVisible();
  await expect(publicPage.getByText("The original summary.")).toHaveCount(0);
  await context.close();
});

test("retracting a published event leaves a public tombstone with the reason", async ({ browser }) => {
  const { context, created, page } = await openNewEvent(browser, "EDITOR", eventInput(`Misreported meeting ${unique()}`), { published: true });
  // Retracting asks first, saying what readers will see.
  await page.getByRole("button", { name: "Retract", exact: true }).click();
  const confirm = page.getByRole("group", { name: "Confirm retraction" });
  await expect(confirm).toContainText("Readers will see only the title and this reason");
  await expectAccessible(page);
  await confirm.getByRole("button", { name: "Retract now" }).click();
  await expect(page.getByText("Give the public reason for the retraction.").first()).toBeVisible();
  await page.getByLabel("Reason for retraction").fill("The meeting was reported by mistake; it did not take place.");
  await page.getByRole("button", { name: "Retract now" }).click();
  await expect(page.getByText("Retracted. The public page now shows the retraction notice.")).toBeVisible();

  const publicPage = await browser.newPage();
  await publicPage.goto(`/events/${created.slug}`);
  await expect(publicPage.getByText("Retracted", { exact: true })).toBeVisible();
  await expect(publicPage.getByText("The meeting was reported by mistake; it did not take place.")).toBeVisible();
  await expect(publicPage.getByText("After a call with")).toHaveCount(0);
  await context.close();
});
