import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { createEventViaApi, eventInput, query, staffContext, unique, workflowViaApi } from "./helpers/staff";
import { pick } from "./reference-support";

/**
 * A person recorded twice (by two editors, or by an import that did not know the spelling) is
 * merged into the one to keep: the events that named the duplicate name the kept person, the
 * duplicate's public address leads to the kept one's page, and the duplicate is gone.
 */
for (const [i, viewport] of VIEWPORTS.entries()) {
  test(`an editor merges a duplicate person into the one to keep — ${viewport.name}`, async ({ browser }) => {
    const u = unique();
    const { context } = await staffContext(browser, "EDITOR");
    const create = async (input: Record<string, unknown>) => (await (await context.request.post("/api/desk/people", { data: { input } })).json()) as { ok: boolean; id: string; slug: string };
    const kept = await create({ name: `Aigerim Seitkaliyeva ${u}`, countryId: "KZ" });
    const wikidataId = `Q${parseInt(u, 16)}`;
    const duplicate = await create({ name: `Seitkalieva ${u}`, wikidataId, description: `Recorded from a wire ${u}.` });
    expect(kept.ok && duplicate.ok).toBe(true);
    const title = `Talks with Seitkalieva ${u}`;
    const event = await createEventViaApi(context.request, eventInput(title, { type: "MEETING", date: `2018-05-${String(10 + i).padStart(2, "0")}`, participants: [{ role: "PARTICIPANT", personId: duplicate.id }] }));
    expect((await workflowViaApi(context.request, "events", event.id, { action: "publish", baseVersion: event.version })).status).toBe(200);
    expect((await context.request.get(`/people/${duplicate.slug}`)).status()).toBe(200);

    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`/dashboard/people/${duplicate.id}`);
    const section = page.getByRole("region", { name: "Merge into another person" });
    await expect(section).toBeVisible();
    if (viewport.name === "desktop") {
      await pick(page, section.getByRole("combobox", { name: "Person to keep" }), `Aigerim Seitkaliyeva ${u}`, new RegExp(`Aigerim Seitkaliyeva ${u}`));
    } else {
      // The section names the people recorded under a name like it: one is chosen from there.
      const namesakes = section.getByRole("status").filter({ hasText: "Also recorded under a name like this:" });
      await namesakes.getByRole("button", { name: new RegExp(`^Choose Aigerim Seitkaliyeva ${u}`) }).click();
      await expect(section.getByRole("combobox", { name: "Person to keep" })).toHaveValue(`Aigerim Seitkaliyeva ${u}`);
    }
    const confirm = section.getByRole("status").filter({ hasText: `Merge Seitkalieva ${u} into Aigerim Seitkaliyeva ${u}?` });
    // The two records side by side, then what happens to what names the one removed.
    await expect(confirm.getByRole("definition").first()).toHaveText(`Seitkalieva ${u} · /people/${duplicate.slug} (this page)`);
    await expect(confirm.getByRole("definition").last()).toHaveText(`Aigerim Seitkaliyeva ${u} · /people/${kept.slug} (Kazakhstan)`);
    await expect(confirm).toContainText(`1 event names Seitkalieva ${u}: they will name Aigerim Seitkaliyeva ${u} instead.`);
    await expect(confirm).toContainText(`Its address will lead to Aigerim Seitkaliyeva ${u}'s page.`);
    await section.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`merge-${viewport.name}.png`), fullPage: false });

    await confirm.getByRole("button", { name: `Merge into Aigerim Seitkaliyeva ${u}` }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/people/${kept.id}\\?done=merged$`));
    await expect(page.getByText("Merged: the duplicate was removed, everything that referred to it now refers to this person, and its address leads here.")).toBeVisible();
    // What only the duplicate knew is the kept person's now.
    await expect(page.getByLabel("Wikidata id")).toHaveValue(wikidataId);
    await expectAccessible(page);

    // The duplicate is gone; its address leads to the kept person's page; the event names the kept person.
    expect(await query(`SELECT id FROM "Person" WHERE id = $1`, [duplicate.id])).toEqual([]);
    const redirect = await context.request.get(`/people/${duplicate.slug}`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(308);
    expect(redirect.headers().location).toBe(`/people/${kept.slug}`);
    // The open data API says the same: 308 to the kept person's item.
    const moved = await context.request.get(`/api/v1/people/${duplicate.slug}`, { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(moved.headers().location).toBe(`/api/v1/people/${kept.slug}`);
    // An API consumer that kept the duplicate's id (items are found by slug or id) is redirected too.
    const movedId = await context.request.get(`/api/v1/people/${duplicate.id}`, { maxRedirects: 0 });
    expect(movedId.status()).toBe(308);
    expect(movedId.headers().location).toBe(`/api/v1/people/${kept.slug}`);
    expect(((await (await context.request.get(`/api/v1/people/${duplicate.slug}`)).json()) as { data: { name: string } }).data.name).toBe(`Aigerim Seitkaliyeva ${u}`);
    const reader = await browser.newContext();
    const publicPage = await reader.newPage();
    await publicPage.setViewportSize({ width: viewport.width, height: viewport.height });
    await publicPage.goto(`/people/${duplicate.slug}`);
    await expect(publicPage).toHaveURL(new RegExp(`/people/${kept.slug}$`));
    await expect(publicPage.getByRole("heading", { level: 1, name: `Aigerim Seitkaliyeva ${u}` })).toBeVisible();
    await expect(publicPage.getByRole("link", { name: title })).toBeVisible();
    await publicPage.goto(`/events/${event.slug}`);
    await expect(publicPage.getByRole("link", { name: `Aigerim Seitkaliyeva ${u}` })).toBeVisible();
    await expect(publicPage.getByText(`Seitkalieva ${u}`, { exact: true })).toHaveCount(0);
    await Promise.all([context.close(), reader.close()]);
  });
}

/**
 * A topic brought in twice ("Nuclear power" beside "Nuclear energy") is merged the same way: its
 * events are filed under the one kept, and its page, the lists, feeds and API filtered by it lead
 * to the kept topic's, so a reader's bookmark or a feed subscription keeps working.
 */
for (const [i, viewport] of VIEWPORTS.entries()) {
  test(`an editor merges a duplicate topic, and what was filtered by it follows — ${viewport.name}`, async ({ browser }) => {
    const u = unique();
    const { context } = await staffContext(browser, "EDITOR");
    const create = async (input: Record<string, unknown>) => (await (await context.request.post("/api/desk/topics", { data: { input } })).json()) as { ok: boolean; id: string; slug: string };
    const kept = await create({ name: `Nuclear energy ${u}` });
    const duplicate = await create({ name: `Nuclear power ${u}`, description: `Reactors and fuel ${u}.` });
    expect(kept.ok && duplicate.ok).toBe(true);
    const title = `Reactor fuel talks ${u}`;
    const event = await createEventViaApi(context.request, eventInput(title, { type: "MEETING", date: `2017-0${3 + i}-${String(10 + Math.floor(Math.random() * 18)).padStart(2, "0")}`, topicIds: [duplicate.id] }));
    expect((await workflowViaApi(context.request, "events", event.id, { action: "publish", baseVersion: event.version })).status).toBe(200);

    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`/dashboard/topics/${duplicate.id}`);
    const section = page.getByRole("region", { name: "Merge into another topic" });
    await pick(page, section.getByRole("combobox", { name: "Topic to keep" }), `Nuclear energy ${u}`, new RegExp(`Nuclear energy ${u}`));
    const confirm = section.getByRole("status").filter({ hasText: `Merge Nuclear power ${u} into Nuclear energy ${u}?` });
    await expect(confirm).toContainText(`1 event is filed under Nuclear power ${u}: they will be filed under Nuclear energy ${u} instead.`);
    await expect(confirm).toContainText(`What only Nuclear power ${u} records (a description) is added to Nuclear energy ${u}.`);
    await section.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`merge-topic-${viewport.name}.png`), fullPage: false });
    await confirm.getByRole("button", { name: `Merge into Nuclear energy ${u}` }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/topics/${kept.id}\\?done=merged$`));
    await expect(page.getByText("Merged: the duplicate was removed, everything that referred to it now refers to this topic, and its address leads here.")).toBeVisible();
    await expect(page.getByLabel("Description")).toHaveValue(`Reactors and fuel ${u}.`);
    expect(await query(`SELECT "topicId" FROM "EventTopic" WHERE "eventId" = $1`, [event.id])).toEqual([{ topicId: kept.id }]);

    // The old topic page, the events list filtered by it, its feed and the API follow to the kept topic.
    const reader = await browser.newContext();
    const publicPage = await reader.newPage();
    await publicPage.setViewportSize({ width: viewport.width, height: viewport.height });
    await publicPage.goto(`/topics/${duplicate.slug}`);
    await expect(publicPage).toHaveURL(new RegExp(`/topics/${kept.slug}$`));
    await expect(publicPage.getByRole("link", { name: title })).toBeVisible();
    await publicPage.goto(`/events?topic=${duplicate.slug}&type=MEETING`);
    await expect(publicPage).toHaveURL(new RegExp(`/events\\?topic=${kept.slug}&type=MEETING$`));
    await expect(publicPage.getByRole("link", { name: title })).toBeVisible();
    await expectAccessible(publicPage);
    for (const path of [`/feed.xml?topic=${duplicate.slug}`, `/api/v1/events?topic=${duplicate.slug}&type=MEETING`]) {
      const moved = await reader.request.get(path, { maxRedirects: 0 });
      expect(moved.status(), path).toBe(308);
      expect(moved.headers().location, path).toBe(path.replace(duplicate.slug, kept.slug));
    }
    const followed = (await (await reader.request.get(`/api/v1/events?topic=${duplicate.slug}`)).json()) as { data: Array<{ title: string }> };
    expect(followed.data.map((e) => e.title)).toContain(title);
    // A topic that never was is still a 400 naming the parameter.
    expect((await reader.request.get(`/api/v1/events?topic=never-${u}`, { maxRedirects: 0 })).status()).toBe(400);
    await Promise.all([context.close(), reader.close()]);
  });
}

/**
 * An agreement brought in twice ("NPT" beside "Treaty on the Non-Proliferation of Nuclear
 * Weapons") is merged the same way. Where the two date a party's step differently the merge is
 * refused, naming the step; once corrected, the events that concerned the duplicate concern the
 * kept agreement, its parties' steps are the kept one's (a step both record once), and its page,
 * API item and the lists filtered by it lead to the kept agreement's.
 */
for (const [i, viewport] of VIEWPORTS.entries()) {
  test(`an editor merges a duplicate agreement, told first where the two disagree — ${viewport.name}`, async ({ browser }) => {
    const u = unique();
    const { context } = await staffContext(browser, "EDITOR");
    const save = async (input: Record<string, unknown>, id?: string, baseVersion?: number) => {
      const response = id ? await context.request.put(`/api/desk/agreements/${id}`, { data: { baseVersion, input } }) : await context.request.post("/api/desk/agreements", { data: { input } });
      return (await response.json()) as { ok: boolean; id: string; slug: string; version: number };
    };
    const keptName = `Treaty on the Non-Proliferation of Nuclear Weapons ${u}`;
    const source = { url: `https://treaties.un.org/${u}`, title: `UN Treaty Collection ${u}` };
    // One Wikidata id on both: the agreements list names them as one recorded twice.
    const wikidataId = `Q${parseInt(u, 16)}`;
    const keptInput = { name: keptName, kind: "TREATY", wikidataId, actions: [{ countryId: "KZ", type: "RATIFICATION", date: "1994-02-14", sources: [source] }] };
    // The kept one was entered with a wrong month: the two disagree about Kazakhstan's ratification.
    const kept = await save({ ...keptInput, actions: [{ ...keptInput.actions[0], date: "1994-03-14" }] });
    const duplicate = await save({
      name: `NPT ${u}`,
      kind: "TREATY",
      wikidataId,
      summary: `Nuclear non-proliferation, brought in by an import ${u}.`,
      actions: [
        { countryId: "KZ", type: "RATIFICATION", date: "1994-02", sources: [source] },
        { countryId: "US", type: "SIGNATURE", date: "1968-07-01", sources: [source] },
      ],
    });
    expect(kept.ok && duplicate.ok).toBe(true);
    const title = `NPT review talks ${u}`;
    const event = await createEventViaApi(context.request, eventInput(title, { type: "NEGOTIATION", date: `2016-0${4 + i}-${String(10 + Math.floor(Math.random() * 18)).padStart(2, "0")}`, agreementId: duplicate.id }));
    expect((await workflowViaApi(context.request, "events", event.id, { action: "publish", baseVersion: event.version })).status).toBe(200);

    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/dashboard/agreements");
    const twice = page.getByRole("status").filter({ hasText: "Recorded twice?" }).getByRole("listitem").filter({ hasText: `NPT ${u}` });
    await expect(twice).toContainText(`${keptName} · NPT ${u} (the same Wikidata id ${wikidataId})`);
    await twice.getByRole("link", { name: `NPT ${u}` }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/agreements/${duplicate.id}$`));
    const section = page.getByRole("region", { name: "Merge into another agreement" });
    await pick(page, section.getByRole("combobox", { name: "Agreement to keep" }), keptName, new RegExp(keptName));
    const confirm = section.getByRole("status").filter({ hasText: `Merge NPT ${u} into ${keptName}?` });
    await expect(confirm).toContainText(`1 event concerns NPT ${u}: they will refer to ${keptName} instead.`);
    await expect(confirm).toContainText(`Its 2 treaty actions of 2 parties join ${keptName}'s: a step both record is kept once.`);
    await expect(confirm).toContainText(`Its address will lead to ${keptName}'s page.`);
    const button = confirm.getByRole("button", { name: `Merge into ${keptName}` });
    await button.click();
    const refused = section.getByRole("alert").filter({ hasText: "Not merged" });
    await expect(refused.getByRole("listitem")).toHaveText([`Kazakhstan, ratification: 14 March 1994 on “${keptName}”; February 1994 on “NPT ${u}”.`]);
    await expect(refused).toContainText(`“${keptName}” and “NPT ${u}” date a party's step differently: correct the one that is wrong`);
    await section.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`merge-agreement-refused-${viewport.name}.png`), fullPage: false });
    expect(await query(`SELECT "agreementId" FROM "Event" WHERE id = $1`, [event.id])).toEqual([{ agreementId: duplicate.id }]);

    // The editor corrects the kept agreement (in another tab), then merges.
    expect((await save(keptInput, kept.id, kept.version)).ok).toBe(true);
    await button.click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/agreements/${kept.id}\\?done=merged$`));
    await expect(page.getByText("Merged: the duplicate was removed, everything that referred to it now refers to this agreement, and its address leads here.")).toBeVisible();
    await expect(page.getByLabel("Summary")).toHaveValue(`Nuclear non-proliferation, brought in by an import ${u}.`);
    const parties = page.getByRole("region", { name: "Parties and their status" });
    await expect(parties.getByRole("listitem")).toHaveText(["United States: Signed", "Kazakhstan: Ratified"]);
    await expectAccessible(page);
    expect(await query(`SELECT "countryId", "date"::text FROM "TreatyAction" WHERE "agreementId" = $1 ORDER BY "countryId"`, [kept.id])).toEqual([
      { countryId: "KZ", date: "1994-02-14" },
      { countryId: "US", date: "1968-07-01" },
    ]);
    expect(await query(`SELECT id FROM "Agreement" WHERE id = $1`, [duplicate.id])).toEqual([]);
    await page.goto("/dashboard/agreements");
    await expect(page.getByRole("heading", { level: 1, name: "Agreements" })).toBeVisible();
    await expect(page.getByText(`NPT ${u}`)).toHaveCount(0);

    // The old address, the API item (by slug and id) and the lists, feeds and API filtered by it lead to the kept agreement.
    const reader = await browser.newContext();
    for (const [path, location] of <Array<[string, string]>>[
      [`/agreements/${duplicate.slug}`, `/agreements/${kept.slug}`],
      [`/api/v1/agreements/${duplicate.slug}`, `/api/v1/agreements/${kept.slug}`],
      [`/api/v1/agreements/${duplicate.id}`, `/api/v1/agreements/${kept.slug}`],
      [`/feed.xml?agreement=${duplicate.slug}`, `/feed.xml?agreement=${kept.slug}`],
      [`/api/v1/events?agreement=${duplicate.slug}&type=NEGOTIATION`, `/api/v1/events?agreement=${kept.slug}&type=NEGOTIATION`],
    ]) {
      const moved = await reader.request.get(path, { maxRedirects: 0 });
      expect(moved.status(), path).toBe(308);
      expect(moved.headers().location, path).toBe(location);
    }
    const publicPage = await reader.newPage();
    await publicPage.setViewportSize({ width: viewport.width, height: viewport.height });
    await publicPage.goto(`/agreements/${duplicate.slug}`);
    await expect(publicPage).toHaveURL(new RegExp(`/agreements/${kept.slug}$`));
    await expect(publicPage.getByRole("heading", { level: 1, name: keptName })).toBeVisible();
    await expect(publicPage.getByRole("link", { name: title })).toBeVisible();
    await expectAccessible(publicPage);
    await publicPage.goto(`/events?agreement=${duplicate.slug}`);
    await expect(publicPage).toHaveURL(new RegExp(`/events\\?agreement=${kept.slug}$`));
    await expect(publicPage.getByRole("link", { name: title })).toBeVisible();
    // The event now shows the kept agreement.
    await publicPage.goto(`/events/${event.slug}`);
    await expect(publicPage.getByRole("link", { name: keptName })).toHaveAttribute("href", `/agreements/${kept.slug}`);
    await expect(publicPage.getByText(`NPT ${u}`, { exact: true })).toHaveCount(0);
    await Promise.all([context.close(), reader.close()]);
  });
}

for (const viewport of VIEWPORTS) {
  test(`the people list names the people surely recorded twice, until they are merged — ${viewport.name}`, async ({ browser }) => {
    const u = unique();
    const { context } = await staffContext(browser, "EDITOR");
    const create = async (name: string) => (await (await context.request.post("/api/desk/people", { data: { input: { name } } })).json()) as { id: string; version: number };
    const first = await create(`Kemal Yıldırımoğlu ${u}`);
    const second = await create(`Kemal Yildirimoglu ${u}`);
    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/dashboard/people");
    const notice = page.getByRole("status").filter({ hasText: "Recorded twice?" });
    const group = notice.getByRole("listitem").filter({ hasText: `Kemal Yildirimoglu ${u}` });
    await expect(group).toContainText(`Kemal Yıldırımoğlu ${u} · Kemal Yildirimoglu ${u} (the same name)`);
    await expect(group.getByRole("link", { name: `Kemal Yildirimoglu ${u}` })).toHaveAttribute("href", `/dashboard/people/${second.id}`);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`recorded-twice-${viewport.name}.png`), fullPage: false });
    // A filtered list is about something else: it does not say so.
    await page.goto(`/dashboard/people?q=${encodeURIComponent(`Yildirimoglu ${u}`)}`);
    await expect(page.getByRole("status").filter({ hasText: "Recorded twice?" })).toHaveCount(0);
    // Merged, they are one.
    expect((await context.request.post(`/api/desk/people/${second.id}/merge`, { data: { baseVersion: second.version, into: first.id } })).status()).toBe(200);
    await page.goto("/dashboard/people");
    await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
    await expect(page.getByText(`Kemal Yildirimoglu ${u}`)).toHaveCount(0);
    await context.close();
  });
}

for (const viewport of VIEWPORTS) {
  test(`two people of one name are told apart by their addresses, and a merge refused as stale goes through once the page shows the change — ${viewport.name}`, async ({ browser }) => {
    const u = unique();
    const name = `Hakan Fidanoglu ${u}`;
    const { context } = await staffContext(browser, "EDITOR");
    const create = async (input: Record<string, unknown>) => (await (await context.request.post("/api/desk/people", { data: { input } })).json()) as { ok: boolean; id: string; slug: string; version: number };
    const kept = await create({ name, countryId: "TR" });
    const duplicate = await create({ name });
    expect(kept.ok && duplicate.ok).toBe(true);
    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`/dashboard/people/${duplicate.id}`);
    const section = page.getByRole("region", { name: "Merge into another person" });
    await section.getByRole("status").filter({ hasText: "Also recorded under a name like this:" }).getByRole("button", { name: new RegExp(`^Choose ${name}`) }).click();
    // "Merge Hakan Fidanoglu into Hakan Fidanoglu?" would not say which one is kept: the two are
    // told apart by their addresses, each named once, and the sentences say "the one removed"
    // and "the one kept" (they repeated the name and address four times, a phone's screen of text).
    const confirm = section.getByRole("status").filter({ hasText: `Merge two records of ${name}?` });
    await expect(confirm.getByRole("term")).toHaveText(["Removed", "Kept"]);
    await expect(confirm.getByRole("definition")).toHaveText([`/people/${duplicate.slug} (this page)`, `/people/${kept.slug} (Türkiye)`]);
    await expect(confirm).toContainText("Nothing in the record names the one removed.");
    await expect(confirm).toContainText("What only the one removed records (a Wikidata id, a description, offices) is added to the one kept.");
    await expect(confirm).toContainText("Its address will lead to the one kept.");
    await expect(confirm).toContainText("This cannot be undone.");
    const said = await confirm.innerText();
    expect(said.match(new RegExp(`/people/${duplicate.slug}(?![\\w-])`, "g")), "the duplicate's address, named once").toHaveLength(1);
    expect(said.split(name).length - 1, "the shared name, said once (in the question)").toBe(1);
    await section.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`merge-same-name-${viewport.name}.png`), fullPage: false });

    // Another editor saves the duplicate meanwhile: the merge is refused, and the page shows what they saved.
    const saved = await context.request.put(`/api/desk/people/${duplicate.id}`, { data: { baseVersion: duplicate.version, input: { name, description: `Saved meanwhile ${u}.` } } });
    expect(saved.status()).toBe(200);
    const button = confirm.getByRole("button", { name: `Merge into /people/${kept.slug}` });
    await button.click();
    await expect(section.getByText("Someone saved a change since this page was opened. The page now shows it: read it, then merge again.")).toBeVisible();
    await expect(page.getByLabel("Description")).toHaveValue(`Saved meanwhile ${u}.`);
    await expectAccessible(page);
    // Pressed again, the version now shown is merged.
    await button.click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/people/${kept.id}\\?done=merged$`));
    await expect(page.getByLabel("Description")).toHaveValue(`Saved meanwhile ${u}.`);
    expect(await query(`SELECT id FROM "Person" WHERE id = $1`, [duplicate.id])).toEqual([]);
    await context.close();
  });
}

test("merging is for editors, is refused for anything but a person, an organization, a topic or an agreement, and refuses what is not a merge", async ({ browser }) => {
  const u = unique();
  const editor = await staffContext(browser, "EDITOR");
  const contributor = await staffContext(browser, "CONTRIBUTOR");
  const anonymous = await browser.newContext();
  const create = async (name: string) => (await (await editor.context.request.post("/api/desk/organizations", { data: { input: { name, kind: "OTHER" } } })).json()) as { id: string };
  const [a, b] = [await create(`Council ${u}`), await create(`The Council ${u}`)];
  const url = `/api/desk/organizations/${a.id}/merge`;
  expect((await anonymous.request.post(url, { data: { baseVersion: 1, into: b.id } })).status()).toBe(401);
  expect((await contributor.context.request.post(url, { data: { baseVersion: 1, into: b.id } })).status()).toBe(403);
  // The contributor is not told of organizations recorded twice (the editor is), and their page offers no merge.
  await create(`COUNCIL ${u}`);
  const editorList = await editor.context.newPage();
  await editorList.goto("/dashboard/organizations");
  await expect(editorList.getByRole("status").filter({ hasText: "Recorded twice?" })).toContainText(`Council ${u} · COUNCIL ${u} (the same name)`);
  const page = await contributor.context.newPage();
  await page.goto("/dashboard/organizations");
  await expect(page.getByRole("heading", { level: 1, name: "Organizations" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Recorded twice?" })).toHaveCount(0);
  await page.goto(`/dashboard/organizations/${a.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Council ${u}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Merge into another organization" })).toHaveCount(0);
  for (const [data, status, message] of [
    [{ baseVersion: 1 }, 400, "The request is not one the desk sends."],
    [{ baseVersion: 1, into: a.id }, 400, "Choose another organization: an organization cannot be merged into itself."],
    [{ baseVersion: 1, into: "nobody123" }, 400, "Choose the organization to keep from the list."],
    [{ baseVersion: 1, into: b.id, extra: true }, 400, "The request is not one the desk sends."],
    // Neither reaches PostgreSQL, which refuses a NUL in text and a number above its integer (a 500 before).
    [{ baseVersion: 1, into: "a\u0000b" }, 400, "Choose the organization to keep from the list."],
    [{ baseVersion: 2 ** 31, into: b.id }, 400, "The request is not one the desk sends."],
  ] as const) {
    const response = await editor.context.request.post(url, { data });
    expect(response.status(), JSON.stringify(data)).toBe(status);
    expect(((await response.json()) as { message: string }).message).toBe(message);
  }
  const event = await editor.context.request.post(`/api/desk/events/nothing/merge`, { data: { baseVersion: 1, into: "x" } });
  expect(event.status()).toBe(400);
  expect(((await event.json()) as { message: string }).message).toBe("Only people, organizations, topics and agreements can be merged; events cannot.");
  // An agreement is not merged into one of its parts: a 400 naming the one to keep, for the editor and for the contributor a 403.
  const agreement = async (input: Record<string, unknown>) => (await (await editor.context.request.post("/api/desk/agreements", { data: { input: { kind: "TREATY", ...input } } })).json()) as { id: string };
  const whole = await agreement({ name: `Whole accord ${u}` });
  const part = await agreement({ name: `Part of the accord ${u}`, parentId: whole.id });
  const intoPart = await editor.context.request.post(`/api/desk/agreements/${whole.id}/merge`, { data: { baseVersion: 1, into: part.id } });
  expect(intoPart.status()).toBe(400);
  expect(((await intoPart.json()) as { fieldErrors: { into: string[] } }).fieldErrors.into).toEqual([
    `Choose another agreement: “Part of the accord ${u}” is part of “Whole accord ${u}”; merged into it, “Part of the accord ${u}” would be part of itself.`,
  ]);
  expect((await contributor.context.request.post(`/api/desk/agreements/${part.id}/merge`, { data: { baseVersion: 1, into: whole.id } })).status()).toBe(403);
  expect(await query(`SELECT count(*)::int AS n FROM "Agreement" WHERE id = ANY($1)`, [[whole.id, part.id]])).toEqual([{ n: 2 }]);
  expect(await query(`SELECT count(*)::int AS n FROM "Organization" WHERE id = ANY($1)`, [[a.id, b.id]])).toEqual([{ n: 2 }]);
  await Promise.all([editor.context.close(), contributor.context.close(), anonymous.close()]);
});
