import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { eventWorkflow } from "@/lib/events/write-event";
import { createTestActor, expectAppError, testEventInput } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { notePresence, openByOthers, PRESENCE_TIMEOUT_SECONDS, PresenceRequestSchema } from "./presence";

let author: Actor, editor: Actor, gone: Actor;
let eventId: string;
beforeAll(async () => {
  [author, editor, gone] = await Promise.all([
    createTestActor("CONTRIBUTOR", { prefix: "presence", name: "Aigerim Author" }),
    createTestActor("EDITOR", { prefix: "presence", name: "Eldar Editor" }),
    createTestActor("EDITOR", { prefix: "presence", name: "Deactivated Editor" }),
  ]);
  eventId = (await eventWorkflow.create({ actor: author, input: testEventInput({ title: "Presence event", participants: [] }) })).id;
});

const here = (actor: Actor, id = eventId, plural = "events") => notePresence({ plural, id, actor });
const namesOf = async (actor: Actor, id?: string, plural?: string) => (await here(actor, id, plural)).map((other) => other.name);
const rowOf = (actor: Actor) => db.deskPresence.findUniqueOrThrow({ where: { kind_entityId_userId: { kind: "events", entityId: eventId, userId: actor.id } } });
/** Moves someone's last word back in time, as a page that stopped answering would leave it. */
const silentFor = (actor: Actor, seconds: number) =>
  db.deskPresence.update({ where: { kind_entityId_userId: { kind: "events", entityId: eventId, userId: actor.id } }, data: { seenAt: new Date(Date.now() - seconds * 1000) } });

describe("who else has a desk record open", () => {
  it("tells each person on the page who else is there, never themselves, and keeps when they opened it", async () => {
    expect(await namesOf(author)).toEqual([]);
    expect(await here(editor)).toEqual([{ name: "Aigerim Author", role: "CONTRIBUTOR", openedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }]);
    expect(await namesOf(author)).toEqual(["Eldar Editor"]);
    // A heartbeat keeps the time the page was opened.
    const opened = (await rowOf(author)).openedAt;
    await here(author);
    expect((await rowOf(author)).openedAt).toEqual(opened);
    // Another record is another room.
    const other = (await eventWorkflow.create({ actor: author, input: testEventInput({ title: "Presence elsewhere", participants: [] }) })).id;
    expect(await namesOf(editor, other)).toEqual([]);
  });

  it("counts a page that stopped answering as closed, and its return as newly opened", async () => {
    await here(author);
    await here(editor);
    await silentFor(editor, PRESENCE_TIMEOUT_SECONDS - 10);
    expect(await namesOf(author)).toEqual(["Eldar Editor"]);
    await silentFor(editor, PRESENCE_TIMEOUT_SECONDS + 5);
    expect(await namesOf(author)).toEqual([]);
    const before = (await rowOf(editor)).openedAt;
    await here(editor);
    expect((await rowOf(editor)).openedAt.getTime()).toBeGreaterThan(before.getTime());
    expect(await namesOf(author)).toEqual(["Eldar Editor"]);
  });

  it("takes back a page silent for over an hour (a laptop shut over lunch) as newly opened, in one statement", async () => {
    await here(author);
    const long = await silentFor(author, 2 * 3600);
    await here(author);
    const back = await rowOf(author);
    expect(back.openedAt.getTime()).toBeGreaterThan(long.openedAt.getTime());
    expect(back.seenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("forgets a person who leaves the page at once", async () => {
    await here(editor);
    expect(await namesOf(author)).toEqual(["Eldar Editor"]);
    expect(await notePresence({ plural: "events", id: eventId, actor: editor, leaving: true })).toEqual([]);
    expect(await namesOf(author)).toEqual([]);
    expect(await db.deskPresence.count({ where: { entityId: eventId, userId: editor.id } })).toBe(0);
  });

  it("leaves out deactivated accounts, and prunes rows an hour old", async () => {
    await here(gone);
    await db.user.update({ where: { id: gone.id }, data: { isActive: false } });
    expect(await namesOf(author)).not.toContain("Deactivated Editor");
    const old = await db.deskPresence.create({ data: { kind: "topics", entityId: "long-closed-page", userId: editor.id, seenAt: new Date(Date.now() - 2 * 3600_000) } });
    await here(author);
    expect(await db.deskPresence.findUnique({ where: { kind_entityId_userId: { kind: old.kind, entityId: old.entityId, userId: old.userId } } })).toBeNull();
  });

  it("works for every kind of record, and refuses records, kinds and requests that are not there", async () => {
    const person = await db.person.create({ data: { name: "Presence Person", slug: `presence-person-${Date.now()}` } });
    await here(editor, person.id, "people");
    expect(await namesOf(author, person.id, "people")).toEqual(["Eldar Editor"]);
    await expectAppError(here(author, "c".repeat(25)), "NOT_FOUND");
    await expectAppError(here(author, "../admin"), "NOT_FOUND");
    await expectAppError(here(author, eventId, "users"), "NOT_FOUND");
    await expectAppError(here(author, person.id, "events"), "NOT_FOUND");
    expect(await db.deskPresence.count({ where: { userId: author.id, entityId: { in: ["c".repeat(25), "../admin"] } } })).toBe(0);
    expect(PresenceRequestSchema.safeParse({ leaving: "yes" }).success).toBe(false);
    expect(PresenceRequestSchema.safeParse({ leaving: true, extra: 1 }).success).toBe(false);
    expect(PresenceRequestSchema.safeParse({}).success).toBe(true);
  });

  it("tells a list which of its records someone else has open, and by whom", async () => {
    const quiet = (await eventWorkflow.create({ actor: author, input: testEventInput({ title: "Presence quiet", participants: [] }) })).id;
    await notePresence({ plural: "events", id: eventId, actor: editor, leaving: true });
    await notePresence({ plural: "events", id: eventId, actor: author, leaving: true });
    await here(editor);
    await here(author);
    const seenByAuthor = await openByOthers("events", [eventId, quiet], author.id);
    expect([...seenByAuthor]).toEqual([[eventId, ["Eldar Editor"]]]);
    const seenByOther = await openByOthers("events", [eventId, quiet], gone.id);
    expect(seenByOther.get(eventId)).toEqual(["Eldar Editor", "Aigerim Author"]);
    // The kind is part of the room; a page gone silent is not open; an empty list asks nothing.
    expect((await openByOthers("statements", [eventId], author.id)).size).toBe(0);
    await silentFor(editor, PRESENCE_TIMEOUT_SECONDS + 5);
    expect((await openByOthers("events", [eventId], author.id)).size).toBe(0);
    expect((await openByOthers("events", [], author.id)).size).toBe(0);
  });
});
