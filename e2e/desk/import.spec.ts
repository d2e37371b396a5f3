import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createEventViaApi, eventInput, query, staffContext, unique } from "./helpers/staff";
import { VIEWPORTS } from "../support/viewports";
import { expectBoxesOnFirstLine, expectFirstColumnNamed } from "../support/layout";

const HEADER = "external_id,title,summary,type,cameo_code,date,countries,people,source_url,source_title";

function importFile(tag: string) {
  return [
    HEADER,
    `${tag}-1,Call between Kazakhstan and Israel ${tag},The two leaders spoke.,,041,2025-11-06,KZ; Israel,,https://example.org/${tag}/1,Article one`,
    `${tag}-2,Visit by an envoy ${tag},The envoy visited Astana.,visit,,2025-11,KAZ,Envoy ${tag},https://example.org/${tag}/2,Article two`,
    `${tag}-3,,A row with problems.,meeting,,2025-02-30,Atlantis,,,`,
    // Names written without their accents: the country and the person recorded, not new ones.
    `${tag}-4,Call with Ankara ${tag},The leaders spoke.,phone call,,2025-11-07,Turkiye,Recep Tayyip Erdogan ${tag},https://example.org/${tag}/4,Article four`,
  ].join("\n");
}

async function imported(tag: string) {
  return query<{ title: string; status: string; externalId: string; version: number }>(`SELECT title, status, "externalId", version FROM "Event" WHERE "externalId" LIKE $1 ORDER BY "externalId"`, [`${tag}-%`]);
}

for (const viewport of VIEWPORTS) {
  test(`an editor imports a CSV of events after reading its report, and importing it again changes nothing (${viewport.name})`, async ({ browser }) => {
    const tag = `imp${unique()}`;
    const { context, staff } = await staffContext(browser, "EDITOR");
    await query(`INSERT INTO "Person" (id, slug, name, "updatedAt") VALUES ($1, $1, $2, now())`, [`erdogan-${tag}`, `Recep Tayyip Erdoğan ${tag}`]);
    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/dashboard");
    if (viewport.name === "desktop") await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Import" }).click();
    else await page.goto("/dashboard/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import events or statements" })).toBeVisible();
    await expectAccessible(page);

    const file = { name: `${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(importFile(tag)) };
    await page.getByLabel("File", { exact: true }).setInputFiles(file);
    await page.getByRole("button", { name: "Check the file" }).click();

    // The report: nothing written yet, the bad row's problems by column, the new person proposed.
    await expect(page.getByRole("heading", { name: `Report for ${tag}.csv` })).toBeVisible();
    await expect(page.getByText("Nothing has been written yet.")).toBeVisible();
    const problems = page.getByRole("table", { name: "Problems by row and column" });
    await expect(problems.getByRole("row").filter({ hasText: "Enter a title." })).toContainText("title");
    await expect(problems.getByRole("row").filter({ hasText: "Atlantis" })).toContainText("countries");
    await expect(problems).toContainText("date");
    // On a phone a problem's stacked row says "Row: 4", not a lone "4".
    await expectFirstColumnNamed(problems, "Row", viewport.width < 500);
    await expect(page.getByRole("checkbox", { name: new RegExp(`Create person Envoy ${tag}`) })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /Create person Recep/ })).toHaveCount(0);
    // A box on its label's first line, as every checkbox of the desk (the labels wrap on a phone).
    await expectBoxesOnFirstLine(page.getByRole("checkbox", { name: /^(Create person|Publish the imported)/ }));
    expect(await imported(tag)).toEqual([]);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`import-report-${viewport.name}.png`), fullPage: true });

    await page.getByRole("button", { name: "Import 3 rows as drafts" }).click();
    await expect(page.getByRole("heading", { name: `Import of ${tag}.csv finished` })).toBeVisible();
    await expect(page.getByText("3 drafts created, 1 not imported.")).toBeVisible();
    const outcome = page.getByRole("table", { name: "What happened to every row" });
    await expect(outcome.getByRole("link", { name: `Call between Kazakhstan and Israel ${tag}` })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`import-done-${viewport.name}.png`), fullPage: true });

    // The drafts exist, each with a revision and an audit row; the person was created because it was confirmed.
    const rows = await imported(tag);
    expect(rows.map((r) => [r.externalId, r.status, r.version])).toEqual([
      [`${tag}-1`, "DRAFT", 1],
      [`${tag}-2`, "DRAFT", 1],
      [`${tag}-4`, "DRAFT", 1],
    ]);
    const [audit] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'event.create' AND "actorId" = $1`, [staff.id]);
    expect(audit!.n).toBe(3);
    const ankara = await query<{ who: string }>(
      `SELECT coalesce(p."personId", p."countryId") AS who FROM "Event" e JOIN "EventParticipant" p ON p."eventId" = e.id WHERE e."externalId" = $1 ORDER BY 1`,
      [`${tag}-4`],
    );
    expect(ankara.map((r) => r.who.trim())).toEqual(["TR", `erdogan-${tag}`].sort());
    expect(await query(`SELECT id FROM "Person" WHERE name = $1`, [`Envoy ${tag}`])).toHaveLength(1);
    // Drafts never reach a public URL.
    expect((await page.request.get(`/events/call-between-kazakhstan-and-israel-${tag}`)).status()).toBe(404);

    // The same file again: every good row was imported before, so there is nothing to import.
    await page.getByRole("button", { name: "Import another file" }).click();
    await page.getByLabel("File", { exact: true }).setInputFiles(file);
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("table", { name: "Every row and what importing it will do" }).getByText("Imported before")).toHaveCount(3);
    await expect(page.getByRole("button", { name: "Nothing to import" })).toBeDisabled();
    expect(await imported(tag)).toEqual(rows);
    await context.close();
  });
}

for (const viewport of VIEWPORTS) {
  test(`a row on a day the record already holds with its countries is named with that event, and the editor leaves it out (${viewport.name})`, async ({ browser }) => {
    const tag = `rec${unique()}`;
    // Days of their own for each run (each viewport, each retry), so that no run sees another's events.
    const randomDay = () => new Date(Date.UTC(1950, 0, 1) + Math.floor(Math.random() * 20_000) * 86_400_000).toISOString().slice(0, 10);
    const day = randomDay();
    let otherDay = randomDay();
    while (otherDay === day) otherDay = randomDay();
    const { context } = await staffContext(browser, "EDITOR");
    const mongolia = [{ role: "PARTICIPANT", countryId: "MN" }, { role: "PARTICIPANT", countryId: "BT" }];
    const recorded = await createEventViaApi(context.request, eventInput(`Talks in Ulaanbaatar ${tag}`, { type: "MEETING", date: day, participants: mongolia }));
    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/dashboard/import");
    const text = [
      HEADER,
      `${tag}-1,Meeting in Ulaanbaatar ${tag},From another wire.,meeting,,${day},Mongolia; Bhutan,,https://example.org/${tag}/1,Wire one`,
      `${tag}-2,Call with Thimphu ${tag},They spoke.,phone call,,${otherDay},BT,,https://example.org/${tag}/2,Wire two`,
    ].join("\n");
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: `${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(text) });
    await page.getByRole("button", { name: "Check the file" }).click();

    await expect(page.getByRole("heading", { name: "Recorded already? (1)" })).toBeVisible();
    const table = page.getByRole("table", { name: "Rows that may be recorded already" });
    await expect(table.getByRole("row")).toHaveCount(2);
    // The recorded event opens in a tab of its own, and the report stays where it is.
    const link = table.getByRole("link", { name: `Talks in Ulaanbaatar ${tag} (opens in a new tab)` });
    await expect(link).toHaveAttribute("href", `/dashboard/events/${recorded.id}`);
    const [opened] = await Promise.all([context.waitForEvent("page"), link.click()]);
    await expect(opened.getByRole("heading", { level: 1, name: `Talks in Ulaanbaatar ${tag}` })).toBeVisible();
    await opened.close();
    await expect(page.getByRole("heading", { name: "Recorded already? (1)" })).toBeVisible();
    await expect(table).toContainText("Meeting · Draft · Bhutan, Mongolia");
    await expect(table).toContainText(`Meeting in Ulaanbaatar ${tag}`);
    await expectFirstColumnNamed(table, "Row", viewport.width < 500);
    await expect(page.getByRole("button", { name: "Import 2 rows as drafts" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`import-recorded-${viewport.name}.png`), fullPage: true });

    await table.getByRole("checkbox", { name: "Leave out row 2" }).check();
    await page.getByRole("button", { name: "Import 1 row as drafts" }).click();
    await expect(page.getByText("1 draft created, 1 not imported.")).toBeVisible();
    await expect(page.getByRole("table", { name: "What happened to every row" }).getByRole("row").filter({ hasText: `Meeting in Ulaanbaatar ${tag}` })).toContainText("Left out: you chose not to import it.");
    await expectAccessible(page);
    expect((await imported(tag)).map((r) => r.externalId)).toEqual([`${tag}-2`]);
    // Rows to leave out are the file's row numbers; anything else is refused, naming the field, and writes nothing.
    for (const leaveOut of [["two"], [0], "2", [1.5]]) {
      const refused = await context.request.post("/api/desk/import", { data: { action: "import", kind: "events", fileName: `${tag}.csv`, text, from: 0, publish: false, leaveOut } });
      expect(refused.status()).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toBe("leaveOut lists the numbers of the file's rows not to import.");
    }
    expect(await imported(tag)).toHaveLength(1);
    await context.close();
  });
}

test("a broken or oversized file is refused with one sentence, and a contributor cannot import at all", async ({ browser, playwright, baseURL }) => {
  const { context } = await staffContext(browser, "EDITOR");
  const page = await context.newPage();
  await page.goto("/dashboard/import");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from('external_id,title\n1,"never closed\n') });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "a quoted cell is never closed" })).toBeVisible();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(5 * 1024 * 1024, "a") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "the limit is 4.0 MB" })).toBeVisible();
  await expectAccessible(page);
  await context.close();

  const { context: theirs } = await staffContext(browser, "CONTRIBUTOR");
  expect((await (await theirs.newPage()).goto("/dashboard/import"))!.status()).toBe(403);
  const refused = await theirs.request.post("/api/desk/import", { data: { action: "check", kind: "events", fileName: "a.csv", text: "external_id\n1\n" } });
  expect(refused.status()).toBe(403);
  await theirs.close();
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.post("/api/desk/import", { data: { action: "check", kind: "events", fileName: "a.csv", text: "x" } })).status()).toBe(401);
  await anonymous.dispose();
});
