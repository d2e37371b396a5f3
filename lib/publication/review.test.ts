import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { eventWorkflow } from "@/lib/events/write-event";
import { createTestActor, testEventInput } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { countSentBack, latestReviewSteps } from "./review-queries";
import { availableTransitions } from "./transitions";

const actor = (role: Role) => createTestActor(role, { prefix: "review" });
const input = (title: string) => testEventInput({ title, participants: [] });

const steps = (entityId: string) => db.reviewStep.findMany({ where: { entityId }, orderBy: { createdAt: "asc" }, select: { action: true, note: true, actorId: true, version: true } });

let author: Actor, other: Actor, editor: Actor;
beforeAll(async () => {
  [author, other, editor] = await Promise.all([actor("CONTRIBUTOR"), actor("CONTRIBUTOR"), actor("EDITOR")]);
});

describe("the review conversation", () => {
  it("keeps each step with its note: submit → request changes → resubmit → publish", async () => {
    const { id } = await eventWorkflow.create({ actor: author, input: input("Tokayev meets Trump") });
    const submitted = await eventWorkflow.submit({ actor: author, id, baseVersion: 1, note: "  Please check the date.  " });
    expect(submitted.status).toBe("IN_REVIEW");

    // Only editors send it back, and only with a note saying what to change.
    await expect(eventWorkflow.requestChanges({ actor: other, id, baseVersion: submitted.version, note: "No." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(eventWorkflow.requestChanges({ actor: editor, id, baseVersion: submitted.version, note: "   " })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { note: [expect.stringContaining("Say what should change")] },
    });
    await expect(eventWorkflow.requestChanges({ actor: editor, id, baseVersion: submitted.version - 1, note: "Stale" })).rejects.toMatchObject({ code: "CONFLICT" });
    const back = await eventWorkflow.requestChanges({ actor: editor, id, baseVersion: submitted.version, note: "Add the White House readout." });
    expect(back.status).toBe("DRAFT");

    const again = await eventWorkflow.submit({ actor: author, id, baseVersion: back.version });
    const published = await eventWorkflow.publish({ actor: editor, id, baseVersion: again.version });
    expect(published.status).toBe("PUBLISHED");

    expect(await steps(id)).toEqual([
      { action: "submit", note: "Please check the date.", actorId: author.id, version: submitted.version },
      { action: "request_changes", note: "Add the White House readout.", actorId: editor.id, version: back.version },
      { action: "submit", note: null, actorId: author.id, version: again.version },
      { action: "publish", note: null, actorId: editor.id, version: published.version },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "event.request_changes", targetId: id } });
    expect(audit.summary).toMatchObject({ note: "Add the White House readout." });
  });

  it("lets the author, and only the author, withdraw an item from review", async () => {
    const { id } = await eventWorkflow.create({ actor: author, input: input("Rubio meets Tokayev") });
    const submitted = await eventWorkflow.submit({ actor: author, id, baseVersion: 1 });
    const row = await db.event.findUniqueOrThrow({ where: { id } });
    expect(availableTransitions(author, row)).toContain("withdraw");
    expect(availableTransitions(editor, row)).toEqual(expect.arrayContaining(["requestChanges", "publish"]));
    expect(availableTransitions(editor, row)).not.toContain("withdraw");
    await expect(eventWorkflow.withdraw({ actor: other, id, baseVersion: submitted.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(eventWorkflow.withdraw({ actor: editor, id, baseVersion: submitted.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const withdrawn = await eventWorkflow.withdraw({ actor: author, id, baseVersion: submitted.version, note: "Found a better source." });
    expect(withdrawn.status).toBe("DRAFT");
    // Not in review any more: nothing to withdraw or send back.
    await expect(eventWorkflow.withdraw({ actor: author, id, baseVersion: withdrawn.version })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(eventWorkflow.requestChanges({ actor: editor, id, baseVersion: withdrawn.version, note: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await steps(id)).map((s) => [s.action, s.note])).toEqual([
      ["submit", null],
      ["withdraw", "Found a better source."],
    ]);
  });

  it("refuses a note with control characters and changes nothing", async () => {
    const { id } = await eventWorkflow.create({ actor: author, input: input("Bad note") });
    await expect(eventWorkflow.submit({ actor: author, id, baseVersion: 1, note: "bad\u0000note" })).rejects.toMatchObject({ code: "INVALID" });
    expect((await db.event.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    expect(await steps(id)).toEqual([]);
  });

  it("tells an author, editor or not, which drafts came back and why, until they are submitted again", async () => {
    const writer = await createTestActor("EDITOR", { prefix: "review", name: "Aida Author" });
    const reviewer = await createTestActor("EDITOR", { prefix: "review", name: "Eldar Reviewer" });
    const { id } = await eventWorkflow.create({ actor: writer, input: input("An editor's own draft") });
    const { id: untouched } = await eventWorkflow.create({ actor: writer, input: input("Never submitted") });
    const submitted = await eventWorkflow.submit({ actor: writer, id, baseVersion: 1, note: "Readouts attached." });
    const items = [{ kind: "EVENT" as const, id }, { kind: "EVENT" as const, id: untouched }];
    expect((await latestReviewSteps(items)).get(`EVENT:${id}`)).toMatchObject({ action: "submit", by: "Aida Author", note: "Readouts attached." });

    const back = await eventWorkflow.requestChanges({ actor: reviewer, id, baseVersion: submitted.version, note: "Name the second minister." });
    const latest = await latestReviewSteps(items);
    expect(latest.get(`EVENT:${id}`)).toMatchObject({ action: "request_changes", by: "Eldar Reviewer", note: "Name the second minister." });
    expect(latest.has(`EVENT:${untouched}`)).toBe(false);
    expect(await countSentBack(writer.id)).toBe(1);

    await eventWorkflow.submit({ actor: writer, id, baseVersion: back.version });
    expect((await latestReviewSteps(items)).get(`EVENT:${id}`)?.action).toBe("submit");
    expect(await countSentBack(writer.id)).toBe(0);
    expect(await latestReviewSteps([])).toEqual(new Map());
  });
});
