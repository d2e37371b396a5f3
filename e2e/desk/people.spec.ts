import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signInContext, signedInPage } from "../support/auth";
import { createUser } from "../support/users";
import { VIEWPORTS } from "../support/viewports";
import { query } from "./helpers/staff";
import { expectLockedFormRefused, pickByKeyboard, unique } from "./reference-support";

async function createPersonThroughForm(page: Page, name: string) {
  await page.goto("/dashboard/people/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("button", { name: "Create person" }).click();
  await expect(page.getByText("The person was created.")).toBeVisible();
  return page.url().split("?")[0]!;
}

test("an editor creates a person with an office, choosing with the pickers by keyboard", async ({ browser }) => {
  const editor = await createUser("EDITOR");
  const { context, page } = await signedInPage(browser, editor);
  const name = `Aigerim Test ${unique()}`;

  await page.goto("/dashboard/people");
  await page.getByRole("link", { name: "New person" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New person" })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await pickByKeyboard(page, "Country", "kaz", /^Kazakhstan/);
  await expect(page.getByRole("combobox", { name: "Country", exact: true })).toHaveValue("Kazakhstan");
  await page.getByRole("button", { name: "Add an office" }).click();
  await page.getByRole("textbox", { name: "Title", exact: true }).fill("Deputy Minister of Foreign Affairs");
  await pickByKeyboard(page, "For country", "KZ", /^Kazakhstan/);
  await pickByKeyboard(page, "For organization", "ministry of foreign", /Ministry of Foreign Affairs of Kazakhstan/);
  await page.getByRole("textbox", { name: "From", exact: true }).fill("2023-09");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create person" }).click();

  await expect(page.getByText("The person was created.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue("Deputy Minister of Foreign Affairs");
  await expect(page.getByRole("combobox", { name: "For organization", exact: true })).toHaveValue("Ministry of Foreign Affairs of Kazakhstan");
  await expect(page.getByRole("textbox", { name: "From", exact: true })).toHaveValue("2023-09");
  await expectAccessible(page);

  await page.goto(`/dashboard/people?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await context.close();
});

for (const viewport of VIEWPORTS) {
  test(`a name typed without its accents shows the person already recorded, before a second is created (${viewport.name})`, async ({ browser }) => {
    const editor = await createUser("EDITOR");
    const { context, page } = await signedInPage(browser, editor);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const tag = unique();
    const recorded = `Recep Tayyip Erdoğan ${tag}`;
    await query(`INSERT INTO "Person" (id, slug, name, "updatedAt") VALUES ($1, $1, $2, now())`, [`erdogan-${tag}`, recorded]);

    await page.goto("/dashboard/people/new");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(`Recep Tayyip Erdogan ${tag}`);
    const already = page.getByRole("status").filter({ hasText: "Already recorded under a name like this" });
    await expect(already.getByRole("link", { name: recorded })).toBeVisible();
    await expectAccessible(page);
    // A name recorded nowhere shows nothing.
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(`Nobody Recorded ${tag}`);
    await expect(page.getByText("Already recorded under a name like this")).toHaveCount(0);
    // The editor goes to the one recorded instead of creating a second.
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(`recep tayyip erdogan ${tag}`);
    // The form asks before it drops the typed name; the editor leaves it for the recorded one.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await already.getByRole("link", { name: recorded }).click();
    await expect(page.getByRole("heading", { level: 1, name: recorded })).toBeVisible();
    expect(asked).toMatch(/not saved yet/);
    // Its own page does not list the record itself as "another". (It may list others: the other
    // viewport's run records "Recep Tayyip Erdoğan <its tag>" at the same time, a name like this one.)
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(recorded);
    await expect(page.getByRole("status").filter({ hasText: /recorded under a name like this/ }).getByRole("link", { name: recorded, exact: true })).toHaveCount(0);
    expect(await query(`SELECT id FROM "Person" WHERE name_folded(name) = name_folded($1)`, [recorded])).toHaveLength(1);
    // The people list finds it written either way.
    for (const typed of [`Erdogan ${tag}`, `ERDOĞAN ${tag}`]) {
      await page.goto(`/dashboard/people?q=${encodeURIComponent(typed)}`);
      await expect(page.getByRole("link", { name: recorded })).toBeVisible();
    }
    await context.close();
  });

  test(`a people list that finds no name as typed offers those recorded under a name like it (${viewport.name})`, async ({ browser }) => {
    const editor = await createUser("EDITOR");
    const { context, page } = await signedInPage(browser, editor);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const tag = unique();
    const recorded = `Kassym-Jomart Tokayevich ${tag}`;
    await query(`INSERT INTO "Person" (id, slug, name, "countryId", "updatedAt") VALUES ($1, $1, $2, 'KZ', now())`, [`tokayevich-${tag}`, recorded]);

    await page.goto("/dashboard/people");
    const search = page.getByRole("search", { name: "Search people" });
    // Misspelt: no name holds it.
    await search.getByRole("searchbox", { name: "Name" }).fill(`Tokaevich ${tag}`);
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("No people match.")).toBeVisible();
    const nearby = page.getByRole("status").filter({ hasText: `Recorded under a name like “Tokaevich ${tag}”:` });
    await expect(nearby.getByRole("link", { name: recorded })).toBeVisible();
    await expect(nearby.getByText("Kazakhstan", { exact: false })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`people-nearby-${viewport.name}.png`), fullPage: true });
    await nearby.getByRole("link", { name: recorded }).click();
    await expect(page.getByRole("heading", { level: 1, name: recorded })).toBeVisible();
    // A name recorded nowhere, near or not: nothing offered.
    await page.goto(`/dashboard/people?q=${encodeURIComponent("Zzyzx Qwerty")}`);
    await expect(page.getByText("No people match.")).toBeVisible();
    await expect(page.getByText(/Recorded under a name like/)).toHaveCount(0);
    await context.close();
  });
}

test("bad input is refused at the field and nothing is saved", async ({ browser }) => {
  const editor = await createUser("EDITOR");
  const { context, page } = await signedInPage(browser, editor);
  const name = `Bad Input ${unique()}`;
  await page.goto("/dashboard/people/new");
  await page.getByRole("button", { name: "Create person" }).click();
  await expect(page.getByText("Name is required.")).toBeVisible();

  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByLabel("Wikidata id").fill("232");
  await page.getByRole("button", { name: "Add an office" }).click();
  await page.getByRole("textbox", { name: "Title", exact: true }).fill("Ambassador");
  await page.getByRole("textbox", { name: "From", exact: true }).fill("2020-02-30");
  await page.getByRole("textbox", { name: "To", exact: true }).fill("2019");
  await page.getByRole("button", { name: "Create person" }).click();
  await expect(page.getByText("A Wikidata id is Q followed by digits")).toBeVisible();
  await expect(page.getByText("From must be a real date")).toBeVisible();
  // What was typed is still there.
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(name);
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue("Ambassador");

  await page.getByRole("textbox", { name: "From", exact: true }).fill("2020-02");
  await page.getByRole("button", { name: "Create person" }).click();
  await expect(page.getByText("“To” cannot be before “From”.")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/dashboard/people?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("No people match.")).toBeVisible();
  await context.close();
});

test("a stale save gets the conflict screen, keeps the typed text, and history compares and restores", async ({ browser }) => {
  const editor = await createUser("EDITOR");
  const first = await browser.newContext();
  const second = await browser.newContext();
  await signInContext(first, editor.email, editor.password);
  await signInContext(second, editor.email, editor.password);
  const a = await first.newPage();
  const b = await second.newPage();
  const name = `Conflict Person ${unique()}`;
  const url = await createPersonThroughForm(a, name);

  await a.goto(url);
  await b.goto(url);
  await a.getByRole("textbox", { name: "Description" }).fill("Their description");
  await a.getByRole("button", { name: "Save person" }).click();
  await expect(a.getByText("Saved.")).toBeVisible();

  await b.getByRole("textbox", { name: "Description" }).fill("My description");
  await b.getByRole("button", { name: "Save person" }).click();
  await expect(b.getByRole("heading", { name: "Someone else saved this person while you were editing" })).toBeVisible();
  await expect(b.getByRole("cell", { name: "Their description" })).toBeVisible();
  await expect(b.getByRole("textbox", { name: "Description" })).toHaveValue("My description");
  await expectAccessible(b);

  await expect(b.getByRole("cell", { name: "My description" })).toBeVisible();
  await b.getByRole("button", { name: "Save my version over version 2" }).click();
  await expect(b.getByText("Saved.")).toBeVisible();

  await b.goto(`${url}?from=2&to=3`);
  await expect(b.getByRole("heading", { name: "Changes from version 2 to version 3" })).toBeVisible();
  await expect(b.getByRole("cell", { name: "My description" })).toBeVisible();
  await b.getByRole("button", { name: "Restore version 2" }).click();
  await expect(b.getByText("Restored: saved as version 4.")).toBeVisible();
  await expect(b.getByRole("textbox", { name: "Description" })).toHaveValue("Their description");
  await first.close();
  await second.close();
});

test("a contributor can read people but not create or change them, even by posting straight to the server", async ({ browser }) => {
  const editor = await createUser("EDITOR");
  const contributor = await createUser("CONTRIBUTOR");
  const editorContext = await browser.newContext();
  await signInContext(editorContext, editor.email, editor.password);
  const name = `Protected Person ${unique()}`;
  const url = await createPersonThroughForm(await editorContext.newPage(), name);

  const { context, page } = await signedInPage(browser, contributor);
  await page.goto("/dashboard/people/new");
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();

  await page.goto(url);
  await expect(page.getByText("Only editors can change people.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toBeDisabled();
  // Lift the form's lock in the page and send the save anyway: the server refuses.
  await expectLockedFormRefused(page, { label: "Edit person", save: "Save person" }, name);
  await editorContext.close();
  await context.close();
});
