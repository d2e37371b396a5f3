import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { eventWorkflow } from "@/lib/events/write-event";
import { uniqueSlug, uniqueSlugs } from "@/lib/records/slug";
import { createTestActor } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { importBatch, importFile, type BatchMode } from "./run-import";
import type { ImportKind } from "./columns";

/**
 * The set-wise batch (createManyIn, a few multi-row INSERTs) against the row-by-row
 * path (createIn per row under savepoints): the same file must leave the same
 * record behind, whichever wrote it.
 */
let editor: Actor;
beforeAll(async () => {
  editor = await createTestActor("EDITOR", { prefix: "batch" });
});

const tag = () => `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const EVENTS = "external_source,external_id,title,summary,type,cameo_code,date,country,countries,people,organizations,source_url,source_title";

/** A file that exercises what a batch must get right: references, slugs taken in the record and twice in the file, a row without a source, a bad row. */
async function eventFile(t: string) {
  const person = await db.person.create({ data: { name: `Aripov ${t}`, slug: `aripov-${t}`, wikidataId: null } });
  const organization = await db.organization.create({ data: { name: `Council ${t}`, slug: `council-${t}`, kind: "OTHER" } });
  // A stored event already holds the slug the first "Taken" row would get.
  await db.event.create({ data: { slug: `taken-${t}`, title: `Taken ${t}`, summary: "Stored.", type: "MEETING" } });
  const text = [
    EVENTS,
    `src-${t},${t}-1,Call ${t},They spoke.,,041,2025-11-06,KZ,KAZ; Israel,,,https://example.org/a,Article A`,
    `src-${t},${t}-2,Taken ${t},They met.,MEETING,,2025-11,,,Aripov ${t},Council ${t},https://example.org/b,Article B`,
    `src-${t},${t}-3,Taken ${t},Again.,MEETING,,2025,,US; Russia,,,https://example.org/c,Article C`,
    `src-${t},${t}-4,Taken ${t} 2,Numbered.,SUMMIT,,2025-11-07,FR,,,Council ${t},,`,
    `src-${t},${t}-5,Bad ${t},Bad date.,MEETING,,2025-02-30,,,,,,`,
    `src-${t},${t}-6,Twice ${t},First.,MEETING,,2025-11-06,,,,,https://example.org/d,D`,
    `src-${t},${t}-7,Twice ${t},Second.,MEETING,,2025-11-06,,,,,https://example.org/e,E`,
    // What an array parameter must carry intact: quotes, braces, commas, backslashes, NULL-looking text, other scripts.
    `src-${t},${t}-8,"Quote ""x"", {a,b} back\\slash NULL ${t}","Ünïcödé — 東京, ""quoted""; {}",MEETING,,2025-11-06,,,,,https://example.org/f?a=1&b={2},"F ""NULL"""`,
  ].join("\n");
  return { text, person, organization };
}

/** Everything an import leaves of its items, without what differs by nature (ids, clocks). */
async function recordOf(kind: ImportKind, ids: string[]) {
  const items =
    kind === "events"
      ? await db.event.findMany({
          where: { id: { in: ids } },
          include: { participants: { orderBy: { position: "asc" } }, sources: { orderBy: { position: "asc" } }, topics: { orderBy: { topicId: "asc" } }, linksOut: { orderBy: { toEventId: "asc" } } },
        })
      : await db.statement.findMany({ where: { id: { in: ids } }, include: { countries: { orderBy: { countryId: "asc" } }, topics: true, sources: { orderBy: { position: "asc" } } } });
  const revisions = await db.revision.findMany({ where: { entityId: { in: ids } }, orderBy: [{ entityId: "asc" }, { version: "asc" }] });
  const audits = await db.auditLog.findMany({ where: { targetId: { in: ids } }, orderBy: { id: "asc" } });
  const order = new Map(ids.map((id, i) => [id, i]));
  const byItem = (id: string) => order.get(id)!;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value instanceof Date) return "date";
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => !["id", "eventId", "statementId", "fromEventId", "entityId", "targetId", "createdAt", "updatedAt", "at", "publishedAt", "firstPublishedAt"].includes(key))
          .map(([key, v]) => [key, strip(v)]),
      );
    }
    return value;
  };
  return {
    items: [...items].sort((a, b) => byItem(a.id) - byItem(b.id)).map(strip),
    revisions: [...revisions].sort((a, b) => byItem(a.entityId) - byItem(b.entityId) || a.version - b.version).map(strip),
    audits: [...audits].sort((a, b) => byItem(a.targetId!) - byItem(b.targetId!) || Number(a.id - b.id)).map(strip),
  };
}

/** Imports the file in one mode, reads what it left, then removes the items (their slugs and ids free again). */
async function importAndRead(kind: ImportKind, text: string, mode: BatchMode, publish: boolean) {
  const results = await importFile({ actor: editor, request: { kind, fileName: `${kind}.csv`, text }, createKeys: [], publish, mode });
  const ids = results.flatMap((r) => (r.id ? [r.id] : []));
  const record = await recordOf(kind, ids);
  const report = results.map(({ id: _id, ...rest }) => rest);
  if (kind === "events") await db.event.deleteMany({ where: { id: { in: ids } } });
  else await db.statement.deleteMany({ where: { id: { in: ids } } });
  return { report, record, ids };
}

describe("a batch written set-wise", () => {
  it.each([false, true])("leaves the same events, relations, revisions and audit rows as row by row (publish: %s)", async (publish) => {
    const t = tag();
    const { text, person, organization } = await eventFile(t);
    const byRow = await importAndRead("events", text, "row", publish);
    const bySet = await importAndRead("events", text, "set", publish);
    expect(byRow.report.map((r) => r.outcome)).toEqual(
      publish ? ["published", "published", "published", "created", "skipped", "published", "published", "published"] : ["created", "created", "created", "created", "skipped", "created", "created", "created"],
    );
    expect(bySet.report).toEqual(byRow.report);
    expect(bySet.record).toEqual(byRow.record);
    // What both wrote is what the desk would: slugs numbered past the stored one and each other, references resolved.
    expect(byRow.report.map((r) => r.slug)).toEqual([`call-${t}`, `taken-${t}-2`, `taken-${t}-3`, `taken-${t}-2-2`, undefined, `twice-${t}`, `twice-${t}-2`, `quote-x-a-b-back-slash-null-${t}`]);
    const meeting = byRow.record.items[1] as { participants: Array<Record<string, unknown>>; externalId: string; datePrecision: string };
    expect(meeting).toMatchObject({ externalId: `${t}-2`, datePrecision: "MONTH" });
    expect(meeting.participants).toEqual([
      expect.objectContaining({ organizationId: organization.id, position: 0 }),
      expect.objectContaining({ personId: person.id, position: 1 }),
    ]);
    expect(byRow.record.revisions).toHaveLength(publish ? 13 : 7); // the row without a source stays a draft
    expect(byRow.record.audits.filter((a) => (a as { action: string }).action === "event.create")).toHaveLength(7);
    expect(byRow.record.items[6]).toMatchObject({ title: `Quote "x", {a,b} back\\slash NULL ${t}`, summary: 'Ünïcödé — 東京, "quoted"; {}', sources: [expect.objectContaining({ title: 'F "NULL"' })] });
    expect(byRow.record.audits[0]).toMatchObject({ action: "event.create", actorId: editor.id, summary: { version: 1, slug: `call-${t}`, import: { line: 2, externalSource: `src-${t}`, externalId: `${t}-1` }, changed: expect.any(Array) } });
  });

  it("leaves the same statements as row by row", async () => {
    const t = tag();
    const speaker = await db.person.create({ data: { name: `Speaker ${t}`, slug: `speaker-${t}`, wikidataId: null } });
    const text = [
      "external_id,title,text,speaker,speaker_label,medium,said_on,countries,source_url,source_title",
      `${t}-1,Said ${t},“We will join.”,Speaker ${t},,press conference,2025-11-06,KZ; IL,https://example.org/q,Q`,
      `${t}-2,Said ${t},“Later.”,,A spokesman,interview,2025-11,US,,`,
    ].join("\n");
    const byRow = await importAndRead("statements", text, "row", false);
    const bySet = await importAndRead("statements", text, "set", false);
    expect(byRow.report.map((r) => [r.outcome, r.slug])).toEqual([["created", `said-${t}`], ["created", `said-${t}-2`]]);
    expect(bySet.report).toEqual(byRow.report);
    expect(bySet.record).toEqual(byRow.record);
    expect(bySet.record.items[0]).toMatchObject({ speakerId: speaker.id, countries: [{ countryId: "IL" }, { countryId: "KZ" }] });
  });

  it("changes nothing when the same file is imported again", async () => {
    const t = tag();
    const { text } = await eventFile(t);
    const first = await importFile({ actor: editor, request: { kind: "events", fileName: "e.csv", text }, createKeys: [], publish: false });
    const ids = first.flatMap((r) => (r.id ? [r.id] : []));
    const before = { record: await recordOf("events", ids), events: await db.event.count(), revisions: await db.revision.count(), audits: await db.auditLog.count() };
    const again = await importFile({ actor: editor, request: { kind: "events", fileName: "e.csv", text }, createKeys: [], publish: true });
    expect(again.map((r) => r.outcome)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged", "skipped", "unchanged", "unchanged", "unchanged"]);
    expect(again.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect({ record: await recordOf("events", ids), events: await db.event.count(), revisions: await db.revision.count(), audits: await db.auditLog.count() }).toEqual(before);
  });

  it("keeps every good row of a full batch when the database refuses one of them", async () => {
    const t = tag();
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION batch_test_refuse() RETURNS trigger AS $$ BEGIN IF NEW.title LIKE 'Poison%' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER batch_test_refuse BEFORE INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION batch_test_refuse()`);
    try {
      const lines = Array.from({ length: 40 }, (_, i) => `${t}-${i},${i === 17 ? "Poison" : "Fine"} ${t} ${i},S.,MEETING,,2025-11-06,,KZ,,,https://example.org/${i},Src`);
      const text = ["external_id,title,summary,type,cameo_code,date,country,countries,people,organizations,source_url,source_title", ...lines].join("\n");
      const { results } = await importBatch({ actor: editor, request: { kind: "events", fileName: "e.csv", text }, from: 0, publish: false });
      expect(results.filter((r) => r.outcome === "created")).toHaveLength(39);
      expect(results[17]).toMatchObject({ outcome: "failed", problems: [{ column: "row", message: expect.stringMatching(/could not be saved/) }] });
      const ids = results.flatMap((r) => (r.id ? [r.id] : []));
      expect(await db.event.count({ where: { externalId: { startsWith: `${t}-` } } })).toBe(39);
      expect(await db.eventParticipant.count({ where: { eventId: { in: ids } } })).toBe(39);
      expect(await db.revision.count({ where: { entityId: { in: ids } } })).toBe(39);
      expect(await db.auditLog.count({ where: { action: "event.create", targetId: { in: ids } } })).toBe(39);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER batch_test_refuse ON "Event"`);
    }
  });

  it("createManyIn reports a refused item with its field errors and writes the others", async () => {
    const t = tag();
    const good = (title: string) => ({ title, summary: "S.", type: "MEETING", date: "2025-11-06", datePrecision: "DAY", participants: [{ role: "PARTICIPANT", countryId: "KZ" }], sources: [] });
    const outcomes = await db.$transaction((tx) =>
      eventWorkflow.createManyIn(tx, {
        actor: editor,
        items: [{ input: good(`One ${t}`) }, { input: { ...good(`Two ${t}`), date: "2025-13-40" } }, { input: { ...good(`Three ${t}`), participants: [{ role: "PARTICIPANT", countryId: "XX" }] } }, { input: good(`One ${t}`) }],
      }),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: { code: "INVALID", fieldErrors: { date: expect.any(Array) } } });
    expect(outcomes[2]).toMatchObject({ ok: false, error: { code: "INVALID", fieldErrors: { "participants.0.countryId": ["There is no such country, organization or person."] } } });
    expect(outcomes.flatMap((o) => (o.ok ? [o.result.slug] : []))).toEqual([`one-${t}`, `one-${t}-2`]);
    expect(await db.event.count({ where: { title: { endsWith: t } } })).toBe(2);
  });
});

describe("slugs for many names", () => {
  it("are the slugs uniqueSlug gives the names one after the other", async () => {
    const stored = new Set(["foo", "foo-2", "bar-3", "baz-2"]);
    const names = ["Foo", "Foo", "Bar", "Bar", "Foo 2", "Baz", "Bar", "Qux & Co"];
    const taken = new Set(stored);
    const oneByOne: string[] = [];
    for (const name of names) {
      const slug = await uniqueSlug(name, async (candidate) => taken.has(candidate));
      taken.add(slug);
      oneByOne.push(slug);
    }
    expect(oneByOne).toEqual(["foo-3", "foo-4", "bar", "bar-2", "foo-2-2", "baz", "bar-4", "qux-and-co"]);
    expect(await uniqueSlugs(names, async () => new Set(stored))).toEqual(oneByOne);
  });
});
