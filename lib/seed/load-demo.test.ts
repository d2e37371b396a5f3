import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { agreementWrites } from "@/lib/agreements/agreement-record";
import { createTestActor } from "@/lib/testing/factories";
import { topicWrites } from "@/lib/topics/topic-record";
import { listIsoCountries, loadCountries } from "./countries";
import { eventRecord } from "@/lib/events/event-record";
import { publishEventChanges, updateEvent } from "@/lib/events/write-event";
import { demoEvents, demoRecord, demoStatements } from "./demo-record";
import { loadDemoRecord } from "./load-demo";

async function counts() {
  const [countries, events, statements, people, organizations, agreements, actions, sources, topics, revisions, audit] =
    await Promise.all([
      db.country.count(),
      db.event.count(),
      db.statement.count(),
      db.person.count(),
      db.organization.count(),
      db.agreement.count(),
      db.treatyAction.count(),
      db.source.count(),
      db.topic.count(),
      db.revision.count(),
      db.auditLog.count(),
    ]);
  return { countries, events, statements, people, organizations, agreements, actions, sources, topics, revisions, audit };
}

describe("reference data", () => {
  it("holds all 249 ISO 3166-1 countries from the package, with their codes", async () => {
    const rows = listIsoCountries();
    expect(rows).toHaveLength(249);
    expect(new Set(rows.map((r) => r.iso3)).size).toBe(249);
    expect(rows.find((r) => r.iso2 === "KZ")).toEqual({ iso2: "KZ", iso3: "KAZ", numeric: "398", name: "Kazakhstan", wikidataId: "Q232" });
    expect(rows.find((r) => r.iso2 === "BH")?.numeric).toBe("048");
    expect(rows.some((r) => r.iso2 === "XK")).toBe(false);
    await loadCountries(db);
    expect(await db.country.count()).toBe(249);
  });
});

describe("loadDemoRecord", () => {
  it("loads the story as published items with sources, and loading it twice changes nothing", async () => {
    const created = await loadDemoRecord(db);
    expect(created).toBeGreaterThan(0);
    const before = await counts();
    expect(before.events).toBe(demoEvents.length);
    expect(before.statements).toBe(demoStatements.length);

    expect(await loadDemoRecord(db)).toBe(0);
    expect(await counts()).toEqual(before);

    // Every event and statement is published and backed by at least one source.
    const unsourced = await db.event.count({ where: { sources: { none: {} } } });
    const unsourcedStatements = await db.statement.count({ where: { sources: { none: {} } } });
    expect(unsourced + unsourcedStatements).toBe(0);
    expect(await db.event.count({ where: { status: { not: "PUBLISHED" } } })).toBe(0);
  });

  it("records the Kazakhstan accession with its call, participants, agreement and treaty action", async () => {
    await loadDemoRecord(db);
    const event = await db.event.findUniqueOrThrow({
      where: { slug: "kazakhstan-to-join-the-abraham-accords" },
      include: { agreement: true, participants: { include: { person: true } }, treatyActions: true, statements: true },
    });
    expect(event.date?.toISOString().slice(0, 10)).toBe("2025-11-06");
    expect(event.agreement?.slug).toBe("abraham-accords");
    expect(event.participants.find((p) => p.role === "ANNOUNCER" && p.person)?.person?.name).toBe("Donald Trump");
    expect(event.treatyActions).toMatchObject([{ countryId: "KZ", type: "INTENT_ANNOUNCED" }]);
    expect(event.statements.map((s) => s.slug)).toContain("trump-kazakhstan-first-of-many");

    const trump = await db.statement.findUniqueOrThrow({ where: { slug: "trump-kazakhstan-first-of-many" } });
    expect(trump).toMatchObject({ platform: "Truth Social", medium: "SOCIAL_POST", speakerTitle: "President of the United States" });

    const ceremony = await db.event.findUniqueOrThrow({ where: { slug: "kazakhstan-abraham-accords-signing-ceremony" } });
    expect(ceremony).toMatchObject({ occurrence: "SCHEDULED", date: null });

    const relations = await db.event.findUniqueOrThrow({ where: { slug: "israel-kazakhstan-establish-diplomatic-relations" } });
    expect(relations.date?.toISOString().slice(0, 10)).toBe("1992-04-10");

    const parties = await db.treatyAction.findMany({ where: { agreement: { slug: "abraham-accords" } }, select: { countryId: true } });
    expect(new Set(parties.map((p) => p.countryId))).toEqual(new Set(["AE", "IL", "BH", "SD", "MA", "KZ"]));
  });
});

describe("a demo record an editor merged into another", () => {
  it("is not brought back at the next start, and what the seed names by it is the record kept", async () => {
    await loadDemoRecord(db);
    const editor = await createTestActor("EDITOR", { prefix: "demo-merge" });
    const declaration = await db.agreement.findUniqueOrThrow({ where: { slug: "us-israel-morocco-joint-declaration" } });
    const kept = await agreementWrites.create({ actor: editor, input: { name: "Tripartite Declaration of Rabat", kind: "JOINT_DECLARATION" } });
    await agreementWrites.merge({ actor: editor, id: declaration.id, into: kept.id, baseVersion: declaration.version });
    const energy = await db.topic.findUniqueOrThrow({ where: { slug: "energy" } });
    const power = await topicWrites.create({ actor: editor, input: { name: "Energy and power" } });
    await topicWrites.merge({ actor: editor, id: energy.id, into: power.id, baseVersion: energy.version });
    const before = await counts();

    expect(await loadDemoRecord(db)).toBe(0);
    expect(await counts()).toEqual(before);
    expect(await db.agreement.findUnique({ where: { slug: "us-israel-morocco-joint-declaration" } })).toBeNull();
    expect(await db.topic.findUnique({ where: { slug: "energy" } })).toBeNull();
    expect(await db.event.findUniqueOrThrow({ where: { slug: "us-israel-morocco-joint-declaration-signed" } })).toMatchObject({ agreementId: kept.id });
    // The kept agreement is the editor's: the seed leaves it as the merge made it.
    expect(await db.agreement.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ name: "Tripartite Declaration of Rabat", version: 2 });
  });
});

describe("a demo correction of an agreement", () => {
  it("keeps its steps' rows: an editor's staged changes to an event that names one still publish", async () => {
    await loadDemoRecord(db);
    const editor = await createTestActor("EDITOR", { prefix: "demo-steps" });
    const event = await db.event.findUniqueOrThrow({ where: { slug: "kazakhstan-to-join-the-abraham-accords" } });
    const input = await db.$transaction((tx) => eventRecord.snapshot(tx, event.id));
    expect(input.treatyActionId).toBeTruthy();
    const staged = await updateEvent({ actor: editor, id: event.id, baseVersion: event.version, input: { ...input, summary: `${input.summary} (Edited at the desk.)` } });
    const steps = await db.treatyAction.findMany({ where: { agreement: { slug: "abraham-accords" } }, select: { id: true }, orderBy: { id: "asc" } });

    // The next release corrects the agreement (the seed still owns it) and one party's step.
    const corrected = {
      ...demoRecord,
      agreements: demoRecord.agreements.map((a) =>
        a.slug === "abraham-accords" ? { ...a, summary: `${a.summary} (Corrected.)`, actions: a.actions.map((x) => (x.countryId === "AE" ? { ...x, note: "Corrected note." } : x)) } : a,
      ),
    };
    expect(await loadDemoRecord(db, { record: corrected })).toBeGreaterThan(0);
    expect(await db.treatyAction.findMany({ where: { agreement: { slug: "abraham-accords" } }, select: { id: true }, orderBy: { id: "asc" } })).toEqual(steps);
    expect(await db.treatyAction.findFirstOrThrow({ where: { agreement: { slug: "abraham-accords" }, countryId: "AE" } })).toMatchObject({ note: "Corrected note." });

    await publishEventChanges({ actor: editor, id: event.id, baseVersion: staged.version, isMaterial: false });
    expect((await db.$transaction((tx) => eventRecord.snapshot(tx, event.id))).treatyActionId).toBe(input.treatyActionId);
  });
});

describe("the audit log", () => {
  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    const row = await db.auditLog.create({ data: { action: "test.append" } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "test.forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("test.append");
  });
});
