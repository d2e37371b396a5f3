import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { organizationWrites } from "@/lib/organizations/organization-record";
import { personWrites } from "@/lib/people/person-record";
import { createTestActor } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { likelyDuplicates } from "@/lib/desk/likely-duplicates";
import { mergeSummary } from "@/lib/desk/merge-summary";
import { mergedSlug } from "./merged-slug";
import { topicWrites } from "@/lib/topics/topic-record";
import { listPublishedEvents } from "@/lib/events/public-list";
import { listPublishedStatements } from "@/lib/statements/public-list";
import { MovedFilterError, parseEventListQuery, parseStatementListQuery } from "@/lib/api/list-query";
import { handleApi } from "@/lib/api/respond";

let editor: Actor;
let contributor: Actor;
beforeAll(async () => {
  [editor, contributor] = await Promise.all([createTestActor("EDITOR", { prefix: "merge" }), createTestActor("CONTRIBUTOR", { prefix: "merge" })]);
});

const tag = () => `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const DAY = new Date("2032-03-04T00:00:00Z");
const event = (slug: string, data: Partial<Parameters<typeof db.event.create>[0]["data"]> = {}) =>
  db.event.create({ data: { slug, title: slug, summary: "s", type: "MEETING", date: DAY, datePrecision: "DAY", status: "DRAFT", ...data }, select: { id: true, slug: true } });

async function tables() {
  const [people, organizations, participants, offices, revisions, audits, redirects] = await Promise.all([
    db.person.count(),
    db.organization.count(),
    db.eventParticipant.count(),
    db.office.count(),
    db.revision.count(),
    db.auditLog.count({ where: { action: { in: ["person.merge", "person.delete", "organization.merge", "organization.delete"] } } }),
    db.mergedSlug.count(),
  ]);
  return { people, organizations, participants, offices, revisions, audits, redirects };
}

describe("merging a duplicate person", () => {
  it("moves every reference, staged edit and revision to the person kept, adds what only the duplicate knew, redirects its address and removes it", async () => {
    const t = tag();
    const kept = await personWrites.create({ actor: editor, input: { name: `Aigerim Seitkaliyeva ${t}`, countryId: "KZ", offices: [{ title: "President of Kazakhstan", countryId: "KZ", start: "2019-06-12" }] } });
    const duplicate = await personWrites.create({
      actor: editor,
      input: {
        name: `Seitkalieva ${t}`,
        wikidataId: "Q110862",
        description: "Brought in by an import.",
        offices: [
          { title: "president of Kazakhstan", countryId: "KZ", start: "2019-06-12" },
          { title: "Prime Minister of Kazakhstan", countryId: "KZ", start: "1999-10-01", end: "2002-01-28" },
        ],
      },
    });
    // Both took part in one event; the duplicate alone in another; it spoke a statement; a staged edit and a revision name it.
    const both = await event(`merge-both-${t}`, { status: "PUBLISHED", participants: { create: [{ role: "HOST", personId: kept.id, position: 0 }, { role: "PARTICIPANT", personId: duplicate.id, position: 1 }] } });
    const alone = await event(`merge-alone-${t}`, { participants: { create: [{ role: "PARTICIPANT", personId: duplicate.id, position: 0 }] } });
    const staged = await event(`merge-staged-${t}`, { status: "PUBLISHED", stagedData: { title: "x", participants: [{ role: "PARTICIPANT", personId: duplicate.id }] } });
    await db.revision.create({ data: { kind: "EVENT", entityId: alone.id, version: 1, data: { participants: [{ role: "PARTICIPANT", personId: duplicate.id }] } } });
    const statement = await db.statement.create({ data: { slug: `merge-said-${t}`, title: "t", text: "t", medium: "READOUT", speakerId: duplicate.id }, select: { id: true } });

    const result = await personWrites.merge({ actor: editor, id: duplicate.id, into: kept.id, baseVersion: duplicate.version });
    expect(result).toMatchObject({ id: kept.id, slug: kept.slug, version: 2, repointed: { events: 3, statements: 1, people: 0 } });

    expect(await db.person.findUnique({ where: { id: duplicate.id } })).toBeNull();
    const person = await db.person.findUniqueOrThrow({ where: { id: kept.id }, include: { offices: { orderBy: { position: "asc" } } } });
    // The kept name and country; the duplicate's Wikidata id, description and the office the kept one lacked (the same office written in another case is one).
    expect(person).toMatchObject({ name: `Aigerim Seitkaliyeva ${t}`, countryId: "KZ", wikidataId: "Q110862", description: "Brought in by an import.", version: 2 });
    expect(person.offices.map((o) => o.title)).toEqual(["President of Kazakhstan", "Prime Minister of Kazakhstan"]);
    expect((await db.eventParticipant.findMany({ where: { eventId: both.id } })).map((p) => [p.role, p.personId])).toEqual([["HOST", kept.id]]);
    expect((await db.eventParticipant.findMany({ where: { eventId: alone.id } })).map((p) => p.personId)).toEqual([kept.id]);
    expect(await db.statement.findUniqueOrThrow({ where: { id: statement.id } })).toMatchObject({ speakerId: kept.id });
    expect(JSON.stringify((await db.event.findUniqueOrThrow({ where: { id: staged.id } })).stagedData)).toContain(kept.id);
    const revision = await db.revision.findUniqueOrThrow({ where: { kind_entityId_version: { kind: "EVENT", entityId: alone.id, version: 1 } } });
    expect(JSON.stringify(revision.data)).toBe(JSON.stringify({ participants: [{ role: "PARTICIPANT", personId: kept.id }] }));
    // The kept person's new version, its revision and audit rows; the duplicate's removal is audited.
    expect(await db.revision.findUniqueOrThrow({ where: { kind_entityId_version: { kind: "PERSON", entityId: kept.id, version: 2 } } })).toMatchObject({ note: `Merged “Seitkalieva ${t}” into it` });
    expect(await db.auditLog.findFirst({ where: { action: "person.merge", targetId: kept.id } })).toMatchObject({ actorId: editor.id, summary: expect.objectContaining({ merged: { id: duplicate.id, slug: duplicate.slug, name: `Seitkalieva ${t}` }, events: 3, statements: 1 }) });
    expect(await db.auditLog.findFirst({ where: { action: "person.delete", targetId: duplicate.id } })).toMatchObject({ actorId: editor.id });
    // The duplicate's address leads to the kept person; merged again later, it follows along.
    expect(await mergedSlug("PERSON", duplicate.slug)).toBe(kept.slug);
    // Its id as well, which the open data API takes in place of a slug.
    expect(await mergedSlug("PERSON", duplicate.id)).toBe(kept.slug);
    const third = await personWrites.create({ actor: editor, input: { name: `Minister Seitkaliyeva ${t}` } });
    await personWrites.merge({ actor: editor, id: kept.id, into: third.id, baseVersion: 2 });
    expect(await mergedSlug("PERSON", duplicate.slug)).toBe(third.slug);
    expect(await mergedSlug("PERSON", kept.slug)).toBe(third.slug);
    expect(await mergedSlug("PERSON", duplicate.id)).toBe(third.slug);
    expect(await mergedSlug("PERSON", kept.id)).toBe(third.slug);
    expect(await db.statement.findUniqueOrThrow({ where: { id: statement.id } })).toMatchObject({ speakerId: third.id });
    expect(await mergedSlug("PERSON", `nobody-${t}`)).toBeNull();
    // What no slug can be is answered without asking the database.
    expect(await mergedSlug("PERSON", "a\u0000b")).toBeNull();
    expect(await mergedSlug("PERSON", "x".repeat(5000))).toBeNull();
  });

  it("refuses a contributor, a merge into itself or into no one, and a version the editor did not see, and changes nothing", async () => {
    const t = tag();
    const [a, b] = [await personWrites.create({ actor: editor, input: { name: `Aripov ${t}` } }), await personWrites.create({ actor: editor, input: { name: `Abdulla Aripov ${t}` } })];
    await event(`merge-refused-${t}`, { participants: { create: [{ role: "PARTICIPANT", personId: a.id, position: 0 }] } });
    const before = await tables();
    await expect(personWrites.merge({ actor: contributor, id: a.id, into: b.id, baseVersion: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(personWrites.merge({ actor: editor, id: a.id, into: a.id, baseVersion: 1 })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { into: [`Choose another person: a person cannot be merged into itself.`] } });
    await expect(personWrites.merge({ actor: editor, id: a.id, into: "nobody123", baseVersion: 1 })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { into: ["Choose the person to keep from the list."] } });
    // What cannot be an id (a NUL, which PostgreSQL refuses in text) is no one, not a failure.
    await expect(personWrites.merge({ actor: editor, id: a.id, into: "a\u0000b", baseVersion: 1 })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { into: ["Choose the person to keep from the list."] } });
    await expect(personWrites.merge({ actor: editor, id: a.id, into: b.id, baseVersion: 7 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await tables()).toEqual(before);
    expect(await db.person.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ version: 1 });
  });
});

describe("merging a duplicate organization", () => {
  it("moves its participations and the offices held at it, and joins the member countries", async () => {
    const t = tag();
    const kept = await organizationWrites.create({ actor: editor, input: { name: `Gulf Cooperation Council ${t}`, kind: "OTHER", members: [{ countryId: "AE" }, { countryId: "BH" }] } });
    const duplicate = await organizationWrites.create({ actor: editor, input: { name: `GCC ${t}`, acronym: "GCC", kind: "INTERGOVERNMENTAL", members: [{ countryId: "BH" }, { countryId: "SA" }] } });
    const person = await personWrites.create({ actor: editor, input: { name: `Secretary-General ${t}`, offices: [{ title: "Secretary-General", organizationId: duplicate.id, start: "2020-04-01" }] } });
    const both = await event(`merge-org-${t}`, { participants: { create: [{ role: "PARTICIPANT", organizationId: kept.id, position: 0 }, { role: "PARTICIPANT", organizationId: duplicate.id, position: 1 }] } });
    const result = await organizationWrites.merge({ actor: editor, id: duplicate.id, into: kept.id, baseVersion: 1 });
    expect(result.repointed).toEqual({ events: 1, statements: 0, people: 1, agreements: 0 });
    const org = await db.organization.findUniqueOrThrow({ where: { id: kept.id }, include: { members: { orderBy: { countryId: "asc" } } } });
    expect(org).toMatchObject({ name: `Gulf Cooperation Council ${t}`, acronym: "GCC", kind: "INTERGOVERNMENTAL" });
    expect(org.members.map((m) => m.countryId)).toEqual(["AE", "BH", "SA"]);
    expect(await db.office.findFirstOrThrow({ where: { personId: person.id } })).toMatchObject({ organizationId: kept.id });
    expect((await db.eventParticipant.findMany({ where: { eventId: both.id } })).map((p) => p.organizationId)).toEqual([kept.id]);
    expect(await db.organization.findUnique({ where: { id: duplicate.id } })).toBeNull();
    expect(await mergedSlug("ORGANIZATION", duplicate.slug)).toBe(kept.slug);
    // A person's address is not an organization's.
    expect(await mergedSlug("PERSON", duplicate.slug)).toBeNull();
  });
});

describe("merging a duplicate topic", () => {
  it("files its events and statements under the topic kept (once each), takes its description, and moves its address and the lists filtered by it", async () => {
    const t = tag();
    const kept = await topicWrites.create({ actor: editor, input: { name: `Nuclear energy ${t}` } });
    const duplicate = await topicWrites.create({ actor: editor, input: { name: `Nuclear power ${t}`, description: "Reactors, fuel and safeguards." } });
    const both = await event(`merge-topic-both-${t}`, { status: "PUBLISHED", publishedAt: new Date(), topics: { create: [{ topicId: kept.id }, { topicId: duplicate.id }] } });
    const alone = await event(`merge-topic-alone-${t}`, { status: "PUBLISHED", publishedAt: new Date(), topics: { create: [{ topicId: duplicate.id }] } });
    const statement = await db.statement.create({ data: { slug: `merge-topic-said-${t}`, title: "t", text: "t", medium: "READOUT", speakerLabel: "an official", topics: { create: [{ topicId: duplicate.id }] } }, select: { id: true } });
    expect(await mergeSummary("topics", duplicate.id)).toEqual(["2 events and 1 statement are filed under"]);

    const result = await topicWrites.merge({ actor: editor, id: duplicate.id, into: kept.id, baseVersion: 1 });
    expect(result.repointed).toEqual({ events: 2, statements: 1, people: 0, agreements: 0 });
    expect(await db.topic.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ name: `Nuclear energy ${t}`, description: "Reactors, fuel and safeguards.", version: 2 });
    expect(await db.topic.findUnique({ where: { id: duplicate.id } })).toBeNull();
    expect((await db.eventTopic.findMany({ where: { eventId: both.id } })).map((r) => r.topicId)).toEqual([kept.id]);
    // The moved row still carries its event's published flag and date (the database's trigger), so the topic's page lists it.
    expect(await db.eventTopic.findUniqueOrThrow({ where: { eventId_topicId: { eventId: alone.id, topicId: kept.id } } })).toMatchObject({ published: true, date: DAY });
    expect((await db.statementTopic.findMany({ where: { statementId: statement.id } })).map((r) => r.topicId)).toEqual([kept.id]);
    expect(await mergeSummary("topics", kept.id)).toEqual(["2 events and 1 statement are filed under"]);
    expect(await mergedSlug("TOPIC", duplicate.slug)).toBe(kept.slug);
    expect(await db.auditLog.findFirst({ where: { action: "topic.merge", targetId: kept.id } })).toMatchObject({ summary: expect.objectContaining({ events: 2, statements: 1 }) });

    // A list, feed or search filtered by the duplicate is the kept one's now: a redirect, not a 400.
    const moved = listPublishedEvents(parseEventListQuery({ topic: duplicate.slug, type: "MEETING" }));
    await expect(moved).rejects.toBeInstanceOf(MovedFilterError);
    await expect(moved).rejects.toMatchObject({ parameter: "topic", to: kept.slug });
    expect((await listPublishedEvents(parseEventListQuery({ topic: kept.slug }))).items.map((e) => e.slug).sort()).toEqual([both.slug, alone.slug].sort());
    // A topic that never was is still a reader's typo.
    await expect(listPublishedEvents(parseEventListQuery({ topic: `never-${t}` }))).rejects.not.toBeInstanceOf(MovedFilterError);
    await expect(listPublishedEvents(parseEventListQuery({ topic: `never-${t}` }))).rejects.toMatchObject({ parameter: "topic" });
  });

  it("moves a list filtered by a merged speaker, and the API answers it with a permanent redirect keeping the other parameters", async () => {
    const t = tag();
    const kept = await personWrites.create({ actor: editor, input: { name: `Speaker kept ${t}` } });
    const duplicate = await personWrites.create({ actor: editor, input: { name: `Speaker twice ${t}` } });
    await personWrites.merge({ actor: editor, id: duplicate.id, into: kept.id, baseVersion: 1 });
    const query = parseStatementListQuery({ speaker: duplicate.slug, medium: "READOUT" });
    const request = new Request(`http://127.0.0.1/api/v1/statements?speaker=${duplicate.slug}&medium=READOUT`);
    const response = await handleApi(request, () => listPublishedStatements(query).then(() => new Response("listed")));
    expect(response.status).toBe(308);
    expect(response.headers.get("Location")).toBe(`/api/v1/statements?speaker=${kept.slug}&medium=READOUT`);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      `"speaker": "${duplicate.slug}" was merged into "${kept.slug}"; this list is now at /api/v1/statements?speaker=${kept.slug}&medium=READOUT`,
    );
    // Any other bad parameter is still a 400 naming it.
    const typo = await handleApi(request, () => listPublishedStatements(parseStatementListQuery({ speaker: `nobody-${t}` })).then(() => new Response("listed")));
    expect(typo.status).toBe(400);
  });
});

describe("merging the same office recorded twice", () => {
  it("a person's: the duplicate's term of an office the kept person holds then is not added (two overlapping terms are refused)", async () => {
    const t = tag();
    const kept = await personWrites.create({ actor: editor, input: { name: `Office Holder ${t}`, offices: [{ title: "Foreign Minister of Kazakhstan", countryId: "KZ", start: "2019-06-12" }] } });
    // Another wire gave another day; the same term, not a second one.
    const duplicate = await personWrites.create({
      actor: editor,
      input: { name: `Office Holder ${t} (2)`, offices: [{ title: "foreign minister of Kazakhstan", countryId: "KZ", start: "2019-06" }, { title: "Ambassador to Russia", countryId: "KZ", start: "2010", end: "2014" }] },
    });
    await personWrites.merge({ actor: editor, id: duplicate.id, into: kept.id, baseVersion: 1 });
    const offices = await db.office.findMany({ where: { personId: kept.id }, orderBy: { position: "asc" } });
    expect(offices.map((o) => o.title)).toEqual(["Foreign Minister of Kazakhstan", "Ambassador to Russia"]);
  });

  it("an organization's: a person's office held at both is kept once, and the person can still be saved", async () => {
    const t = tag();
    const kept = await organizationWrites.create({ actor: editor, input: { name: `Shanghai Cooperation Body ${t}`, kind: "OTHER" } });
    const duplicate = await organizationWrites.create({ actor: editor, input: { name: `SCB ${t}`, kind: "OTHER" } });
    const person = await personWrites.create({
      actor: editor,
      input: {
        name: `Secretary-General Twice ${t}`,
        offices: [
          { title: "Secretary-General", organizationId: kept.id, start: "2022-01-01" },
          { title: "Secretary-General", organizationId: duplicate.id, start: "2022-01" },
          { title: "Deputy Secretary-General", organizationId: duplicate.id, start: "2018", end: "2021" },
        ],
      },
    });
    const result = await organizationWrites.merge({ actor: editor, id: duplicate.id, into: kept.id, baseVersion: 1 });
    expect(result.repointed.people).toBe(1);
    const offices = await db.office.findMany({ where: { personId: person.id }, orderBy: { position: "asc" } });
    expect(offices.map((o) => [o.title, o.organizationId])).toEqual([
      ["Secretary-General", kept.id],
      ["Deputy Secretary-General", kept.id],
    ]);
    // What the merge left is a person the form can save (two overlapping terms of one office would be refused).
    const saved = await personWrites.update({ actor: editor, id: person.id, baseVersion: person.version, input: { name: `Secretary-General Twice ${t}`, description: "Saved after the merge.", offices: [{ title: "Secretary-General", organizationId: kept.id, start: "2022-01-01" }, { title: "Deputy Secretary-General", organizationId: kept.id, start: "2018", end: "2021" }] } });
    expect(saved.version).toBe(person.version + 1);
  });
});

describe("what the merge section says names a record", () => {
  it("counts events, statements and offices in words", async () => {
    const t = tag();
    const person = await personWrites.create({ actor: editor, input: { name: `Counted ${t}` } });
    expect(await mergeSummary("people", person.id)).toEqual([]);
    await event(`count-1-${t}`, { participants: { create: [{ role: "PARTICIPANT", personId: person.id, position: 0 }] } });
    expect(await mergeSummary("people", person.id)).toEqual(["1 event names"]);
    await event(`count-2-${t}`, { participants: { create: [{ role: "PARTICIPANT", personId: person.id, position: 0 }] } });
    await db.statement.create({ data: { slug: `count-said-${t}`, title: "t", text: "t", medium: "READOUT", speakerId: person.id } });
    expect(await mergeSummary("people", person.id)).toEqual(["2 events and 1 statement name"]);
    const org = await organizationWrites.create({ actor: editor, input: { name: `Counted body ${t}`, kind: "OTHER" } });
    await personWrites.create({ actor: editor, input: { name: `Officer ${t}`, offices: [{ title: "Envoy", organizationId: org.id }] } });
    expect(await mergeSummary("organizations", org.id)).toEqual(["the offices of 1 person name"]);
  });
});

describe("the records surely recorded twice", () => {
  it("are those with the same Wikidata id or the same name without accents, newest first, each group once", async () => {
    const t = tag();
    const a = await personWrites.create({ actor: editor, input: { name: `Gülnara Öztürk ${t}`, wikidataId: "Q39723" } });
    const b = await personWrites.create({ actor: editor, input: { name: `gulnara OZTURK ${t}`, wikidataId: "Q39723" } });
    const c = await personWrites.create({ actor: editor, input: { name: `Kemal Yıldırımoğlu ${t}`, wikidataId: "Q1096474" } });
    const d = await personWrites.create({ actor: editor, input: { name: `Kemal Yildirimoglu ${t}` } });
    await personWrites.create({ actor: editor, input: { name: `Hakan Fidan ${t}` } });
    // Namesakes whose Wikidata ids differ are two people, not one recorded twice.
    const e = await personWrites.create({ actor: editor, input: { name: `Mohammed Alieva ${t}`, wikidataId: "Q1234501" } });
    const f = await personWrites.create({ actor: editor, input: { name: `Mohammed Alieva ${t}`, wikidataId: "Q1234502" } });
    const groups = await likelyDuplicates("people", 50);
    const mine = groups.filter((g) => g.records.some((r) => [a.id, b.id, c.id, d.id].includes(r.id)));
    // Same id and same name: one group, said once; the newer pair comes first.
    expect(mine).toEqual([
      { reason: "the same name", records: [{ id: c.id, label: `Kemal Yıldırımoğlu ${t}` }, { id: d.id, label: `Kemal Yildirimoglu ${t}` }] },
      { reason: "the same Wikidata id Q39723", records: [{ id: a.id, label: `Gülnara Öztürk ${t}` }, { id: b.id, label: `gulnara OZTURK ${t}` }] },
    ]);
    expect(groups.some((g) => g.records.some((r) => r.label === `Hakan Fidan ${t}`))).toBe(false);
    expect(groups.some((g) => g.records.some((r) => [e.id, f.id].includes(r.id)))).toBe(false);
    // Merged, they are not named any more.
    await personWrites.merge({ actor: editor, id: d.id, into: c.id, baseVersion: 1 });
    expect((await likelyDuplicates("people", 50)).some((g) => g.records.some((r) => r.id === c.id))).toBe(false);
  });
});
