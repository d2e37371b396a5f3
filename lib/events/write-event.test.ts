import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestActor, testEventInput, testSource } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { describeAuditEntry, loadAuditNames } from "@/lib/audit/describe-audit";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import {
  createEvent,
  deleteEvent,
  publishEvent,
  publishEventChanges,
  restoreEventRevision,
  retractEvent,
  scheduleEvent,
  submitEventForReview,
  unpublishEvent,
  updateEvent,
  eventWorkflow,
} from "./write-event";

const actor = (role: Role) => createTestActor(role, { prefix: "events" });
const source = testSource;
const input = (overrides: Record<string, unknown> = {}) => testEventInput({ body: "The **call** took place.", ...overrides });

let contributor: Actor, otherContributor: Actor, editor: Actor;
beforeAll(async () => {
  [contributor, otherContributor, editor] = await Promise.all([actor("CONTRIBUTOR"), actor("CONTRIBUTOR"), actor("EDITOR")]);
});

const expectCode = async (promise: Promise<unknown>, code: string) => expect(promise).rejects.toMatchObject({ code });

describe("event workflow", () => {
  it("creates a draft with a slug from the title, a revision and an audit row", async () => {
    const created = await createEvent({ actor: contributor, input: input({ title: "Rubio meets Tokayev" }) });
    expect(created).toMatchObject({ slug: "rubio-meets-tokayev", version: 1, status: "DRAFT" });
    const again = await createEvent({ actor: contributor, input: input({ title: "Rubio meets Tokayev" }) });
    expect(again.slug).toBe("rubio-meets-tokayev-2");
    const row = await db.event.findUniqueOrThrow({ where: { id: created.id }, include: { participants: true, sources: true } });
    expect(row.participants).toHaveLength(1);
    expect(row.sources[0]?.url).toBe(source.url);
    expect(await db.revision.count({ where: { entityId: created.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "event.create", targetId: created.id } })).toBe(1);
  });

  it("refuses bad input with field errors and saves nothing", async () => {
    const before = await db.event.count();
    await expect(
      createEvent({
        actor: editor,
        input: input({ title: "", date: "2025-02-30", endDate: "2020-01-01", body: "x".repeat(2_000_000), extra: 1, sources: [{ url: "javascript:alert(1)", title: "x" }] }),
      }),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: expect.objectContaining({
        title: expect.any(Array),
        date: expect.any(Array),
        body: expect.any(Array),
        extra: expect.any(Array),
        "sources.0.url": ["Only http and https addresses are accepted."],
      }),
    });
    await expect(createEvent({ actor: editor, input: input({ date: "2025-11-06", endDate: "2025-11-01" }) })).rejects.toMatchObject({
      fieldErrors: { endDate: ["The end date cannot be before the start date."] },
    });
    await expect(createEvent({ actor: editor, input: input({ date: "", occurrence: "OCCURRED" }) })).rejects.toMatchObject({ code: "INVALID" });
    await expect(createEvent({ actor: editor, input: input({ localTime: "09:30", timeZone: "Mars/Olympus" }) })).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.event.count()).toBe(before);
    // A scheduled event may have no date yet (the promised signing ceremony).
    const ceremony = await createEvent({ actor: editor, input: input({ title: "Signing ceremony", date: "", occurrence: "SCHEDULED" }) });
    expect((await db.event.findUniqueOrThrow({ where: { id: ceremony.id } })).date).toBeNull();
  });

  it("refuses a parent that is the event itself or inside it", async () => {
    const summit = await createEvent({ actor: editor, input: input({ title: "C5+1 summit" }) });
    const meeting = await createEvent({ actor: editor, input: input({ title: "Side meeting", parentId: summit.id }) });
    await expectCode(updateEvent({ actor: editor, id: summit.id, baseVersion: 1, input: input({ title: "C5+1 summit", parentId: summit.id }) }), "INVALID");
    await expect(updateEvent({ actor: editor, id: summit.id, baseVersion: 1, input: input({ title: "C5+1 summit", parentId: meeting.id }) })).rejects.toMatchObject({
      fieldErrors: { parentId: [expect.stringContaining("loop")] },
    });
  });

  it("lets a contributor edit and submit only their own drafts, and never publish", async () => {
    const draft = await createEvent({ actor: contributor, input: input() });
    await expectCode(updateEvent({ actor: otherContributor, id: draft.id, baseVersion: 1, input: input({ title: "Hijacked" }) }), "FORBIDDEN");
    await expectCode(submitEventForReview({ actor: otherContributor, id: draft.id }), "FORBIDDEN");
    await expectCode(publishEvent({ actor: contributor, id: draft.id }), "FORBIDDEN");
    await expectCode(scheduleEvent({ actor: contributor, id: draft.id, at: new Date(Date.now() + 60_000) }), "FORBIDDEN");
    const saved = await updateEvent({ actor: contributor, id: draft.id, baseVersion: 1, input: input({ title: "Kazakhstan will join" }) });
    expect(saved).toMatchObject({ version: 2, slug: "kazakhstan-will-join" });
    const submitted = await submitEventForReview({ actor: contributor, id: draft.id, baseVersion: 2 });
    expect(submitted.status).toBe("IN_REVIEW");
    // Once in review the contributor's hands are off it.
    await expectCode(updateEvent({ actor: contributor, id: draft.id, baseVersion: 3, input: input() }), "FORBIDDEN");
    for (const attempt of [
      () => unpublishEvent({ actor: contributor, id: draft.id }),
      () => retractEvent({ actor: contributor, id: draft.id, reason: "no" }),
      () => publishEventChanges({ actor: contributor, id: draft.id, isMaterial: false }),
      () => restoreEventRevision({ actor: contributor, id: draft.id, baseVersion: 3, revisionVersion: 1 }),
      () => deleteEvent({ actor: contributor, id: draft.id }),
    ]) {
      await expectCode(attempt(), "FORBIDDEN");
    }
    const row = await db.event.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ status: "IN_REVIEW", version: 3, title: "Kazakhstan will join" });
  });

  it("needs a source to submit or publish", async () => {
    const draft = await createEvent({ actor: editor, input: input({ sources: [] }) });
    await expect(submitEventForReview({ actor: editor, id: draft.id })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { sources: expect.any(Array) } });
    await expectCode(publishEvent({ actor: editor, id: draft.id }), "INVALID");
    expect((await db.event.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("refuses a save based on a stale version, even when two race", async () => {
    const draft = await createEvent({ actor: editor, input: input() });
    await updateEvent({ actor: editor, id: draft.id, baseVersion: 1, input: input({ summary: "First" }) });
    await expectCode(updateEvent({ actor: editor, id: draft.id, baseVersion: 1, input: input({ summary: "Second" }) }), "CONFLICT");
    const results = await Promise.allSettled([
      updateEvent({ actor: editor, id: draft.id, baseVersion: 2, input: input({ summary: "Racer A" }) }),
      updateEvent({ actor: editor, id: draft.id, baseVersion: 2, input: input({ summary: "Racer B" }) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    const row = await db.event.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.version).toBe(3);
  });

  it("stages edits to a published event until an editor publishes them, with a correction", async () => {
    const draft = await createEvent({ actor: editor, input: input({ title: "Tokayev call" }) });
    const published = await publishEvent({ actor: editor, id: draft.id, baseVersion: 1 });
    expect(published.publicChange?.events).toEqual(["tokayev-call"]);
    const staged = await updateEvent({ actor: editor, id: draft.id, baseVersion: 2, input: input({ title: "Tokayev call, renamed", summary: "Corrected summary" }) });
    let row = await db.event.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ status: "PUBLISHED", summary: "Announced after a call.", title: "Tokayev call", slug: "tokayev-call" });
    expect(row.stagedData).toMatchObject({ summary: "Corrected summary" });

    await expectCode(publishEventChanges({ actor: editor, id: draft.id, baseVersion: staged.version, isMaterial: true, correctionNote: "" }), "INVALID");
    const done = await publishEventChanges({ actor: editor, id: draft.id, baseVersion: staged.version, isMaterial: true, correctionNote: "The summary misstated the date." });
    expect(done.publicChange).toMatchObject({ events: ["tokayev-call"], corrections: true });
    row = await db.event.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ summary: "Corrected summary", title: "Tokayev call, renamed", slug: "tokayev-call", stagedData: null });
    expect(await db.correction.findMany({ where: { eventId: draft.id } })).toMatchObject([{ note: "The summary misstated the date." }]);
    await expectCode(publishEventChanges({ actor: editor, id: draft.id, isMaterial: false }), "CONFLICT");
  });

  it("copies an event into a new draft as its form holds it, leaving the original alone", async () => {
    const summit = await createEvent({ actor: editor, input: input({ title: "Central Asia summit" }) });
    const call = await createEvent({ actor: editor, input: input({ title: "Call before the summit" }) });
    const original = await createEvent({
      actor: editor,
      input: input({ title: "First session of the summit", parentId: summit.id, ledToIds: [call.id], topicIds: [], sources: [source, { ...source, url: "https://example.org/second" }] }),
    });
    await publishEvent({ actor: editor, id: original.id, baseVersion: 1 });
    // A published event's staged changes are what its form holds: the copy starts from them.
    await updateEvent({ actor: editor, id: original.id, baseVersion: 2, input: input({ title: "First session, renamed", parentId: summit.id, ledToIds: [call.id], sources: [source] }) });
    const before = await db.event.findUniqueOrThrow({ where: { id: original.id }, select: { version: true, title: true, stagedData: true } });

    // A contributor may copy what the desk shows them.
    const copy = await eventWorkflow.copy({ actor: contributor, id: original.id });
    expect(copy).toMatchObject({ slug: "first-session-renamed-copy", version: 1, status: "DRAFT" });
    const row = await db.event.findUniqueOrThrow({ where: { id: copy.id }, include: { participants: true, sources: true, linksOut: true } });
    expect(row).toMatchObject({ title: "First session, renamed (copy)", parentId: summit.id, createdById: contributor.id, firstPublishedAt: null, stagedData: null });
    expect(row.participants).toHaveLength(1);
    expect(row.sources.map((s) => s.url)).toEqual([source.url]);
    // "Led to" is a fact about the original; a copy does not repeat it.
    expect(row.linksOut).toEqual([]);
    expect(await db.event.findUniqueOrThrow({ where: { id: original.id }, select: { version: true, title: true, stagedData: true } })).toEqual(before);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "event.create", targetId: copy.id } });
    expect(audit.summary).toMatchObject({ copiedFrom: original.id, copiedFromTitle: "First session of the summit" });
    expect((await db.revision.findFirstOrThrow({ where: { entityId: copy.id } })).note).toBe("Copied from “First session of the summit”");
    const { entries } = await listAuditEntries({ target: copy.id });
    const names = await loadAuditNames(entries);
    expect(describeAuditEntry(entries[0]!, names).map((p) => (typeof p === "string" ? p : p.text)).join("")).toMatch(/ created the event “First session, renamed \(copy\)” as a copy of “First session of the summit”\.$/);

    // A title at its limit stays within it; a missing event is not found.
    const long = await createEvent({ actor: editor, input: input({ title: "T".repeat(300) }) });
    expect((await db.event.findUniqueOrThrow({ where: { id: (await eventWorkflow.copy({ actor: editor, id: long.id })).id } })).title).toBe(`${"T".repeat(293)} (copy)`);
    await expectCode(eventWorkflow.copy({ actor: editor, id: "no-such-event" }), "NOT_FOUND");
  });

  it("schedules, unpublishes, retracts, and deletes only never-published drafts", async () => {
    const draft = await createEvent({ actor: contributor, input: input() });
    await expectCode(scheduleEvent({ actor: editor, id: draft.id, at: new Date(Date.now() - 1000) }), "INVALID");
    const scheduled = await scheduleEvent({ actor: editor, id: draft.id, at: new Date(Date.now() + 60_000) });
    expect(scheduled.status).toBe("SCHEDULED");
    await publishEvent({ actor: editor, id: draft.id });
    await expectCode(retractEvent({ actor: editor, id: draft.id, reason: "  " }), "INVALID");
    await unpublishEvent({ actor: editor, id: draft.id });
    // Back to draft, but it was published once: it cannot be deleted, even by its author.
    await expectCode(deleteEvent({ actor: editor, id: draft.id }), "CONFLICT");
    await publishEvent({ actor: editor, id: draft.id });
    const retracted = await retractEvent({ actor: editor, id: draft.id, reason: "The announcement was misreported." });
    expect(retracted.status).toBe("RETRACTED");
    expect(await db.event.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ retractionReason: "The announcement was misreported." });
    await expectCode(updateEvent({ actor: editor, id: draft.id, baseVersion: retracted.version, input: input() }), "CONFLICT");

    const fresh = await createEvent({ actor: contributor, input: input() });
    await expectCode(deleteEvent({ actor: otherContributor, id: fresh.id }), "FORBIDDEN");
    await deleteEvent({ actor: contributor, id: fresh.id });
    expect(await db.event.findUnique({ where: { id: fresh.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { action: "event.delete", targetId: fresh.id } })).toBe(1);
  });

  it("restores an earlier revision as a new revision", async () => {
    const draft = await createEvent({ actor: editor, input: input({ summary: "Version one" }) });
    await updateEvent({ actor: editor, id: draft.id, baseVersion: 1, input: input({ summary: "Version two" }) });
    const restored = await restoreEventRevision({ actor: editor, id: draft.id, baseVersion: 2, revisionVersion: 1 });
    expect(restored.version).toBe(3);
    expect((await db.event.findUniqueOrThrow({ where: { id: draft.id } })).summary).toBe("Version one");
    const revisions = await db.revision.findMany({ where: { entityId: draft.id }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => r.note)).toEqual(["Created", "Saved", "Restored version 1"]);
  });

  it("keeps a day's order, what an event led to, an approximate date and what is unconfirmed, through staging and restore", async () => {
    const call = await createEvent({ actor: editor, input: input({ title: "Trump–Netanyahu–Tokayev call", type: "PHONE_CALL", dayOrder: "2" }) });
    const announcement = await createEvent({ actor: editor, input: input({ title: "Announcement after the call", dayOrder: 3 }) });
    const meeting = await createEvent({
      actor: editor,
      input: input({ title: "Rubio meets Tokayev", type: "MEETING", dayOrder: "1", ledToIds: [call.id, call.id], unconfirmedNote: "That it was a breakfast is not confirmed." }),
    });
    expect(await db.event.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ dayOrder: 1, unconfirmedNote: "That it was a breakfast is not confirmed." });
    expect(await db.eventLink.findMany({ where: { fromEventId: meeting.id }, select: { toEventId: true, kind: true } })).toEqual([{ toEventId: call.id, kind: "LED_TO" }]);

    // Bad positions, a link to itself, to nothing, or back round a loop: field errors, nothing saved.
    for (const [overrides, field] of [
      [{ dayOrder: "first" }, "dayOrder"],
      [{ dayOrder: "1.5" }, "dayOrder"],
      // Number() reads all of these as a position (16, 10, 16, 16, 16, 1): only plain digits are one.
      [{ dayOrder: "0x10" }, "dayOrder"],
      [{ dayOrder: "1e1" }, "dayOrder"],
      [{ dayOrder: "16.0" }, "dayOrder"],
      [{ dayOrder: " 16" }, "dayOrder"],
      [{ dayOrder: "+16" }, "dayOrder"],
      [{ dayOrder: "0b1" }, "dayOrder"],
      [{ dayOrder: "١٦" }, "dayOrder"],
      [{ dayOrder: 100 }, "dayOrder"],
      [{ dayOrder: -1 }, "dayOrder"],
      [{ dayOrder: 2, date: "2025-11", datePrecision: "MONTH" }, "dayOrder"],
      [{ dateApproximate: "yes" }, "dateApproximate"],
      [{ ledToIds: ["no-such-event"] }, "ledToIds"],
      [{ ledToIds: ["<script>"] }, "ledToIds.0"],
      [{ unconfirmedNote: "x".repeat(501) }, "unconfirmedNote"],
    ] as const) {
      await expect(createEvent({ actor: editor, input: input(overrides) }), field).rejects.toMatchObject({ code: "INVALID", fieldErrors: { [field]: expect.any(Array) } });
    }
    await expect(updateEvent({ actor: editor, id: call.id, baseVersion: 1, input: input({ title: "Trump–Netanyahu–Tokayev call", ledToIds: [call.id] }) })).rejects.toMatchObject({
      fieldErrors: { ledToIds: ["An event cannot lead to itself."] },
    });
    const calledAgain = await updateEvent({ actor: editor, id: call.id, baseVersion: 1, input: input({ title: "Trump–Netanyahu–Tokayev call", dayOrder: 2, ledToIds: [announcement.id] }) });
    await expect(updateEvent({ actor: editor, id: announcement.id, baseVersion: 1, input: input({ title: "Announcement after the call", ledToIds: [meeting.id] }) })).rejects.toMatchObject({
      fieldErrors: { ledToIds: [expect.stringContaining("loop")] },
    });
    expect(await db.eventLink.count({ where: { fromEventId: announcement.id } })).toBe(0);

    // Published, an edit of the links waits with the other staged changes.
    await publishEvent({ actor: editor, id: call.id, baseVersion: calledAgain.version });
    const staged = await updateEvent({ actor: editor, id: call.id, baseVersion: calledAgain.version + 1, input: input({ title: "Trump–Netanyahu–Tokayev call", dayOrder: 2, ledToIds: [] }) });
    expect(await db.eventLink.count({ where: { fromEventId: call.id } })).toBe(1);
    await publishEventChanges({ actor: editor, id: call.id, baseVersion: staged.version, isMaterial: false });
    expect(await db.eventLink.count({ where: { fromEventId: call.id } })).toBe(0);
    // Restoring the revision from before brings the link back (staged, then published, as any edit).
    const restored = await restoreEventRevision({ actor: editor, id: call.id, baseVersion: staged.version + 1, revisionVersion: calledAgain.version });
    expect((await db.event.findUniqueOrThrow({ where: { id: call.id } })).stagedData).toMatchObject({ ledToIds: [announcement.id], dayOrder: 2 });
    await publishEventChanges({ actor: editor, id: call.id, baseVersion: restored.version, isMaterial: false });
    expect(await db.eventLink.findMany({ where: { fromEventId: call.id }, select: { toEventId: true } })).toEqual([{ toEventId: announcement.id }]);

    // The mid-1990s agreements: a year, approximately.
    const agreements = await createEvent({ actor: editor, input: input({ title: "Bilateral agreements", type: "AGREEMENT_SIGNED", date: "1995", datePrecision: "YEAR", dateApproximate: "on" }) });
    expect(await db.event.findUniqueOrThrow({ where: { id: agreements.id } })).toMatchObject({ dateApproximate: true, dayOrder: 0, datePrecision: "YEAR" });
    await expect(createEvent({ actor: editor, input: input({ date: "", occurrence: "SCHEDULED", dateApproximate: true }) })).rejects.toMatchObject({
      fieldErrors: { dateApproximate: expect.any(Array) },
    });
  });
});
