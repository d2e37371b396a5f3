import { cp, mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import { createEmptyDatabase } from "@/lib/testing/database-urls";
import { removeTempFolder } from "@/lib/testing/remove-temp-folder";
import { saveRecord, runAction } from "@/lib/desk/routes";
import { eventRecord } from "@/lib/events/event-record";
import { createEvent, publishEvent, publishEventChanges, restoreEventRevision, updateEvent } from "@/lib/events/write-event";
import { createTestActor, testEventInput } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { agreementWrites, snapshotAgreement } from "./agreement-record";

/**
 * An agreement's parties' steps are rows that events name (`treatyActionId`) in their staged
 * changes and earlier versions: saving, restoring or merging the agreement keeps the rows it still
 * has, so those publish and restore; a step taken out or merged away is named no more, or by the
 * row it was merged into.
 */
let editor: Actor;
beforeAll(async () => {
  editor = await createTestActor("EDITOR", { prefix: "treaty-action-rows" });
});

const tag = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const source = (name: string) => ({ url: `https://example.org/${name}`, title: `Source ${name}` });
const step = (countryId: string, type: string, date: string, more: Record<string, unknown> = {}) => ({ countryId, type, date, sources: [source(`${countryId}-${type}`)], ...more });
const values = (id: string) => db.$transaction((tx) => snapshotAgreement(tx, id));
const version = async (id: string) => (await db.agreement.findUniqueOrThrow({ where: { id } })).version;
const rowsOf = async (agreementId: string) => (await db.treatyAction.findMany({ where: { agreementId }, orderBy: { id: "asc" }, select: { id: true, countryId: true, type: true } }));
const stepId = async (agreementId: string, countryId: string, type: "ACCESSION" | "SIGNATURE") => (await db.treatyAction.findFirstOrThrow({ where: { agreementId, countryId, type } })).id;
const stagedStep = async (eventId: string) => ((await db.event.findUniqueOrThrow({ where: { id: eventId } })).stagedData as { treatyActionId: string | null }).treatyActionId;
const recordedStep = async (eventId: string) => (await db.$transaction((tx) => eventRecord.snapshot(tx, eventId))).treatyActionId;
const deskRequest = (body: unknown) => new Request("http://desk.test/api/desk/agreements/x", { method: "PUT", body: JSON.stringify(body), headers: { host: "desk.test", "content-type": "application/json" } });

/**
 * An agreement with Kazakhstan's accession and the United States' signature, and a published event
 * that records the accession, with changes staged (its version 3 names the accession too).
 */
async function eventStagedOnAStep(t: string) {
  const agreement = await agreementWrites.create({
    actor: editor,
    input: { name: `Accords ${t}`, kind: "TREATY", actions: [step("KZ", "ACCESSION", "2025-11-06"), step("US", "SIGNATURE", "2020-09-15")] },
  });
  const accession = await stepId(agreement.id, "KZ", "ACCESSION");
  const input = testEventInput({ title: `Kazakhstan accedes ${t}`, agreementId: agreement.id, treatyActionId: accession });
  const made = await createEvent({ actor: editor, input });
  const published = await publishEvent({ actor: editor, id: made.id, baseVersion: made.version });
  const staged = await updateEvent({ actor: editor, id: made.id, baseVersion: published.version, input: { ...input, summary: `Staged ${t}.` } });
  expect(await stagedStep(made.id)).toBe(accession);
  return { agreement, accession, event: { id: made.id, version: staged.version } };
}

describe("saving an agreement", () => {
  it("keeps its steps' rows: an event's staged changes that name one publish after an edit of another field, from the desk form or a client that sends no row ids", async () => {
    const t = tag();
    const { agreement, accession, event } = await eventStagedOnAStep(t);
    const before = await rowsOf(agreement.id);

    // The desk form sends what it shows, each step with its row's id.
    await agreementWrites.update({ actor: editor, id: agreement.id, baseVersion: 1, input: { ...(await values(agreement.id)), summary: `Edited ${t}.` } });
    // A JSON client that knows nothing of row ids, with a note added to one step.
    const { actions, ...rest } = await values(agreement.id);
    const noIds = actions.map(({ id: _id, ...a }) => (a.countryId === "US" ? { ...a, note: `Signed in Washington ${t}.` } : a));
    await saveRecord("agreements", editor, agreement.id, deskRequest({ baseVersion: 2, input: { ...rest, actions: noIds } }));

    expect(await rowsOf(agreement.id)).toEqual(before);
    expect(await db.treatyAction.findUniqueOrThrow({ where: { id: await stepId(agreement.id, "US", "SIGNATURE") } })).toMatchObject({ note: `Signed in Washington ${t}.` });
    expect(await recordedStep(event.id)).toBe(accession);
    const published = await publishEventChanges({ actor: editor, id: event.id, baseVersion: event.version, isMaterial: false });
    expect(published.status).toBe("PUBLISHED");
    expect(await recordedStep(event.id)).toBe(accession);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).summary).toBe(`Staged ${t}.`);
  });

  it("keeps them through a restore of an earlier version of the agreement, and an earlier version of the event restores", async () => {
    const t = tag();
    const { agreement, accession, event } = await eventStagedOnAStep(t);
    await agreementWrites.update({ actor: editor, id: agreement.id, baseVersion: 1, input: { ...(await values(agreement.id)), summary: `Edited ${t}.` } });
    await agreementWrites.restore({ actor: editor, id: agreement.id, baseVersion: 2, revisionVersion: 1 });
    expect(await stepId(agreement.id, "KZ", "ACCESSION")).toBe(accession);

    // Version 1 of the event (its draft) names the accession.
    const restored = await restoreEventRevision({ actor: editor, id: event.id, baseVersion: event.version, revisionVersion: 1 });
    expect(await stagedStep(event.id)).toBe(accession);
    await publishEventChanges({ actor: editor, id: event.id, baseVersion: restored.version, isMaterial: false });
    expect(await recordedStep(event.id)).toBe(accession);
  });

  it("takes a step out: the events that named it name no step, their staged changes publish and earlier versions restore, and the agreement's history says which", async () => {
    const t = tag();
    const { agreement, event } = await eventStagedOnAStep(t);
    const kept = await stepId(agreement.id, "US", "SIGNATURE");
    const current = await values(agreement.id);
    const saved = await agreementWrites.update({ actor: editor, id: agreement.id, baseVersion: 1, input: { ...current, actions: current.actions.filter((a) => a.countryId !== "KZ") } });

    expect((await rowsOf(agreement.id)).map((r) => r.id)).toEqual([kept]);
    expect(await stagedStep(event.id)).toBeNull();
    const revision = await db.revision.findUniqueOrThrow({ where: { kind_entityId_version: { kind: "AGREEMENT", entityId: agreement.id, version: saved.version } } });
    expect(revision.note).toBe(`Saved. Events no longer name the treaty actions taken out: Kazakhstan, accession (“Kazakhstan accedes ${t}”).`);

    const published = await publishEventChanges({ actor: editor, id: event.id, baseVersion: event.version, isMaterial: false });
    expect(await recordedStep(event.id)).toBeNull();
    await restoreEventRevision({ actor: editor, id: event.id, baseVersion: published.version, revisionVersion: 1 });
    expect(await stagedStep(event.id)).toBeNull();

    // Restoring the agreement's first version records the step again, as a new row.
    await agreementWrites.restore({ actor: editor, id: agreement.id, baseVersion: saved.version, revisionVersion: 1 });
    expect((await rowsOf(agreement.id)).map((r) => r.countryId).sort()).toEqual(["KZ", "US"]);
    expect(await stepId(agreement.id, "US", "SIGNATURE")).toBe(kept);
  });

  it("never takes another agreement's row by its id", async () => {
    const t = tag();
    const { agreement, accession } = await eventStagedOnAStep(t);
    const other = await agreementWrites.create({ actor: editor, input: { name: `Other accords ${t}`, kind: "TREATY" } });
    const borrowed = (await values(agreement.id)).actions.find((a) => a.id === accession)!;
    await saveRecord("agreements", editor, other.id, deskRequest({ baseVersion: 1, input: { ...(await values(other.id)), actions: [borrowed] } }));
    expect(await db.treatyAction.findUniqueOrThrow({ where: { id: accession } })).toMatchObject({ agreementId: agreement.id });
    expect((await rowsOf(other.id)).map((r) => r.id)).not.toContain(accession);
    expect(await rowsOf(other.id)).toHaveLength(1);
  });
});

describe("merging a duplicate agreement", () => {
  it("names the kept row where events named the duplicate's row of the same step, and keeps the duplicate's other rows", async () => {
    const t = tag();
    const { agreement: duplicate, accession, event } = await eventStagedOnAStep(t);
    const signature = await stepId(duplicate.id, "US", "SIGNATURE");
    const kept = await agreementWrites.create({ actor: editor, input: { name: `Accords kept ${t}`, kind: "TREATY", actions: [step("KZ", "ACCESSION", "2025-11")] } });
    const keptAccession = await stepId(kept.id, "KZ", "ACCESSION");
    // A second event whose staged changes name the duplicate's signature, a step only it records.
    const input = testEventInput({ title: `US signs ${t}`, agreementId: duplicate.id, treatyActionId: signature });
    const second = await createEvent({ actor: editor, input });
    const secondPublished = await publishEvent({ actor: editor, id: second.id, baseVersion: second.version });
    const secondStaged = await updateEvent({ actor: editor, id: second.id, baseVersion: secondPublished.version, input: { ...input, summary: `Staged ${t}.` } });

    const merged = await agreementWrites.merge({ actor: editor, id: duplicate.id, into: kept.id, baseVersion: await version(duplicate.id) });

    expect((await rowsOf(kept.id)).map((r) => r.id).sort()).toEqual([keptAccession, signature].sort());
    expect(await db.treatyAction.findUniqueOrThrow({ where: { id: keptAccession } })).toMatchObject({ eventId: event.id, date: new Date("2025-11-06T00:00:00Z") });
    expect(await stagedStep(event.id)).toBe(keptAccession);
    expect(await db.revision.count({ where: { kind: "EVENT", entityId: event.id, data: { path: ["treatyActionId"], equals: accession } } })).toBe(0);
    const revision = await db.revision.findUniqueOrThrow({ where: { kind_entityId_version: { kind: "AGREEMENT", entityId: kept.id, version: merged.version } } });
    expect(revision.note).toBe(`Merged “Accords ${t}” into it`);

    await publishEventChanges({ actor: editor, id: event.id, baseVersion: event.version, isMaterial: false });
    expect(await recordedStep(event.id)).toBe(keptAccession);
    await publishEventChanges({ actor: editor, id: second.id, baseVersion: secondStaged.version, isMaterial: false });
    expect(await recordedStep(second.id)).toBe(signature);
    expect((await db.event.findUniqueOrThrow({ where: { id: second.id } })).agreementId).toBe(kept.id);
    // Their first versions restore too, naming the kept agreement and its rows.
    const restored = await restoreEventRevision({ actor: editor, id: event.id, baseVersion: (await db.event.findUniqueOrThrow({ where: { id: event.id } })).version, revisionVersion: 1 });
    expect(restored.status).toBe("PUBLISHED");
    expect(await stagedStep(event.id)).toBe(keptAccession);
  });
});

describe("the desk's workflow route", () => {
  it("restores an agreement's earlier version, keeping the row an event's staged changes name", async () => {
    const t = tag();
    const { agreement, accession, event } = await eventStagedOnAStep(t);
    await agreementWrites.update({ actor: editor, id: agreement.id, baseVersion: 1, input: { ...(await values(agreement.id)), name: `Accords renamed ${t}` } });
    const request = new Request("http://desk.test/api/desk/agreements/x/workflow", {
      method: "POST",
      body: JSON.stringify({ action: "restore", baseVersion: 2, revisionVersion: 1 }),
      headers: { host: "desk.test", "content-type": "application/json" },
    });
    await runAction("agreements", editor, agreement.id, request);
    expect(await stepId(agreement.id, "KZ", "ACCESSION")).toBe(accession);
    await publishEventChanges({ actor: editor, id: event.id, baseVersion: event.version, isMaterial: false });
    expect(await recordedStep(event.id)).toBe(accession);
  });
});

describe("the migration that mends what earlier saves left", () => {
  it("names the step an event records now where its staged changes or versions name one that is gone, or none", async () => {
    const migration = "20261207170000_stale_treaty_action_names";
    const target = await createEmptyDatabase("staleactions");
    const dir = await mkdtemp(path.join(os.tmpdir(), "chancery-migrations-"));
    const client = new pg.Client({ connectionString: target.url });
    try {
      for (const name of (await readdir(MIGRATIONS_DIR)).filter((n) => n < migration)) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
      await migrate({ connectionString: target.url, dir });
      await client.connect();
      // e1 records step t1 of a1 now; its staged changes and version 1 name "gone1", which an old save replaced by t1.
      // e2 records nothing; e3 names a step that exists; version 2 of e1 moved it to agreement a2.
      const staged = (agreementId: string, treatyActionId: string | null) => JSON.stringify({ title: "x", agreementId, treatyActionId });
      await client.query(
        `INSERT INTO "Country" (iso2, iso3, numeric, name) VALUES ('KZ', 'KAZ', '398', 'Kazakhstan');
         INSERT INTO "Agreement" (id, slug, name, kind, "updatedAt") VALUES ('a1', 'a1', 'A1', 'TREATY', now()), ('a2', 'a2', 'A2', 'TREATY', now());`,
      );
      const [gone, none, exists, elsewhere] = [staged("a1", "gone1"), staged("a1", "gone2"), staged("a1", "t3"), staged("a2", "gone1")];
      await client.query(
        `INSERT INTO "Event" (id, slug, title, summary, type, status, "updatedAt", "stagedData") VALUES
           ('e1', 'e1', 'E1', 's', 'MEETING', 'PUBLISHED', now(), $1), ('e2', 'e2', 'E2', 's', 'MEETING', 'PUBLISHED', now(), $2),
           ('e3', 'e3', 'E3', 's', 'MEETING', 'PUBLISHED', now(), $3), ('e4', 'e4', 'E4', 's', 'MEETING', 'PUBLISHED', now(), '{"title": "no step"}')`,
        [gone, none, exists],
      );
      await client.query(`INSERT INTO "TreatyAction" (id, "agreementId", "countryId", type, "eventId") VALUES ('t1', 'a1', 'KZ', 'ACCESSION', 'e1'), ('t3', 'a1', 'KZ', 'SIGNATURE', NULL)`);
      await client.query(
        `INSERT INTO "Revision" (id, kind, "entityId", version, data) VALUES
           ('r1', 'EVENT', 'e1', 1, $1), ('r2', 'EVENT', 'e1', 2, $2), ('r3', 'EVENT', 'e3', 1, $3), ('r4', 'AGREEMENT', 'a1', 1, '{"treatyActionId": "gone1"}')`,
        [gone, elsewhere, exists],
      );
      await migrate({ connectionString: target.url });
      const events = await client.query(`SELECT id, "stagedData"->'treatyActionId' AS step FROM "Event" ORDER BY id`);
      expect(events.rows).toEqual([
        { id: "e1", step: "t1" },
        { id: "e2", step: null },
        { id: "e3", step: "t3" },
        { id: "e4", step: null },
      ]);
      expect((await client.query(`SELECT "stagedData" ? 'treatyActionId' AS has FROM "Event" WHERE id = 'e4'`)).rows).toEqual([{ has: false }]);
      const revisions = await client.query(`SELECT id, data->'treatyActionId' AS step FROM "Revision" ORDER BY id`);
      expect(revisions.rows).toEqual([
        { id: "r1", step: "t1" },
        { id: "r2", step: null },
        { id: "r3", step: "t3" },
        { id: "r4", step: "gone1" },
      ]);
    } finally {
      await client.end().catch(() => {});
      await target.drop();
      await removeTempFolder(dir);
    }
  });
});
