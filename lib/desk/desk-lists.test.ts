import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { eventWorkflow } from "@/lib/events/write-event";
import { listDeskEvents } from "@/lib/events/desk-queries";
import type { Role } from "@/lib/generated/prisma/enums";
import { listDeskStatements } from "@/lib/statements/desk-queries";
import { statementWorkflow } from "@/lib/statements/write-statement";
import { createTestActor, testEventInput, testStatementInput } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { runBulkAction } from "./bulk";
import { parseDeskListQuery } from "./list-query";

const actor = (role: Role, name?: string) => createTestActor(role, { prefix: "lists", name });
const eventInput = (title: string, overrides: Record<string, unknown> = {}) => testEventInput({ title, participants: [], ...overrides });
const statementInput = (title: string, overrides: Record<string, unknown> = {}) => testStatementInput({ title, ...overrides });

const titles = async (params: Record<string, string>, kind: "events" | "statements" = "events") => {
  const list = kind === "events" ? await listDeskEvents(parseDeskListQuery(params)) : await listDeskStatements(parseDeskListQuery(params));
  return list.rows.map((r) => r.title).sort();
};

let author: Actor, otherAuthor: Actor, editor: Actor;
let tokayevId: string;
beforeAll(async () => {
  [author, otherAuthor, editor] = await Promise.all([actor("CONTRIBUTOR", "Aigerim Author"), actor("CONTRIBUTOR"), actor("EDITOR")]);
  tokayevId = (await db.person.create({ data: { name: "Kassym-Jomart Tokayev", slug: "kassym-jomart-tokayev-lists" } })).id;
});

describe("desk lists of events and statements", () => {
  beforeAll(async () => {
    await eventWorkflow.create({ actor: author, input: eventInput("Uranium talks in Astana", { body: "Both sides discussed **centrifuges**.", type: "MEETING", date: "2025-03-02" }) });
    await eventWorkflow.create({ actor: otherAuthor, input: eventInput("Call with the White House", { type: "PHONE_CALL", participants: [{ role: "HOST", personId: tokayevId }, { role: "PARTICIPANT", countryId: "US" }] }) });
    const published = await eventWorkflow.create({ actor: otherAuthor, input: eventInput("Sanctions on 50% of exports", { type: "SANCTIONS", date: "2024-12-31" }) });
    await eventWorkflow.publish({ actor: editor, id: published.id });
    await statementWorkflow.create({ actor: author, input: statementInput("Tokayev on the accords", { speakerId: tokayevId, speakerLabel: "", medium: "PRESS_CONFERENCE" }) });
    await statementWorkflow.create({ actor: otherAuthor, input: statementInput("Ministry on centrifuges", { text: "We have no centrifuges to speak of", countryIds: ["UZ"] }) });
  });

  it("finds words anywhere in the text by full-text search, drafts included, stemmed and by prefix", async () => {
    expect(await titles({ q: "centrifuge" })).toEqual(["Uranium talks in Astana"]);
    expect(await titles({ q: "urani" })).toEqual(["Uranium talks in Astana"]);
    expect(await titles({ q: "\"uranium talks\" -sanctions" })).toEqual(["Uranium talks in Astana"]);
    expect(await titles({ q: "centrifuges" }, "statements")).toEqual(["Ministry on centrifuges"]);
  });

  it("finds an event by the people and countries taking part, a statement by its speaker and countries", async () => {
    expect(await titles({ q: "Tokay" })).toEqual(["Call with the White House"]);
    expect(await titles({ q: "united states" })).toEqual(["Call with the White House"]);
    expect(await titles({ q: "Tokayev" }, "statements")).toEqual(["Tokayev on the accords"]);
    expect(await titles({ q: "Uzbekistan" }, "statements")).toEqual(["Ministry on centrifuges"]);
  });

  it("treats % and _ as the letters typed, and an exact id as that item", async () => {
    expect(await titles({ q: "50%" })).toEqual(["Sanctions on 50% of exports"]);
    expect(await titles({ q: "%" })).toEqual([]);
    const [one] = (await listDeskEvents(parseDeskListQuery({ q: "urani" }))).rows;
    expect(await titles({ q: one!.id })).toEqual(["Uranium talks in Astana"]);
  });

  it("filters by status, type, kind, author, country and date range, together with the words", async () => {
    expect(await titles({ status: "PUBLISHED" })).toEqual(["Sanctions on 50% of exports"]);
    expect(await titles({ type: "PHONE_CALL" })).toEqual(["Call with the White House"]);
    expect(await titles({ kind: "PRESS_CONFERENCE" }, "statements")).toEqual(["Tokayev on the accords"]);
    expect(await titles({ author: author.id })).toEqual(["Uranium talks in Astana"]);
    expect(await titles({ author: author.id }, "statements")).toEqual(["Tokayev on the accords"]);
    expect(await titles({ country: "us" })).toEqual(["Call with the White House"]);
    expect(await titles({ country: "UZ" }, "statements")).toEqual(["Ministry on centrifuges"]);
    expect(await titles({ from: "2025-01-01", to: "2025-03" })).toEqual(["Uranium talks in Astana"]);
    expect(await titles({ from: "2025", status: "DRAFT", q: "White House" })).toEqual(["Call with the White House"]);
    expect(await titles({ to: "2024" })).toEqual(["Sanctions on 50% of exports"]);
  });

  it("drops an author or country that does not exist and says so, instead of an empty list", async () => {
    const list = await listDeskEvents(parseDeskListQuery({ author: "cm0000000000000000000000", country: "XX", q: "urani" }));
    expect(list.query.problems).toEqual({ author: "There is no such author: choose one from the list.", country: "There is no country with the code XX." });
    expect(list.rows.map((r) => r.title)).toEqual(["Uranium talks in Astana"]);
  });

  it("counts every match and pages them, newest change first", async () => {
    const all = await listDeskEvents(parseDeskListQuery({}));
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.title)[0]).toBe("Sanctions on 50% of exports");
    expect((await listDeskEvents(parseDeskListQuery({ page: "2" }))).rows).toEqual([]);
  });
});

describe("bulk actions from a desk list", () => {
  const status = async (id: string) => (await db.event.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
  const audits = (id: string, action: string) => db.auditLog.count({ where: { targetId: id, action } });
  const revisions = (id: string) => db.revision.count({ where: { entityId: id } });

  it("publishes what it may and says, item by item, why it refused the rest", async () => {
    const ready = await eventWorkflow.create({ actor: author, input: eventInput("Ready to publish") });
    const inReview = await eventWorkflow.create({ actor: author, input: eventInput("In review") });
    const reviewed = await eventWorkflow.submit({ actor: author, id: inReview.id, baseVersion: 1 });
    const noSources = await eventWorkflow.create({ actor: author, input: eventInput("No sources yet", { sources: [] }) });
    const live = await eventWorkflow.create({ actor: author, input: eventInput("Already live") });
    await eventWorkflow.publish({ actor: editor, id: live.id });
    const stale = await eventWorkflow.create({ actor: author, input: eventInput("Changed meanwhile") });
    await eventWorkflow.update({ actor: author, id: stale.id, baseVersion: 1, input: eventInput("Changed meanwhile", { summary: "Edited after the list loaded." }) });
    const revisionsBefore = await revisions(noSources.id);

    const results = await runBulkAction("events", editor, {
      action: "publish",
      items: [
        { id: ready.id, version: 1 },
        { id: inReview.id, version: reviewed.version },
        { id: noSources.id, version: 1 },
        { id: live.id },
        { id: stale.id, version: 1 },
        { id: "cm0000000000000000000000" },
        { id: "../../etc/passwd" },
        { id: ready.id, version: 1 },
      ],
    });
    expect(results).toEqual([
      { id: ready.id, title: "Ready to publish", ok: true, status: "PUBLISHED" },
      { id: inReview.id, title: "In review", ok: true, status: "PUBLISHED" },
      { id: noSources.id, title: "No sources yet", ok: false, code: "INVALID", message: "Add at least one source before this event goes to review or is published." },
      { id: live.id, title: "Already live", ok: false, code: "CONFLICT", message: "This event is published: you cannot publish it now." },
      { id: stale.id, title: "Changed meanwhile", ok: false, code: "CONFLICT", message: "Someone changed this event after the list was loaded: it was not changed. Reload the list and try again." },
      { id: "cm0000000000000000000000", title: null, ok: false, code: "NOT_FOUND", message: "There is no such event." },
      { id: "../../etc/passwd", title: null, ok: false, code: "NOT_FOUND", message: "There is no such event." },
    ]);
    // Each success went through the workflow (revision, audit row); each refusal changed nothing.
    expect([await status(ready.id), await status(inReview.id), await status(noSources.id), await status(stale.id)]).toEqual(["PUBLISHED", "PUBLISHED", "DRAFT", "DRAFT"]);
    expect(await audits(ready.id, "event.publish")).toBe(1);
    expect(await audits(noSources.id, "event.publish")).toBe(0);
    expect(await revisions(noSources.id)).toBe(revisionsBefore);
    expect(await db.reviewStep.count({ where: { entityId: ready.id, action: "publish" } })).toBe(1);
  });

  it("checks the role on every item: a contributor cannot publish or unpublish, and submits only their own drafts", async () => {
    const mine = await eventWorkflow.create({ actor: author, input: eventInput("My draft") });
    const theirs = await eventWorkflow.create({ actor: otherAuthor, input: eventInput("Their draft") });
    const refusedPublish = await runBulkAction("events", author, { action: "publish", items: [{ id: mine.id }, { id: theirs.id }] });
    expect(refusedPublish.map((r) => (r.ok ? "ok" : r.code))).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect(refusedPublish[0]).toMatchObject({ message: "You do not have permission to do that: your role (contributor) may not publish this item." });

    const submitted = await runBulkAction("events", author, { action: "submit", items: [{ id: mine.id, version: 1 }, { id: theirs.id, version: 1 }] });
    expect(submitted.map((r) => (r.ok ? r.status : r.code))).toEqual(["IN_REVIEW", "FORBIDDEN"]);
    expect([await status(mine.id), await status(theirs.id)]).toEqual(["IN_REVIEW", "DRAFT"]);
    expect(await db.reviewStep.count({ where: { entityId: mine.id, action: "submit" } })).toBe(1);
  });

  it("unpublishes statements back to draft, and refuses drafts", async () => {
    const live = await statementWorkflow.create({ actor: author, input: statementInput("Live statement") });
    await statementWorkflow.publish({ actor: editor, id: live.id });
    const draft = await statementWorkflow.create({ actor: author, input: statementInput("Draft statement") });
    const results = await runBulkAction("statements", editor, { action: "unpublish", items: [{ id: live.id }, { id: draft.id }] });
    expect(results).toEqual([
      { id: live.id, title: "Live statement", ok: true, status: "DRAFT" },
      { id: draft.id, title: "Draft statement", ok: false, code: "CONFLICT", message: "This statement is draft: you cannot unpublish it now." },
    ]);
    expect(await audits(live.id, "statement.unpublish")).toBe(1);
  });

  it("is only for kinds with a workflow, and names an unknown kind", async () => {
    await expect(runBulkAction("people", editor, { action: "publish", items: [{ id: tokayevId }] })).rejects.toMatchObject({ code: "INVALID" });
    await expect(runBulkAction("__proto__", editor, { action: "publish", items: [{ id: tokayevId }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

// Last: its items would change the counts of the lists above.
describe("desk lists of events and statements, by names with accents", () => {
  it("finds a name however its accents are typed, from three letters", async () => {
    const erdogan = await db.person.create({ data: { name: "Recep Tayyip Erdoğan", slug: "recep-tayyip-erdogan-lists" } });
    await eventWorkflow.create({ actor: author, input: eventInput("A call on grain exports", { type: "PHONE_CALL", participants: [{ role: "HOST", personId: erdogan.id }] }) });
    await statementWorkflow.create({ actor: author, input: statementInput("Ankara on the corridor", { speakerId: erdogan.id, speakerLabel: "", countryIds: ["TR"] }) });
    for (const q of ["Erdogan", "ERDOĞAN", "erdog"]) expect(await titles({ q }), q).toEqual(["A call on grain exports"]);
    expect(await titles({ q: "Erdogan" }, "statements")).toEqual(["Ankara on the corridor"]);
    expect(await titles({ q: "Turkiye" }, "statements")).toEqual(["Ankara on the corridor"]);
    expect(await titles({ q: "Türkiye" }, "statements")).toEqual(["Ankara on the corridor"]);
  });
});
