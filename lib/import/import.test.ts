import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestActor } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { readImportFile } from "./import-file";
import { detectMapping, mapRow } from "./mappings";
import { planImport } from "./plan-import";
import { eventTypeForCameo } from "./rows";
import { createProposed, importBatch, importFile } from "./run-import";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./limits";

const actor = (role: Role) => createTestActor(role, { prefix: "import" });

let editor: Actor;
let contributor: Actor;
beforeAll(async () => {
  [editor, contributor] = await Promise.all([actor("EDITOR"), actor("CONTRIBUTOR")]);
});

const HEADER = "external_id,title,summary,type,cameo_code,date,country,countries,people,organizations,source_url,source_title";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n") + "\n";
const tag = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function counts() {
  const [events, revisions, audits, people, organizations] = await Promise.all([db.event.count(), db.revision.count(), db.auditLog.count(), db.person.count(), db.organization.count()]);
  return { events, revisions, audits, people, organizations };
}

describe("reading a file", () => {
  it("reads quoted CSV cells, a BOM and embedded newlines, with each row's line", () => {
    const file = readImportFile({ fileName: "a.csv", text: '\uFEFFexternal_id,title\n1,"Meeting, then call"\n2,"Two\nlines"\n3,"He said ""yes"""\n' });
    expect(file.columns).toEqual(["external_id", "title"]);
    expect(file.rows.map((r) => r.cells.title)).toEqual(["Meeting, then call", "Two\nlines", 'He said "yes"']);
    expect(file.rows.map((r) => r.line)).toEqual([2, 4, 5]);
  });

  it("reads a JSON list, lists joined as the CSV writes them", () => {
    const file = readImportFile({ fileName: "a.json", text: JSON.stringify([{ external_id: 7, countries: ["KZ", "IL"], title: "x" }]) });
    expect(file.rows[0]!.cells).toEqual({ external_id: "7", countries: "KZ; IL", title: "x" });
  });

  it.each([
    ["empty", "a.csv", "", /empty/],
    ["ragged CSV", "a.csv", "a,b\n1,2,3\n", /line 2.*different number of cells/],
    ["unclosed quote", "a.csv", 'a,b\n1,"oops\n', /quoted cell is never closed/],
    ["header only", "a.csv", "a,b\n", /no rows/],
    ["duplicate column", "a.csv", "a,A\n1,2\n", /appears twice/],
    ["prototype key", "a.json", '[{"__proto__": {"x": 1}}]', /may not be named/],
    ["not a list", "a.json", '{"title": "x"}', /list of rows/],
    ["broken JSON", "a.json", "[{", /could not be read as JSON/],
    ["nested object", "a.json", '[{"title": {"a": 1}}]', /holds an object/],
    ["binary", "a.csv", "a\u0000b\n1\n", /binary/],
  ])("refuses %s with one sentence", (_name, fileName, text, message) => {
    expect(() => readImportFile({ fileName, text })).toThrow(message);
  });

  it("refuses a file over the size or row limit", () => {
    expect(() => readImportFile({ fileName: "a.csv", text: "a\n" + "x".repeat(MAX_IMPORT_BYTES) })).toThrow(/the limit is 4\.0 MB/);
    expect(() => readImportFile({ fileName: "a.csv", text: "a\n" + "1\n".repeat(MAX_IMPORT_ROWS + 1) })).toThrow(/10,001 rows; the limit is 10,000/);
  });
});

describe("mappings", () => {
  it("reads a GDELT row as an event with its CAMEO code, countries and source", () => {
    const cells = { GLOBALEVENTID: "1187", SQLDATE: "20251106", Actor1Name: "KAZAKHSTAN", Actor2Name: "ISRAEL", Actor1CountryCode: "KAZ", Actor2CountryCode: "ISR", EventCode: "036", ActionGeo_FullName: "Astana, Kazakhstan", SOURCEURL: "https://www.reuters.com/x" };
    expect(detectMapping(Object.keys(cells))).toBe("gdelt");
    const row = mapRow("gdelt", { line: 2, cells }, ["title", "type"]);
    expect(row).toMatchObject({ external_id: "1187", external_source: "gdelt", date: "2025-11-06", cameo_code: "036", countries: "KAZ; ISR", source_url: "https://www.reuters.com/x" });
    expect(row.title).toBe("Kazakhstan: express intent to meet or negotiate — Israel");
  });

  it("reads an ACLED row, its date and a diplomatic sub-event type", () => {
    const cells = { event_id_cnty: "KAZ123", event_date: "06 November 2025", event_type: "Strategic developments", sub_event_type: "Agreement", actor1: "Government of Kazakhstan", actor2: "", country: "Kazakhstan", location: "Astana", admin1: "Astana", notes: "Kazakhstan joined.", source: "Kazinform" };
    expect(detectMapping(Object.keys(cells))).toBe("acled");
    expect(mapRow("acled", { line: 2, cells }, [])).toMatchObject({ external_source: "acled", date: "2025-11-06", type: "AGREEMENT_SIGNED", country: "Kazakhstan", summary: "Kazakhstan joined." });
  });

  it("picks the narrowest event type a CAMEO code fits", () => {
    expect(eventTypeForCameo("041")).toBe("PHONE_CALL");
    expect(eventTypeForCameo("0431")).toBe("VISIT");
    expect(eventTypeForCameo("057")).toBe("AGREEMENT_SIGNED");
    expect(eventTypeForCameo("190")).toBeNull();
  });
});

describe("dry run, confirm and re-import", () => {
  it("reports every problem by row and column, proposes new people, and writes nothing", async () => {
    const t = tag();
    const text = csv(
      `${t}-1,Call between Kazakhstan and Israel,They spoke.,,041,2025-11-06,KZ,KAZ; Israel,,,https://example.org/a,Article A`,
      `${t}-2,,No title here.,MEETING,,2025-13-40,Atlantis,,,,ftp://x,Source`,
      `${t}-3,Visit by a new person,Visited.,VISIT,041,2025-11-07,KZ,,New Person ${t} (Q9921),,,`,
      `${t}-1,Duplicate,Again.,MEETING,,2025-11-06,,,,,,`,
    );
    const before = await counts();
    const plan = await planImport({ kind: "events", fileName: "events.csv", text });
    expect(await counts()).toEqual(before);
    expect(plan.rows.map((r) => r.status)).toEqual(["ready", "invalid", "invalid", "invalid"]);
    const bad = plan.rows[1]!.problems;
    expect(bad).toEqual(
      expect.arrayContaining([
        { column: "title", message: "Enter a title." },
        { column: "country", message: expect.stringMatching(/No country is called or coded “Atlantis”/) },
        { column: "date", message: expect.any(String) },
        { column: "source_url", message: "Only http and https addresses are accepted." },
      ]),
    );
    expect(plan.rows[2]!.problems).toEqual([{ column: "cameo_code", message: "CAMEO 041 does not fit the type visit." }]);
    expect(plan.rows[3]!.problems).toEqual([{ column: "external_id", message: "The same id as row 2: only that row is imported." }]);
    expect(plan.counts).toEqual({ ready: 1, "needs-new": 0, invalid: 3, unchanged: 0 });
  });

  it("imports drafts with a revision and an audit row each, creates only confirmed people, and a second import changes nothing", async () => {
    const t = tag();
    const text = csv(
      `${t}-1,Call ${t},They spoke.,,041,2025-11-06,KZ,KAZ; Israel,,,https://example.org/a,Article A`,
      `${t}-2,Meeting ${t},They met.,MEETING,,2025-11,,,Aripov ${t},,https://example.org/b,Article B`,
      `${t}-3,Summit ${t},At a new body.,SUMMIT,,2025,,,,Council ${t},,`,
      `${t}-4,Bad ${t},Bad date.,MEETING,,2025-02-30,,,,,,`,
    );
    const plan = await planImport({ kind: "events", fileName: "events.csv", text });
    expect(plan.rows.map((r) => r.status)).toEqual(["ready", "needs-new", "needs-new", "invalid"]);
    expect(plan.proposals.map((p) => [p.kind, p.name, p.lines])).toEqual([
      ["person", `Aripov ${t}`, [3]],
      ["organization", `Council ${t}`, [4]],
    ]);
    const before = await counts();
    // Only the person is confirmed: the row that needs the organization is left out, and the report says so.
    const personKey = plan.proposals.find((p) => p.kind === "person")!.key;
    const results = await importFile({ actor: editor, request: { kind: "events", fileName: "events.csv", text }, createKeys: [personKey], publish: false });
    expect(results.map((r) => r.outcome)).toEqual(["created", "created", "skipped", "skipped"]);
    expect(results[2]!.problems[0]!.message).toMatch(/not confirmed/);
    const after = await counts();
    expect(after.events - before.events).toBe(2);
    expect(after.people - before.people).toBe(1);
    expect(after.organizations).toBe(before.organizations);
    const call = await db.event.findUniqueOrThrow({ where: { id: results[0]!.id! }, include: { participants: true, sources: true } });
    expect(call).toMatchObject({ status: "DRAFT", type: "PHONE_CALL", cameoCode: "041", externalSource: "file", externalId: `${t}-1`, countryId: "KZ" });
    expect(call.participants.map((p) => p.countryId).sort()).toEqual(["IL", "KZ"]);
    const meeting = await db.event.findUniqueOrThrow({ where: { id: results[1]!.id! }, include: { participants: { include: { person: true } } } });
    expect(meeting).toMatchObject({ datePrecision: "MONTH" });
    expect(meeting.participants[0]!.person!.name).toBe(`Aripov ${t}`);
    for (const r of results.slice(0, 2)) {
      expect(await db.revision.count({ where: { entityId: r.id! } })).toBe(1);
      expect(await db.auditLog.findFirst({ where: { action: "event.create", targetId: r.id! } })).toMatchObject({ actorId: editor.id });
    }

    const again = await counts();
    const second = await importFile({ actor: editor, request: { kind: "events", fileName: "events.csv", text }, createKeys: [], publish: false });
    expect(second.map((r) => r.outcome)).toEqual(["unchanged", "unchanged", "skipped", "skipped"]);
    expect(await counts()).toEqual(again);
    const replan = await planImport({ kind: "events", fileName: "events.csv", text });
    expect(replan.counts).toMatchObject({ unchanged: 2, ready: 0 });
  });

  it("matches names in the file however their accents are written, and proposes no one twice", async () => {
    const t = tag();
    const person = await db.person.create({ data: { name: `Recep Tayyip Erdoğan ${t}`, slug: `erdogan-${t}` } });
    const text = csv(`${t}-1,Call ${t},They spoke.,PHONE_CALL,,2025-11-06,Turkiye,Curacao; Côte d’Ivoire; TÜRKIYE,recep  tayyip ERDOGAN ${t},,https://example.org/a,Article A`);
    const plan = await planImport({ kind: "events", fileName: "events.csv", text });
    expect(plan.rows[0]!.problems).toEqual([]);
    expect(plan.proposals).toEqual([]);
    expect(plan.counts).toMatchObject({ ready: 1, "needs-new": 0 });
    const before = await counts();
    const [result] = await importFile({ actor: editor, request: { kind: "events", fileName: "events.csv", text }, createKeys: [], publish: false });
    expect(result).toMatchObject({ outcome: "created" });
    expect((await counts()).people).toBe(before.people);
    const event = await db.event.findUniqueOrThrow({ where: { id: result!.id! }, include: { participants: true } });
    expect(event.countryId).toBe("TR");
    expect(event.participants.map((p) => p.personId).filter(Boolean)).toEqual([person.id]);
    expect(event.participants.map((p) => p.countryId).filter(Boolean).sort()).toEqual(["CI", "CW", "TR"]);
  });

  it("matches countries by the other names the search knows them by", async () => {
    const t = tag();
    const text = csv(`${t}-1,Talks ${t},They met.,MEETING,,2025-11-07,Burma,Britain; Holland; DRC; east timor,,,https://example.org/b,Article B`);
    const plan = await planImport({ kind: "events", fileName: "events.csv", text });
    expect(plan.rows[0]!.problems).toEqual([]);
    const [result] = await importFile({ actor: editor, request: { kind: "events", fileName: "events.csv", text }, createKeys: [], publish: false });
    const event = await db.event.findUniqueOrThrow({ where: { id: result!.id! }, include: { participants: true } });
    expect(event.countryId).toBe("MM");
    expect(event.participants.map((p) => p.countryId).filter(Boolean).sort()).toEqual(["CD", "GB", "NL", "TL"]);
    // A name of two countries is neither: the editor is asked for the code.
    const congo = await planImport({ kind: "events", fileName: "events.csv", text: csv(`${t}-2,Talks ${t},They met.,MEETING,,2025-11-07,Congo,,,,https://example.org/b,Article B`) });
    expect(congo.rows[0]!.problems).toEqual([{ column: "country", message: expect.stringMatching(/“Congo” is the name of 2 countries: give the code of the one meant \(CD or CG\)/) }]);
  });

  it("publishes when asked; a row without a source stays a draft and says why", async () => {
    const t = tag();
    const text = csv(`${t}-1,Sourced ${t},S.,MEETING,,2025-11-06,,,,,https://example.org/s,Src`, `${t}-2,Unsourced ${t},U.,MEETING,,2025-11-06,,,,,,`);
    const results = await importFile({ actor: editor, request: { kind: "events", fileName: "e.csv", text }, createKeys: [], publish: true });
    expect(results.map((r) => r.outcome)).toEqual(["published", "created"]);
    expect(results[1]!.problems[0]!.message).toMatch(/Kept as a draft, not published: .*source/i);
    expect(await db.event.findUniqueOrThrow({ where: { id: results[0]!.id! } })).toMatchObject({ status: "PUBLISHED", version: 2 });
    expect(await db.event.findUniqueOrThrow({ where: { id: results[1]!.id! } })).toMatchObject({ status: "DRAFT", version: 1 });
  });

  it("keeps the good rows of a batch when one fails as it is written", async () => {
    const t = tag();
    // A real failure inside PostgreSQL for one row only, after every check has passed.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION import_test_refuse() RETURNS trigger AS $$ BEGIN IF NEW.title LIKE 'Refused%' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER import_test_refuse BEFORE INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION import_test_refuse()`);
    try {
      const text = csv(`${t}-1,Good ${t},G.,MEETING,,2025-11-06,,,,,,`, `${t}-2,Refused ${t},R.,MEETING,,2025-11-06,,,,,,`, `${t}-3,Also good ${t},G.,MEETING,,2025-11-06,,,,,,`);
      const { results } = await importBatch({ actor: editor, request: { kind: "events", fileName: "e.csv", text }, from: 0, publish: false });
      expect(results.map((r) => r.outcome)).toEqual(["created", "failed", "created"]);
      expect(results[1]!.problems[0]!.message).toMatch(/could not be saved/);
      expect(await db.event.count({ where: { externalId: { startsWith: t } } })).toBe(2);
      expect(await db.revision.count({ where: { entityId: { in: [results[0]!.id!, results[2]!.id!] } } })).toBe(2);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER import_test_refuse ON "Event"`);
    }
  });

  it("names the event the record already holds on a row's day with its countries, and leaves out the rows the editor chose", async () => {
    const t = tag();
    const day = new Date("2033-04-05T00:00:00Z");
    const call = await db.event.create({
      data: { slug: `recorded-${t}`, title: `Recorded call ${t}`, summary: "s", type: "PHONE_CALL", date: day, datePrecision: "DAY", status: "PUBLISHED", participants: { create: [{ role: "PARTICIPANT", countryId: "KZ", position: 0 }, { role: "PARTICIPANT", countryId: "IL", position: 1 }] } },
    });
    const visit = await db.event.create({ data: { slug: `recorded-visit-${t}`, title: `Recorded visit ${t}`, summary: "s", type: "VISIT", date: day, datePrecision: "DAY", status: "DRAFT", countryId: "UZ" } });
    await db.person.create({ data: { name: `Envoy ${t}`, slug: `envoy-${t}`, countryId: "UZ" } });
    const text = csv(
      `${t}-1,Call ${t},They spoke.,PHONE_CALL,,2033-04-05,,KZ; Israel,,,https://example.org/a,A`,
      `${t}-2,Meeting ${t},They met.,MEETING,,2033-04-05,,,Envoy ${t},,https://example.org/b,B`,
      `${t}-3,Talks ${t},They talked.,MEETING,,2033-04-05,FR,,,,https://example.org/c,C`,
      `${t}-4,Month ${t},In April.,MEETING,,2033-04,KZ,,,,https://example.org/d,D`,
      `${t}-5,,No title.,MEETING,,2033-04-05,KZ,,,,https://example.org/e,E`,
    );
    const plan = await planImport({ kind: "events", fileName: "wire.csv", text });
    expect(plan.rows.map((r) => r.recorded?.id ?? null)).toEqual([call.id, visit.id, null, null, null]);
    expect(plan.rows[0]!.recorded).toEqual({ id: call.id, label: `Recorded call ${t}`, detail: "Phone call · Published · Israel, Kazakhstan" });
    // Only a warning: the rows stay ready.
    expect(plan.rows.map((r) => r.status)).toEqual(["ready", "ready", "ready", "ready", "invalid"]);

    const { results } = await importBatch({ actor: editor, request: { kind: "events", fileName: "wire.csv", text }, from: 0, publish: false, leaveOut: [2] });
    expect(results.map((r) => r.outcome)).toEqual(["skipped", "created", "created", "created", "skipped"]);
    expect(results[0]!.problems).toEqual([{ column: "row", message: "Left out: you chose not to import it." }]);
    expect(await db.event.count({ where: { externalId: { startsWith: t } } })).toBe(3);
    // Checked again, the left-out row is still named; the imported ones are imported before and no longer are.
    const again = await planImport({ kind: "events", fileName: "wire.csv", text });
    expect(again.rows.map((r) => [r.status, r.recorded?.id ?? null])).toEqual([["ready", call.id], ["unchanged", null], ["unchanged", null], ["unchanged", null], ["invalid", null]]);
  });

  it("imports statements, matching the speaker by Wikidata id", async () => {
    const t = tag();
    const person = await db.person.create({ data: { name: `Speaker ${t}`, slug: `speaker-${t}`, wikidataId: `Q7725` } });
    const text = ["external_id,title,text,speaker,medium,said_on,countries,source_url,source_title", `${t},Said ${t},“We will join.”,Q7725,press conference,2025-11-06,KZ,https://example.org/q,Q`].join("\n");
    const results = await importFile({ actor: editor, request: { kind: "statements", fileName: "s.csv", text }, createKeys: [], publish: false });
    expect(results[0]).toMatchObject({ outcome: "created" });
    expect(await db.statement.findUniqueOrThrow({ where: { id: results[0]!.id! } })).toMatchObject({ speakerId: person.id, medium: "PRESS_CONFERENCE", status: "DRAFT" });
  });

  it("names the statement its speaker already has on a row's day", async () => {
    const t = tag();
    const speaker = await db.person.create({ data: { name: `Spokesman ${t}`, slug: `spokesman-${t}` } });
    const quote = await db.statement.create({
      data: { slug: `quote-${t}`, title: `Quoted ${t}`, text: "We welcome it.", medium: "READOUT", speakerId: speaker.id, saidOn: new Date("2033-05-06T00:00:00Z"), saidPrecision: "DAY", status: "IN_REVIEW" },
    });
    const text = [
      "external_id,title,text,speaker,medium,said_on,source_url,source_title",
      `${t}-1,Said ${t},“We welcome it.”,Spokesman ${t},readout,2033-05-06,https://example.org/q,Q`,
      `${t}-2,Said later ${t},“Again.”,Spokesman ${t},readout,2033-05-07,https://example.org/q,Q`,
      `${t}-3,Said by another ${t},“Else.”,Someone New ${t},readout,2033-05-06,https://example.org/q,Q`,
    ].join("\n");
    const plan = await planImport({ kind: "statements", fileName: "s.csv", text });
    expect(plan.rows.map((r) => [r.status, r.recorded ?? null])).toEqual([
      ["ready", { id: quote.id, label: `Quoted ${t}`, detail: "Readout · In review" }],
      ["ready", null],
      ["needs-new", null],
    ]);
  });

  it("refuses a contributor and changes nothing", async () => {
    const text = csv(`${tag()},T,S.,MEETING,,2025-11-06,,,,,,`);
    const before = await counts();
    await expect(importBatch({ actor: contributor, request: { kind: "events", fileName: "e.csv", text }, from: 0, publish: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createProposed({ actor: contributor, request: { kind: "events", fileName: "e.csv", text }, keys: ["person:x"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
  });
});

describe("the example files", () => {
  it.each([
    ["events", "docs/examples/events.csv"],
    ["events", "docs/examples/gdelt-events.csv"],
    ["statements", "docs/examples/statements.csv"],
  ] as const)("%s in %s check clean", async (kind, file) => {
    const { readFile } = await import("node:fs/promises");
    const plan = await planImport({ kind, fileName: file, text: await readFile(file, "utf8") });
    expect(plan.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(plan.counts.ready).toBe(plan.rows.length);
  });
});
