import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAgreement } from "@/lib/agreements/agreement-record";
import { createEvent, scheduleEvent } from "@/lib/events/write-event";
import { createOrganization } from "@/lib/organizations/organization-record";
import { createPerson } from "@/lib/people/person-record";
import { createStatement } from "@/lib/statements/write-statement";
import { createTopic } from "@/lib/topics/topic-record";

/**
 * The attack of hardening items 2 and 3, against every kind of desk record:
 * text the database cannot store, and dates it stores but cannot give back.
 * Each must be refused at the field, with nothing written.
 */
let editor: { id: string; email: string; role: "EDITOR" };
beforeAll(async () => {
  const user = await db.user.create({ data: { email: "editor@bad-input.test", name: "Editor", role: "EDITOR" } });
  editor = { id: user.id, email: user.email, role: "EDITOR" };
});

const source = { url: "https://www.reuters.com/world/", title: "Reuters" };
const writes = {
  event: (text: string) => createEvent({ actor: editor, input: { title: text, summary: "S", type: "MEETING", date: "2025-11-06", sources: [source] } }),
  statement: (text: string) =>
    createStatement({ actor: editor, input: { title: "Headline", text, language: "en", speakerLabel: "an official", medium: "READOUT", sources: [source] } }),
  person: (text: string) => createPerson({ actor: editor, input: { name: text } }),
  organization: (text: string) => createOrganization({ actor: editor, input: { name: "Org", acronym: text, kind: "INTERGOVERNMENTAL" } }),
  topic: (text: string) => createTopic({ actor: editor, input: { name: "Topic", description: text } }),
  agreement: (text: string) => createAgreement({ actor: editor, input: { name: "Accord", kind: "TREATY", sources: [{ ...source, title: text }] } }),
};
const field = { event: "title", statement: "text", person: "name", organization: "acronym", topic: "description", agreement: "sources.0.title" };

async function counts() {
  const [events, statements, people, organizations, topics, agreements, revisions, audit] = await Promise.all([
    db.event.count(),
    db.statement.count(),
    db.person.count(),
    db.organization.count(),
    db.topic.count(),
    db.agreement.count(),
    db.revision.count(),
    db.auditLog.count(),
  ]);
  return { events, statements, people, organizations, topics, agreements, revisions, audit };
}

describe("text that cannot be stored", () => {
  const kinds = Object.keys(writes) as Array<keyof typeof writes>;
  const texts = [
    ["a NUL", "Kazakhstan\u0000joins"],
    ["a control character", "Kazakhstan\u001bjoins"],
    ["a lone surrogate", "Kazakhstan joins \ud83d"],
  ] as const;

  for (const kind of kinds) {
    it.each(texts)(`is refused in a ${kind} (%s) at the field, and nothing is written`, async (_what, text) => {
      const before = await counts();
      const error = await writes[kind](text).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "INVALID" });
      const messages = (error as { fieldErrors: Record<string, string[]> }).fieldErrors[field[kind]];
      expect(messages?.[0]).toMatch(/character/);
      expect(await counts()).toEqual(before);
    });
  }
});

describe("dates out of range", () => {
  it("refuses a record date past 2999 and a schedule in year 10000, writing nothing", async () => {
    const before = await counts();
    await expect(writes.event("Far future").then(() => null)).resolves.toBeNull();
    const event = await db.event.findFirstOrThrow({ where: { title: "Far future" } });
    const afterCreate = await counts();
    expect(afterCreate.events).toBe(before.events + 1);

    await expect(
      createEvent({ actor: editor, input: { title: "Year 3000", summary: "S", type: "MEETING", date: "3000-01-01", sources: [source] } }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { date: ["Use a year between 1000 and 2999."] } });
    await expect(createPerson({ actor: editor, input: { name: "Old office", offices: [{ title: "King", start: "0800" }] } })).rejects.toMatchObject({ code: "INVALID" });

    const at = new Date("+010000-01-01T00:00:00Z");
    await expect(scheduleEvent({ actor: editor, id: event.id, baseVersion: 1, at })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { scheduledAt: ["Choose a time within the next 5 years."] },
    });
    expect(await counts()).toEqual(afterCreate);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("DRAFT");
  });
});

describe("a form that is not an object", () => {
  // The cross-field checks run even when fields failed (ALWAYS), and read the form's fields:
  // `{ "input": null }` made them read a property of null, a 500 instead of a refusal.
  const kinds = Object.keys(writes) as Array<keyof typeof writes>;
  const creates = {
    event: (input: unknown) => createEvent({ actor: editor, input }),
    statement: (input: unknown) => createStatement({ actor: editor, input }),
    person: (input: unknown) => createPerson({ actor: editor, input }),
    organization: (input: unknown) => createOrganization({ actor: editor, input }),
    topic: (input: unknown) => createTopic({ actor: editor, input }),
    agreement: (input: unknown) => createAgreement({ actor: editor, input }),
  } satisfies Record<keyof typeof writes, unknown>;
  for (const kind of kinds) {
    it.each([
      ["null", null],
      ["nothing", undefined],
      ["a string", "title"],
      ["an array", []],
    ])(`is refused for a ${kind} (%s), and nothing is written`, async (_what, input) => {
      const before = await counts();
      await expect(creates[kind](input)).rejects.toMatchObject({ code: "INVALID" });
      expect(await counts()).toEqual(before);
    });
  }

  it.each([
    ["a participant", { participants: [null] }],
    ["a source", { sources: [null] }],
  ])("nor is %s that is null inside an event", async (_what, fields) => {
    const before = await counts();
    await expect(createEvent({ actor: editor, input: { title: "Null inside", summary: "S", type: "MEETING", date: "2025-11-06", sources: [source], ...fields } })).rejects.toMatchObject({ code: "INVALID" });
    expect(await counts()).toEqual(before);
  });
});
