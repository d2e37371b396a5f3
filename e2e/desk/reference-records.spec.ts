import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signedInPage } from "../support/auth";
import { createUser } from "../support/users";
import { expectLockedFormRefused, pickByKeyboard, unique } from "./reference-support";

test("an editor creates an organization with member countries", async ({ browser }) => {
  const editor = await createUser("EDITOR");
  const { context, page } = await signedInPage(browser, editor);
  const name = `Caspian Council ${unique()}`;
  await page.goto("/dashboard/organizations/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Acronym" }).fill("CC");
  await page.getByRole("button", { name: "Add a member country" }).click();
  await pickByKeyboard(page, "Member 1 country", "kaz", /^Kazakhstan/);
  await page.getByLabel("Member 1 joined on").fill("2024-03-01");
  await page.getByRole("button", { name: "Add a member country" }).click();
  await pickByKeyboard(page, "Member 2 country", "AZ", /^Azerbaijan/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("The organization was created.")).toBeVisible();
  // Members are listed by country code once saved.
  await expect(page.getByRole("combobox", { name: "Member 1 country" })).toHaveValue("Azerbaijan");
  await expect(page.getByRole("combobox", { name: "Member 2 country" })).toHaveValue("Kazakhstan");
  await expect(page.getByLabel("Member 2 joined on")).toHaveValue("2024-03-01");
  await page.goto(`/dashboard/organizations?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("2");
  await expectAccessible(page);
  await context.close();
});

test("an editor records an agreement with a treaty action linked to an event, and sees the derived status", async ({ browser }) => {
  const editor = await createUser("EDITOR");
  const { context, page } = await signedInPage(browser, editor);
  const name = `Caspian Water Accord ${unique()}`;
  await page.goto("/dashboard/agreements/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByLabel("Kind").selectOption("TREATY");
  await page.getByRole("textbox", { name: "Concluded on" }).fill("2025-11");
  await page.getByRole("button", { name: "Add a source", exact: true }).click();
  await page.getByRole("textbox", { name: "Agreement source 1 URL" }).fill("javascript:alert(1)");
  await page.getByRole("textbox", { name: "Agreement source 1 title" }).fill("Announcement");
  await page.getByRole("button", { name: "Add a treaty action" }).click();
  await pickByKeyboard(page, "Action 1 party", "kaz", /^Kazakhstan/);
  await page.getByLabel("Action 1 type").selectOption("INTENT_ANNOUNCED");
  await page.getByRole("textbox", { name: "Action 1 date" }).fill("2025-11-06");
  await pickByKeyboard(page, "Action 1 event", "kazakhstan", /Kazakhstan/);
  await page.getByRole("button", { name: "Create agreement" }).click();
  await expect(page.getByText("Only http and https addresses are accepted.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Action 1 date" })).toHaveValue("2025-11-06");

  await page.getByRole("textbox", { name: "Agreement source 1 URL" }).fill("https://www.state.gov/");
  await page.getByRole("button", { name: "Create agreement" }).click();
  await expect(page.getByText("The agreement was created.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Parties and their status" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Kazakhstan" })).toContainText("Announced intent to join");
  await expect(page.getByRole("combobox", { name: "Action 1 event" })).not.toHaveValue("");
  await expectAccessible(page);
  await context.close();
});

test("an editor creates a topic; a contributor cannot change it even by posting to the server", async ({ browser }) => {
  const editor = await createUser("EDITOR");
  const contributor = await createUser("CONTRIBUTOR");
  const { context, page } = await signedInPage(browser, editor);
  const name = `Water security ${unique()}`;
  await page.goto("/dashboard/topics/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("button", { name: "Create topic" }).click();
  await expect(page.getByText("The topic was created.")).toBeVisible();
  await expectAccessible(page);
  const url = page.url().split("?")[0]!;

  const { context: other, page: theirs } = await signedInPage(browser, contributor);
  await theirs.goto("/dashboard/topics/new");
  await expect(theirs.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await theirs.goto(url);
  await expect(theirs.getByText("Only editors can change topics.")).toBeVisible();
  await expectLockedFormRefused(theirs, { label: "Edit topic", save: "Save topic" }, name);
  await context.close();
  await other.close();
});
