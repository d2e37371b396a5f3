import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { createEventViaApi, eventInput, query, staffContext, unique } from "./helpers/staff";
import { VIEWPORTS } from "../support/viewports";
import { pick } from "./reference-support";

/**
 * Faster entry (issue 11): people and organizations created from inside a
 * picker, a speaker's title from their offices, an event's date and countries
 * offered to a statement, participants as one row, and "Link to a record" in a
 * Markdown body — each used as an editor would, on a desktop and on a phone.
 */

for (const viewport of VIEWPORTS) {
  test.describe(viewport.name, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("a participant is one row, and a person missing from the picker is created without leaving the form", async ({ browser }) => {
      const { context } = await staffContext(browser, "EDITOR");
      const page = await context.newPage();
      const title = `Envoys meet in Astana ${unique()}`;
      const name = `Aigerim Envoy ${unique()}`;
      await page.goto("/dashboard/events/new");
      await page.getByLabel("Title", { exact: true }).fill(title);
      await page.getByLabel("Type", { exact: true }).selectOption("MEETING");
      await pick(page, page.getByRole("combobox", { name: "Country of the place" }), "Kazakhstan", /^Kazakhstan/);

      // Nobody of that name yet: the picker offers to add them.
      const row = page.getByRole("group", { name: "Participant 1" });
      const combobox = row.getByRole("combobox", { name: "Name" });
      await combobox.fill(name);
      await expect(row.getByText("Nothing chosen yet")).toBeVisible();
      // The list of near names (if any) opens over the button; closed, it leaves the button in reach.
      await combobox.press("Escape");
      await expect(combobox).toHaveAttribute("aria-expanded", "false");
      await row.getByRole("button", { name: `New person “${name}”` }).click();
      const dialog = page.getByRole("dialog", { name: "New person" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel("Name", { exact: true })).toHaveValue(name);

      // Bad input: a clear error, the dialog stays, nothing is created.
      await dialog.getByLabel("Name", { exact: true }).fill("");
      await dialog.getByRole("button", { name: "Create person" }).click();
      await expect(dialog.getByText("Name is required.")).toBeVisible();
      expect(await query(`SELECT id FROM "Person" WHERE name = $1`, [name])).toHaveLength(0);

      await dialog.getByLabel("Name", { exact: true }).fill(name);
      await pick(page, dialog.getByRole("combobox", { name: "Country" }), "Kazakhstan", /^Kazakhstan/);
      await dialog.getByLabel("Office held").fill("Special Envoy of Kazakhstan");
      await dialog.getByLabel("Since").fill("2024");
      await expectAccessible(page);
      await page.screenshot({ path: test.info().outputPath(`quick-create-${viewport.name}.png`), fullPage: false });
      await dialog.getByRole("button", { name: "Create person" }).click();
      await expect(dialog).toBeHidden();

      // Chosen in the row, with the country taken from the person and the role from the place; the form kept its title.
      await expect(row.getByRole("combobox", { name: "Name" })).toHaveValue(name);
      await expect(row.getByText("Kazakhstan", { exact: true })).toBeVisible();
      await expect(row.getByLabel("Role", { exact: true })).toHaveValue("HOST");
      await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
      const [person] = await query<{ id: string; countryId: string }>(`SELECT id, "countryId" FROM "Person" WHERE name = $1`, [name]);
      expect(person?.countryId).toBe("KZ");
      expect(await query(`SELECT 1 FROM "AuditLog" WHERE "targetId" = $1`, [person!.id])).not.toHaveLength(0);

      // A second row waits for the next name; an organization and a country are found by the same picker.
      const second = page.getByRole("group", { name: "Participant 2" });
      await pick(page, second.getByRole("combobox", { name: "Name" }), "United States of America", /^United States\b/);
      await expect(second.getByLabel("Role", { exact: true })).toHaveValue("VISITOR");
      await expectAccessible(page);
      await page.screenshot({ path: test.info().outputPath(`participants-${viewport.name}.png`), fullPage: true });
      await context.close();
    });

    test("a person about to be created twice is offered as already recorded, and chosen instead", async ({ browser }) => {
      const { context } = await staffContext(browser, "EDITOR");
      const page = await context.newPage();
      const t = unique();
      const [recorded] = await query<{ id: string }>(
        `INSERT INTO "Person" (id, slug, name, "countryId", "updatedAt") VALUES ($1, $2, $3, 'TR', now()) RETURNING id`,
        [`namesake-${t}`, `namesake-${t}`, `Recep Tayyip Erdoğan ${t}`],
      );
      await page.goto("/dashboard/events/new");
      const row = page.getByRole("group", { name: "Participant 1" });
      // Typed without the accent, and not picked from the list: the editor goes to add a new person.
      const name = row.getByRole("combobox", { name: "Name" });
      await name.fill(`Recep Tayyip Erdogan ${t}`);
      // The list of matches opens over the New person button below the field, so it ends with
      // the same action: the editor takes it there, with the keyboard, past the namesake.
      const list = page.getByRole("listbox", { name: "Name" });
      await expect(list.getByRole("option", { name: new RegExp(`Erdoğan ${t}`) })).toBeVisible();
      const create = list.getByRole("option", { name: `New person “Recep Tayyip Erdogan ${t}”` });
      const typed = `“Recep Tayyip Erdogan ${t}”`;
      // After the matches: a new person, then a new organization, by that name.
      await expect(list.getByRole("option").filter({ hasText: /^New / })).toHaveText([`New person ${typed}`, `New organization ${typed}`]);
      await expect(list.getByRole("option").last()).toHaveText(`New organization ${typed}`);
      await name.press("ArrowUp");
      await name.press("ArrowUp");
      await expect(create).toHaveAttribute("aria-selected", "true");
      // A long name wraps in the list and in the buttons under it; nothing runs off a phone's screen.
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
      await page.screenshot({ path: test.info().outputPath(`picker-new-person-${viewport.name}.png`), fullPage: false });
      await name.press("Enter");
      const dialog = page.getByRole("dialog", { name: "New person" });
      await expect(dialog.getByText("Already recorded under a name like this: is it one of these?")).toBeVisible();
      const choose = dialog.getByRole("button", { name: `Choose Recep Tayyip Erdoğan ${t}, Türkiye` });
      await expect(choose).toBeVisible();
      await expectAccessible(page);
      await page.screenshot({ path: test.info().outputPath(`quick-create-namesake-${viewport.name}.png`), fullPage: false });
      await choose.click();
      await expect(dialog).toBeHidden();
      // The recorded person is chosen in the row, with their country; nobody new was created.
      await expect(row.getByRole("combobox", { name: "Name" })).toHaveValue(`Recep Tayyip Erdoğan ${t}`);
      // (The closed list keeps its options, with their countries, out of sight.)
      await expect(row.getByText("Türkiye", { exact: true }).filter({ visible: true })).toHaveCount(1);
      await expect(row.getByText("Nothing chosen yet")).toHaveCount(0);
      expect(await query(`SELECT id FROM "Person" WHERE name LIKE $1`, [`Recep Tayyip Erdo%an ${t}`])).toEqual([{ id: recorded!.id }]);
      await context.close();
    });

    test("a statement takes its speaker's title from their offices and its event's date and countries", async ({ browser }) => {
      const { context } = await staffContext(browser, "CONTRIBUTOR");
      const page = await context.newPage();
      await page.goto("/dashboard/statements/new");
      await page.getByLabel("Said on", { exact: true }).fill("2025-11-06");
      await pick(page, page.getByRole("combobox", { name: "Speaker" }), "Tokayev", /Tokayev/);
      await expect(page.getByLabel("Speaker's title at the time")).toHaveValue("President of Kazakhstan");
      await expect(page.getByText(/From their offices on 2025-11-06/)).toBeVisible();

      // A typed title is the editor's: a new date does not overwrite it.
      await page.getByLabel("Speaker's title at the time").fill("Head of State");
      await page.getByLabel("Said on", { exact: true }).fill("2025-11-07");
      await expect(page.getByLabel("Speaker's title at the time")).toHaveValue("Head of State");

      await page.getByLabel("Said on", { exact: true }).fill("");
      await pick(page, page.getByRole("combobox", { name: "Event" }), "C5+1", /C5\+1/);
      const offer = page.getByRole("group", { name: "From the event" });
      await expect(offer).toContainText("6 November 2025");
      await expect(offer).toContainText("United States");
      await expectAccessible(page);
      await offer.scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`statement-offer-${viewport.name}.png`), fullPage: false });
      await offer.getByRole("button", { name: "Use its date and countries" }).click();
      await expect(page.getByLabel("Said on", { exact: true })).toHaveValue("2025-11-06");
      await expect(page.getByRole("list", { name: "Chosen: Countries" })).toContainText("United States");
      await context.close();
    });

    test("“Link to a record” inserts a link to a record's public page into the body", async ({ browser }) => {
      const { context } = await staffContext(browser, "CONTRIBUTOR");
      const page = await context.newPage();
      await page.goto("/dashboard/events/new");
      const body = page.getByLabel("Body", { exact: true });
      await body.fill("Talks with ");
      await body.press("End");
      await page.getByRole("button", { name: "Link to a record" }).click();
      const panel = page.getByRole("group", { name: "Link to a record" });
      await panel.getByLabel("Kind of record").selectOption("country");
      await pick(page, panel.getByRole("combobox", { name: "Search" }), "Kazakhstan", /^Kazakhstan/);
      await expect(body).toHaveValue("Talks with [Kazakhstan](/countries/kz)");
      await expect(page.getByText("Linked “Kazakhstan”.")).toBeVisible();

      await page.getByRole("button", { name: "Link to a record" }).click();
      await panel.getByLabel("Kind of record").selectOption("person");
      await pick(page, panel.getByRole("combobox", { name: "Search" }), "Donald Trump", /Donald Trump/);
      await expect(body).toHaveValue("Talks with [Kazakhstan](/countries/kz)[Donald Trump](/people/donald-trump)");
      await page.getByRole("button", { name: "Link to a record" }).click();
      await expectAccessible(page);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`link-helper-${viewport.name}.png`), fullPage: false });

      // The desk's own preview renders it as a link to that page.
      await page.getByRole("button", { name: "Link to a record" }).click();
      // One control is called "Preview" (the page's preview); the field's own says what it shows.
      await expect(page.getByRole("button", { name: "Preview", exact: true })).toHaveCount(0);
      await page.getByRole("button", { name: "Preview formatting" }).click();
      await expect(page.getByRole("region", { name: "Body preview" }).getByRole("link", { name: "Kazakhstan" })).toHaveAttribute("href", "/countries/kz");
      await context.close();
    });

    test("each participant and source row keeps ids of its own, however often the form has been opened", async ({ browser }) => {
      const { context } = await staffContext(browser, "EDITOR");
      // The server writes the same ids each time: a counter it kept across forms gave each render
      // new ones, and a row added in the browser could then take the id of a row it had written.
      const rendered = new Set<string>();
      for (let i = 0; i < 3; i++) {
        const html = await (await context.request.get("/dashboard/events/new")).text();
        rendered.add([...html.matchAll(/id="(event-(?:participant|source)-[^"]+-(?:name|url))"/g)].map((m) => m[1]).join(" "));
      }
      expect([...rendered]).toEqual(["event-participant-p0-name event-source-s0-url"]);

      const page = await context.newPage();
      await page.goto("/dashboard/events/new");
      await pick(page, page.getByRole("group", { name: "Participant 1" }).getByRole("combobox", { name: "Name", exact: true }), "Kazakhstan", /^Kazakhstan/);
      await pick(page, page.getByRole("group", { name: "Participant 2" }).getByRole("combobox", { name: "Name", exact: true }), "Israel", /^Israel/);
      await page.getByRole("button", { name: "Add source" }).click();
      // Each field is named by its own label, once, and no id is on the page twice.
      for (const n of [1, 2, 3]) await expect(page.getByRole("group", { name: `Participant ${n}` }).getByRole("combobox", { name: "Name", exact: true })).toHaveCount(1);
      for (const n of [1, 2]) await expect(page.getByRole("group", { name: `Source ${n}` }).getByRole("textbox", { name: "Source URL", exact: true })).toHaveCount(1);
      const ids = await page.locator("[id]").evaluateAll((elements) => elements.map((element) => element.id));
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      await expectAccessible(page);
      await context.close();
    });

    test("a participant is found as an editor types it: by another name, without accents, a little misspelt", async ({ browser }) => {
      const { context } = await staffContext(browser, "EDITOR");
      const page = await context.newPage();
      await page.goto("/dashboard/events/new");
      const title = `Leaders meet on the Middle Corridor ${unique()}`;
      await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
      await page.getByLabel("Summary").fill("Three delegations met on the trade route.");
      await page.getByLabel("Type").selectOption("MEETING");
      await page.getByRole("textbox", { name: "Date", exact: true }).fill("2025-06-12");
      const nameOf = (n: number) => page.getByRole("group", { name: `Participant ${n}` }).getByRole("combobox", { name: "Name", exact: true });

      // The record has the United Arab Emirates; editors write "UAE". The list is checked while open.
      await nameOf(1).fill("UAE");
      await expect(page.getByRole("option", { name: /^United Arab Emirates/ })).toBeVisible();
      await expectAccessible(page);
      await pick(page, nameOf(1), "UAE", /^United Arab Emirates/);
      await expect(nameOf(1)).toHaveValue("United Arab Emirates");
      // Türkiye typed without its accent, Tokayev as the name is often spelt.
      await pick(page, nameOf(2), "Turkiye", /^Türkiye/);
      await expect(nameOf(2)).toHaveValue("Türkiye");
      await pick(page, nameOf(3), "Tokaev", /^Kassym-Jomart Tokayev/);
      await expect(nameOf(3)).toHaveValue("Kassym-Jomart Tokayev");

      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
      // The form shows what was saved, and the record holds those three.
      for (const [n, value] of [[1, "United Arab Emirates"], [2, "Türkiye"], [3, "Kassym-Jomart Tokayev"]] as const) await expect(nameOf(n)).toHaveValue(value);
      const saved = await query<{ who: string }>(
        `SELECT coalesce(pe.name, p."countryId") AS who FROM "EventParticipant" p JOIN "Event" e ON e.id = p."eventId" LEFT JOIN "Person" pe ON pe.id = p."personId" WHERE e.title = $1 ORDER BY p.position`,
        [title],
      );
      expect(saved.map((r) => r.who.trim())).toEqual(["AE", "TR", "Kassym-Jomart Tokayev"]);
      await expectAccessible(page);
      await context.close();
    });

    test("two letters in an event picker find the newest events with a word starting with them, drafts too", async ({ browser }) => {
      const { context } = await staffContext(browser, "EDITOR");
      // "qx" starts no word of the demo record nor of the other tests' titles (their unique parts are hex).
      const tag = unique();
      const older = await createEventViaApi(context.request, eventInput(`Qxara talks open ${tag}`, { date: "2024-03-01" }));
      const newer = await createEventViaApi(context.request, eventInput(`Envoys reach “Qxara” ${tag}`, { date: "2024-05-01" }));
      const inside = await createEventViaApi(context.request, eventInput(`Toqxara envoys meet ${tag}`, { date: "2024-06-01" }));
      expect(new Set([older.id, newer.id, inside.id]).size).toBe(3);

      const page = await context.newPage();
      await page.goto("/dashboard/events/new");
      const ledTo = page.getByRole("combobox", { name: "Led to" });
      await ledTo.fill("qx");
      const list = page.getByRole("listbox", { name: "Led to" });
      const options = list.getByRole("option");
      await expect(options.filter({ hasText: `Envoys reach “Qxara” ${tag}` })).toBeVisible();
      await expect(options.filter({ hasText: `Qxara talks open ${tag}` })).toBeVisible();
      // Newest first; a word that only holds the letters is not one that starts with them.
      const labels = await options.allTextContents();
      const at = (title: string) => labels.findIndex((label) => label.includes(title));
      expect(at(`Envoys reach “Qxara” ${tag}`)).toBeLessThan(at(`Qxara talks open ${tag}`));
      expect(at(`Toqxara envoys meet ${tag}`)).toBe(-1);
      // The field is low on the screen: the list is brought into view, not left below the fold.
      await expect(list).toBeInViewport({ ratio: 1 });
      await expectAccessible(page);

      // Emptied, the picker lists the newest events; arrowing down to the last keeps it in view in the list's scroll.
      await ledTo.fill("");
      await expect(options).toHaveCount(8);
      for (let i = 0; i < 8; i++) await ledTo.press("ArrowDown");
      await expect(options.nth(7)).toHaveAttribute("aria-selected", "true");
      await expect(options.nth(7)).toBeInViewport({ ratio: 0.9 });

      // A third letter looks inside words too, as every picker does.
      await ledTo.fill("qxa");
      await expect(options.filter({ hasText: `Toqxara envoys meet ${tag}` })).toBeVisible();
      await context.close();
    });
  });
}

test("a contributor is not offered to create people, and the server refuses it and bad look-ups", async ({ browser }) => {
  const { context } = await staffContext(browser, "CONTRIBUTOR");
  const page = await context.newPage();
  await page.goto("/dashboard/events/new");
  const name = `Nobody ${unique()}`;
  const row = page.getByRole("group", { name: "Participant 1" });
  await row.getByRole("combobox", { name: "Name" }).fill(name);
  await expect(row.getByText("An editor can add it.")).toBeVisible();
  await expect(row.getByRole("button", { name: /^New person/ })).toHaveCount(0);

  const refused = await context.request.post("/api/desk/people", { data: { input: { name } } });
  expect(refused.status()).toBe(403);
  expect(await query(`SELECT id FROM "Person" WHERE name = $1`, [name])).toHaveLength(0);

  for (const [url, status] of [
    ["/api/desk/lookup/facts?kind=planet&id=x", 400],
    ["/api/desk/lookup/facts?kind=person&id=..%2F..", 400],
    ["/api/desk/lookup/facts?kind=person&id=abc&on=2025-02-30", 400],
    ["/api/desk/lookup/facts?kind=event&id=nosuchevent", 404],
    ["/api/desk/lookup?kind=statement&q=%00", 400],
  ] as const) {
    const response = await context.request.get(url);
    expect(response.status(), url).toBe(status);
    expect((await response.json()) as { ok: boolean }).toMatchObject({ ok: false });
  }
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/api/desk/lookup/facts?kind=event&id=abc")).status()).toBe(401);
  await anonymous.close();
  await context.close();
});
