import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MovedFilterError, parseEventListQuery, parseStatementListQuery } from "@/lib/api/list-query";
import { handleApi } from "@/lib/api/respond";
import { likelyDuplicates } from "@/lib/desk/likely-duplicates";
import { mergeSummary, treatyActionsSummary } from "@/lib/desk/merge-summary";
import { usesSentence } from "@/lib/desk/merge-uses";
import { mergeRecord } from "@/lib/desk/routes";
import { listPublishedEvents } from "@/lib/events/public-list";
import { mergedSlug } from "@/lib/records/merged-slug";
import { listPublishedStatements } from "@/lib/statements/public-list";
import { createTestActor } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { agreementWrites } from "./agreement-record";
import { mergeTreatyActions, type TreatyActionValues } from "./merge-actions";
import { findPublicAgreement } from "./public-queries";

let editor: Actor;
let contributor: Actor;
beforeAll(async () => {
  [editor, contributor] = await Promise.all([createTestActor("EDITOR", { prefix: "agreement-merge" }), createTestActor("CONTRIBUTOR", { prefix: "agreement-merge" })]);
});

const tag = () => `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const DAY = new Date("2031-05-06T00:00:00Z");
const source = (name: string) => ({ url: `https://example.org/${name}`, title: `Source ${name}` });
const step = (countryId: string, type: string, date = "", more: Record<string, unknown> = {}) => ({ countryId, type, date, sources: [source(`${countryId}-${type}-${date}`)], ...more });
const create = (input: Record<string, unknown>) => agreementWrites.create({ actor: editor, input: { kind: "TREATY", ...input } });
const event = (slug: string, data: Partial<Parameters<typeof db.event.create>[0]["data"]> = {}) =>
  db.event.create({ data: { slug, title: slug, summary: "s", type: "AGREEMENT_SIGNED", date: DAY, datePrecision: "DAY", status: "DRAFT", ...data }, select: { id: true, slug: true } });
/** A request of the desk's merge section (lib/desk/routes.ts reads it as the route does). */
const mergeRequest = (body: Record<string, unknown>) =>
  new Request("http://desk.test/api/desk/agreements/x/merge", { method: "POST", body: JSON.stringify(body), headers: { host: "desk.test", "content-type": "application/json" } });
const actionsOf = async (agreementId: string) =>
  (await db.treatyAction.findMany({ where: { agreementId }, orderBy: [{ countryId: "asc" }, { type: "asc" }, { date: "asc" }], include: { sources: { orderBy: { position: "asc" } } } })).map((a) => ({
    party: a.countryId,
    type: a.type,
    date: a.date?.toISOString().slice(0, 10) ?? null,
    precision: a.precision,
    note: a.note,
    eventId: a.eventId,
    via: a.viaAgreementId,
    sources: a.sources.map((s) => s.url),
  }));

/** Every row a merge could touch, to show that a refused one changed nothing. */
async function everything() {
  const [agreements, actions, events, sources, revisions, audits, redirects] = await Promise.all([
    db.agreement.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, parentId: true, summary: true } }),
    db.treatyAction.findMany({ orderBy: { id: "asc" }, select: { id: true, agreementId: true, viaAgreementId: true, date: true } }),
    db.event.findMany({ orderBy: { id: "asc" }, select: { id: true, agreementId: true } }),
    db.source.count(),
    db.revision.count(),
    db.auditLog.count(),
    db.mergedSlug.count(),
  ]);
  return { agreements, actions, events, sources, revisions, audits, redirects };
}

describe("merging a duplicate agreement", () => {
  it("moves its events, parts, parties' steps and the steps taken through it to the one kept, a step both record once, in one version", async () => {
    const t = tag();
    const kept = await create({
      name: `Treaty on the Non-Proliferation of Nuclear Weapons ${t}`,
      concluded: "1968",
      sources: [source("un-treaty")],
      actions: [step("KZ", "RATIFICATION", "1994-02-14"), step("US", "SIGNATURE", "1968-07-01"), step("KP", "WITHDRAWAL", "2003-01-10")],
    });
    const accession = await event(`npt-accession-fr-${t}`, { status: "PUBLISHED", publishedAt: new Date() });
    const duplicate = await create({
      name: `NPT ${t}`,
      kind: "FRAMEWORK",
      summary: `Brought in by an import ${t}.`,
      wikidataId: "Q132783",
      concluded: "1968-07-01",
      sources: [source("un-treaty"), source("iaea")],
      actions: [
        // The same ratification known to the month only, with a source of its own: one row, dated to the day.
        step("KZ", "RATIFICATION", "1994-02", { sources: [source("kz-month")] }),
        // The same signature, with a note the kept one lacks.
        step("US", "SIGNATURE", "1968-07-01", { note: `Signed in Washington ${t}.` }),
        // Steps only the duplicate records: another party, a later step, a second withdrawal.
        step("GB", "SIGNATURE", "1968-07-01"),
        step("US", "RATIFICATION", "1970-03-05"),
        step("FR", "ACCESSION", "1992-08-03", { eventId: accession.id }),
        step("KP", "WITHDRAWAL", "1993-03-12"),
        step("KP", "WITHDRAWAL", "2003-01-10"),
      ],
    });
    // What refers to the duplicate: a published event, a draft, a published event with a staged edit naming it,
    // an agreement that is part of it, and a party that joined another agreement through it.
    const published = await event(`npt-signing-${t}`, { status: "PUBLISHED", publishedAt: new Date(), agreementId: duplicate.id });
    const draft = await event(`npt-draft-${t}`, { agreementId: duplicate.id });
    const staged = await event(`npt-staged-${t}`, { status: "PUBLISHED", publishedAt: new Date(), stagedData: { title: "x", agreementId: duplicate.id } });
    await db.revision.create({ data: { kind: "EVENT", entityId: draft.id, version: 1, data: { agreementId: duplicate.id } } });
    const part = await create({ name: `Safeguards protocol ${t}`, parentId: duplicate.id });
    const other = await create({ name: `Regional accord ${t}`, kind: "JOINT_DECLARATION", actions: [step("MA", "JOINED_THROUGH_RELATED_INSTRUMENT", "2020-12-22", { viaAgreementId: duplicate.id })] });
    const clauses = await mergeSummary("agreements", duplicate.id);
    expect(clauses).toEqual(["2 events concern", "1 agreement is part of", "1 treaty action on another agreement was taken through"]);
    expect(usesSentence(clauses, "NPT")).toBe("2 events concern NPT, 1 agreement is part of it and 1 treaty action on another agreement was taken through it");
    expect(usesSentence(clauses.slice(0, 1), "the one removed")).toBe("2 events concern the one removed");
    expect(usesSentence([], "NPT")).toBe("");
    expect(await treatyActionsSummary(duplicate.id)).toBe("7 treaty actions of 5 parties");

    const result = await agreementWrites.merge({ actor: editor, id: duplicate.id, into: kept.id, baseVersion: 1 });
    expect(result).toMatchObject({ id: kept.id, slug: kept.slug, version: 2, repointed: { events: 3, statements: 0, people: 0, agreements: 2 } });

    expect(await db.agreement.findUnique({ where: { id: duplicate.id } })).toBeNull();
    // The kept name and kind; the duplicate's summary and Wikidata id (the kept one had none), its date known to the day.
    const row = await db.agreement.findUniqueOrThrow({ where: { id: kept.id }, include: { sources: { orderBy: { position: "asc" } } } });
    expect(row).toMatchObject({ name: `Treaty on the Non-Proliferation of Nuclear Weapons ${t}`, kind: "TREATY", summary: `Brought in by an import ${t}.`, wikidataId: "Q132783", concludedPrecision: "DAY", version: 2 });
    expect(row.concludedOn?.toISOString().slice(0, 10)).toBe("1968-07-01");
    expect(row.sources.map((s) => s.url)).toEqual([source("un-treaty").url, source("iaea").url]);
    expect(await actionsOf(kept.id)).toEqual([
      { party: "FR", type: "ACCESSION", date: "1992-08-03", precision: "DAY", note: null, eventId: accession.id, via: null, sources: [source("FR-ACCESSION-1992-08-03").url] },
      { party: "GB", type: "SIGNATURE", date: "1968-07-01", precision: "DAY", note: null, eventId: null, via: null, sources: [source("GB-SIGNATURE-1968-07-01").url] },
      { party: "KP", type: "WITHDRAWAL", date: "1993-03-12", precision: "DAY", note: null, eventId: null, via: null, sources: [source("KP-WITHDRAWAL-1993-03-12").url] },
      { party: "KP", type: "WITHDRAWAL", date: "2003-01-10", precision: "DAY", note: null, eventId: null, via: null, sources: [source("KP-WITHDRAWAL-2003-01-10").url] },
      { party: "KZ", type: "RATIFICATION", date: "1994-02-14", precision: "DAY", note: null, eventId: null, via: null, sources: [source("KZ-RATIFICATION-1994-02-14").url, source("kz-month").url] },
      { party: "US", type: "SIGNATURE", date: "1968-07-01", precision: "DAY", note: `Signed in Washington ${t}.`, eventId: null, via: null, sources: [source("US-SIGNATURE-1968-07-01").url] },
      { party: "US", type: "RATIFICATION", date: "1970-03-05", precision: "DAY", note: null, eventId: null, via: null, sources: [source("US-RATIFICATION-1970-03-05").url] },
    ]);
    // Everything that named the duplicate names the kept agreement: events (the draft stays a draft), staged edits, revisions, parts, steps taken through it.
    for (const e of [published, draft]) expect(await db.event.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ agreementId: kept.id });
    expect(await db.event.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "DRAFT" });
    expect((await db.event.findUniqueOrThrow({ where: { id: staged.id } })).stagedData).toEqual({ title: "x", agreementId: kept.id });
    expect((await db.revision.findUniqueOrThrow({ where: { kind_entityId_version: { kind: "EVENT", entityId: draft.id, version: 1 } } })).data).toEqual({ agreementId: kept.id });
    expect(await db.agreement.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({ parentId: kept.id });
    expect((await db.revision.findUniqueOrThrow({ where: { kind_entityId_version: { kind: "AGREEMENT", entityId: part.id, version: 1 } } })).data).toMatchObject({ parentId: kept.id });
    expect(await actionsOf(other.id)).toEqual([expect.objectContaining({ party: "MA", via: kept.id })]);
    // The kept agreement's new version, its revision and audit rows; the duplicate's removal is audited.
    expect(await db.revision.findUniqueOrThrow({ where: { kind_entityId_version: { kind: "AGREEMENT", entityId: kept.id, version: 2 } } })).toMatchObject({ note: `Merged “NPT ${t}” into it` });
    expect(await db.auditLog.findFirst({ where: { action: "agreement.merge", targetId: kept.id } })).toMatchObject({
      actorId: editor.id,
      summary: expect.objectContaining({ merged: { id: duplicate.id, slug: duplicate.slug, name: `NPT ${t}` }, events: 3, agreements: 2 }),
    });
    expect(await db.auditLog.findFirst({ where: { action: "agreement.delete", targetId: duplicate.id } })).toMatchObject({ actorId: editor.id });

    // The duplicate's address and id lead to the kept agreement; the public page lists the published events only.
    expect(await mergedSlug("AGREEMENT", duplicate.slug)).toBe(kept.slug);
    expect(await mergedSlug("AGREEMENT", duplicate.id)).toBe(kept.slug);
    expect(await mergedSlug("TOPIC", duplicate.slug)).toBeNull();
    const page = (await findPublicAgreement(kept.slug))!;
    expect(page.events.map((e) => e.slug)).toEqual([published.slug]);
    expect(page.children.map((c) => c.slug)).toEqual([part.slug]);
    expect(page.parties.find((p) => p.country.iso2 === "US")?.status).toBe("RATIFIED");
    expect(page.parties.find((p) => p.country.iso2 === "KP")?.status).toBe("WITHDRAWN");

    // Lists and feeds filtered by the duplicate are the kept one's now: a redirect, not a 400; a draft never shows.
    const moved = listPublishedEvents(parseEventListQuery({ agreement: duplicate.slug, type: "AGREEMENT_SIGNED" }));
    await expect(moved).rejects.toBeInstanceOf(MovedFilterError);
    await expect(moved).rejects.toMatchObject({ parameter: "agreement", to: kept.slug });
    await expect(listPublishedStatements(parseStatementListQuery({ agreement: duplicate.slug }))).rejects.toMatchObject({ parameter: "agreement", to: kept.slug });
    expect((await listPublishedEvents(parseEventListQuery({ agreement: kept.slug }))).items.map((e) => e.slug)).toEqual([published.slug]);
    const request = new Request(`http://127.0.0.1/api/v1/events?agreement=${duplicate.slug}&type=AGREEMENT_SIGNED`);
    const response = await handleApi(request, () => listPublishedEvents(parseEventListQuery({ agreement: duplicate.slug, type: "AGREEMENT_SIGNED" })).then(() => new Response("listed")));
    expect(response.status).toBe(308);
    expect(response.headers.get("Location")).toBe(`/api/v1/events?agreement=${kept.slug}&type=AGREEMENT_SIGNED`);
    // An agreement that never was is still a reader's typo.
    await expect(listPublishedEvents(parseEventListQuery({ agreement: `never-${t}` }))).rejects.not.toBeInstanceOf(MovedFilterError);

    // Merged again later, the old addresses follow along.
    const third = await create({ name: `Non-Proliferation Treaty ${t}` });
    await agreementWrites.merge({ actor: editor, id: kept.id, into: third.id, baseVersion: 2 });
    expect(await mergedSlug("AGREEMENT", duplicate.slug)).toBe(third.slug);
    expect(await db.event.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({ agreementId: third.id });
  });

  it("refuses two agreements that date a party's step differently, naming each, and changes nothing", async () => {
    const t = tag();
    const kept = await create({ name: `Chemical Weapons Convention ${t}`, actions: [step("KZ", "RATIFICATION", "2000-03-23"), step("US", "RATIFICATION", "1997-04-25"), step("IL", "SIGNATURE", "1993-01-13")] });
    const duplicate = await create({
      name: `CWC ${t}`,
      summary: "x",
      actions: [step("KZ", "RATIFICATION", "1999-03-23"), step("US", "RATIFICATION", "1997"), step("IL", "SIGNATURE", "1993-02"), step("IL", "SIGNATURE", "1994")],
    });
    await event(`cwc-${t}`, { agreementId: duplicate.id });
    const before = await everything();
    const refused = await agreementWrites.merge({ actor: editor, id: duplicate.id, into: kept.id, baseVersion: 1 }).catch((e: unknown) => e);
    expect((refused as Error).message).toBe(
      `“Chemical Weapons Convention ${t}” and “CWC ${t}” date 2 parties' steps differently: correct the one that is wrong (if both steps happened, record both on “Chemical Weapons Convention ${t}”). Then merge again.`,
    );
    expect(refused).toMatchObject({
      code: "INVALID",
      details: {
        disagreements: [
          `Israel, signature: 13 January 1993 on “Chemical Weapons Convention ${t}”; February 1993 and 1994 on “CWC ${t}”.`,
          `Kazakhstan, ratification: 23 March 2000 on “Chemical Weapons Convention ${t}”; 23 March 1999 on “CWC ${t}”.`,
        ],
      },
    });
    expect(await everything()).toEqual(before);
    // Through the desk's route, the refusal is a 400 with the list beside the message.
    const response = await mergeRecord("agreements", editor, duplicate.id, mergeRequest({ baseVersion: 1, into: kept.id })).catch((e: unknown) => e);
    expect(response).toMatchObject({ code: "INVALID", details: { disagreements: expect.arrayContaining([expect.stringMatching(/^Kazakhstan, ratification/)]) } });
  });

  it("refuses merging an agreement into one of its parts or into the agreement it is part of, and a party joined through the other", async () => {
    const t = tag();
    const whole = await create({ name: `Whole accord ${t}` });
    const part = await create({ name: `Part of the accord ${t}`, parentId: whole.id });
    const partOfPart = await create({ name: `Annex to the part ${t}`, parentId: part.id });
    const before = await everything();
    await expect(agreementWrites.merge({ actor: editor, id: whole.id, into: part.id, baseVersion: 1 })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { into: [`Choose another agreement: “Part of the accord ${t}” is part of “Whole accord ${t}”; merged into it, “Part of the accord ${t}” would be part of itself.`] },
    });
    await expect(agreementWrites.merge({ actor: editor, id: whole.id, into: partOfPart.id, baseVersion: 1 })).rejects.toMatchObject({
      fieldErrors: { into: [`Choose another agreement: “Annex to the part ${t}” is part of “Whole accord ${t}”; merged into it, “Annex to the part ${t}” would be part of itself.`] },
    });
    await expect(agreementWrites.merge({ actor: editor, id: partOfPart.id, into: whole.id, baseVersion: 1 })).rejects.toMatchObject({
      fieldErrors: { into: [`Choose another agreement: “Annex to the part ${t}” is part of “Whole accord ${t}”: an agreement and one of its parts are two instruments, not one recorded twice.`] },
    });
    expect(await everything()).toEqual(before);

    const declaration = await create({ name: `Joint Declaration ${t}`, kind: "JOINT_DECLARATION" });
    const accords = await create({ name: `Accords ${t}`, actions: [step("MA", "JOINED_THROUGH_RELATED_INSTRUMENT", "2020-12-22", { viaAgreementId: declaration.id })] });
    const through = await agreementWrites.merge({ actor: editor, id: declaration.id, into: accords.id, baseVersion: 1 }).catch((e: unknown) => e);
    expect((through as Error).message).toBe(`A party joined one through the other: merged, it would have joined “Accords ${t}” through itself. Record the step it took instead. Then merge again.`);
    expect(through).toMatchObject({ code: "INVALID", details: { disagreements: [`Morocco joined “Accords ${t}” through “Joint Declaration ${t}”.`] } });
    expect(await db.agreement.findUnique({ where: { id: declaration.id } })).not.toBeNull();
  });

  it("is for editors, refuses a version the editor did not see, and changes nothing", async () => {
    const t = tag();
    const [a, b] = [await create({ name: `Outer Space Treaty ${t}` }), await create({ name: `OST ${t}` })];
    await event(`ost-${t}`, { agreementId: b.id });
    const before = await everything();
    await expect(agreementWrites.merge({ actor: contributor, id: b.id, into: a.id, baseVersion: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mergeRecord("agreements", contributor, b.id, mergeRequest({ baseVersion: 1, into: a.id }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agreementWrites.merge({ actor: editor, id: b.id, into: a.id, baseVersion: 4 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(agreementWrites.merge({ actor: editor, id: b.id, into: b.id, baseVersion: 1 })).rejects.toMatchObject({ fieldErrors: { into: ["Choose another agreement: an agreement cannot be merged into itself."] } });
    await expect(agreementWrites.merge({ actor: editor, id: b.id, into: "nobody123", baseVersion: 1 })).rejects.toMatchObject({ fieldErrors: { into: ["Choose the agreement to keep from the list."] } });
    expect(await everything()).toEqual(before);
  });
});

describe("agreements surely recorded twice", () => {
  it("are those with one Wikidata id or one name without accents, until they are merged", async () => {
    const t = tag();
    const a = await create({ name: `Treaty of Tlatelolco ${t}`, wikidataId: "Q1193563" });
    const b = await create({ name: `Tlatelolco Treaty ${t}`, wikidataId: "Q1193563" });
    const c = await create({ name: `Traité de Pélindaba ${t}` });
    const d = await create({ name: `Traite de Pelindaba ${t}` });
    const mine = (await likelyDuplicates("agreements", 50)).filter((g) => g.records.some((r) => [a.id, c.id].includes(r.id)));
    expect(mine).toEqual([
      { reason: "the same name", records: [{ id: c.id, label: `Traité de Pélindaba ${t}` }, { id: d.id, label: `Traite de Pelindaba ${t}` }] },
      { reason: "the same Wikidata id Q1193563", records: [{ id: a.id, label: `Treaty of Tlatelolco ${t}` }, { id: b.id, label: `Tlatelolco Treaty ${t}` }] },
    ]);
    await agreementWrites.merge({ actor: editor, id: b.id, into: a.id, baseVersion: 1 });
    expect((await likelyDuplicates("agreements", 50)).some((g) => g.records.some((r) => r.id === a.id))).toBe(false);
  });
});

describe("a party's steps recorded on two agreements", () => {
  const row = (countryId: string, type: string, date: string, more: Partial<TreatyActionValues> = {}): TreatyActionValues => ({ id: "", countryId, type, date, note: "", eventId: "", viaAgreementId: "", unconfirmedNote: "", sources: [], ...more });

  it("pair a step on the same day before one on a day its date allows, and keep the kept one's note and event", () => {
    const kept = [row("KP", "WITHDRAWAL", "2003"), row("KP", "WITHDRAWAL", "2003-01-10", { note: "kept", eventId: "e1" })];
    const merged = mergeTreatyActions(kept, [row("KP", "WITHDRAWAL", "2003-01-10", { note: "theirs", eventId: "e2", unconfirmedNote: "u" })]);
    expect(merged.disagreements).toEqual([]);
    expect(merged.actions).toEqual([kept[0], { ...kept[1], unconfirmedNote: "u" }]);
  });

  it("are separate steps through separate instruments, and an undated step is the dated one", () => {
    const merged = mergeTreatyActions([row("MA", "JOINED_THROUGH_RELATED_INSTRUMENT", "2020", { viaAgreementId: "x" }), row("IL", "SIGNATURE", "")], [row("MA", "JOINED_THROUGH_RELATED_INSTRUMENT", "2021", { viaAgreementId: "y" }), row("IL", "SIGNATURE", "2020-09-15")]);
    expect(merged.disagreements).toEqual([]);
    expect(merged.actions.map((a) => [a.countryId, a.date, a.viaAgreementId])).toEqual([
      ["MA", "2020", "x"],
      ["IL", "2020-09-15", ""],
      ["MA", "2021", "y"],
    ]);
  });
});
