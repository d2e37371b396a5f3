import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAgreement } from "@/lib/agreements/agreement-record";
import { createRecord, saveRecord } from "@/lib/desk/routes";
import { createEvent, scheduleEvent, updateEvent } from "@/lib/events/write-event";
import { importFile } from "@/lib/import/run-import";
import { planImport } from "@/lib/import/plan-import";
import { likelyDuplicates } from "@/lib/desk/likely-duplicates";
import { searchEntities } from "@/lib/lookup/search-entities";
import { InviteUserInputSchema } from "@/lib/users/schemas";
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

describe("the same participant or source given twice", () => {
  // Stored twice, each was shown twice on the event's page and counted twice in its feeds.
  const event = (overrides: Record<string, unknown>) => ({ title: "Twice", summary: "S", type: "MEETING", date: "2025-11-06", sources: [source], ...overrides });
  const refusedAt = async (promise: Promise<unknown>, field: string, message: RegExp) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID" });
    const fieldErrors = (error as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fieldErrors[field], JSON.stringify(fieldErrors)).toEqual([expect.stringMatching(message)]);
  };
  let person: { id: string };
  let organization: { id: string };
  beforeAll(async () => {
    person = await createPerson({ actor: editor, input: { name: "Twice Named" } });
    organization = await createOrganization({ actor: editor, input: { name: "Twice Council", kind: "INTERGOVERNMENTAL" } });
  });

  it.each([
    ["a country", { countryId: "KZ" }, "participants.2.countryId", /country is already a participant above with the same role/],
    ["a person", { personId: "" }, "participants.2.personId", /person is already a participant above with the same role/],
    ["an organization", { organizationId: "" }, "participants.2.organizationId", /organization is already a participant above with the same role/],
  ])("refuses %s given twice with the same role, at the second, and writes nothing", async (_what, ref, field, message) => {
    const filled = "personId" in ref ? { personId: person.id } : "organizationId" in ref ? { organizationId: organization.id } : ref;
    const participants = [{ role: "HOST", ...filled }, { role: "PARTICIPANT", countryId: "IL" }, { role: "HOST", ...filled }];
    const before = await counts();
    await refusedAt(createEvent({ actor: editor, input: event({ participants }) }), field, message);
    expect(await counts()).toEqual(before);
  });

  it("keeps one participant in two roles (Morocco hosted the signing and signed), and refuses a repeat on save too", async () => {
    const participants = [{ role: "HOST", countryId: "MA" }, { role: "SIGNATORY", countryId: "MA" }, { role: "SIGNATORY", personId: person.id }];
    const created = await createEvent({ actor: editor, input: event({ title: "Signing in Rabat", type: "AGREEMENT_SIGNED", participants }) });
    expect(await db.eventParticipant.count({ where: { eventId: created.id } })).toBe(3);
    const before = await counts();
    await refusedAt(
      updateEvent({ actor: editor, id: created.id, baseVersion: 1, input: event({ title: "Signing in Rabat", type: "AGREEMENT_SIGNED", participants: [...participants, { role: "SIGNATORY", personId: person.id }] }) }),
      "participants.3.personId",
      /already a participant above/,
    );
    expect(await counts()).toEqual(before);
    expect(await db.eventParticipant.count({ where: { eventId: created.id } })).toBe(3);
  });

  it("refuses one page given twice as a source of an event, a statement, an agreement or a party's step, at the second address", async () => {
    // The same page, written with the host in capitals, its default port or a place in it.
    const again = [
      { url: "https://www.reuters.com/world/", title: "Reuters" },
      { url: "https://WWW.Reuters.com:443/world/#para-3", title: "Reuters again" },
    ];
    const before = await counts();
    const message = /already a source above/;
    await refusedAt(createEvent({ actor: editor, input: event({ sources: again }) }), "sources.1.url", message);
    await refusedAt(
      createStatement({ actor: editor, input: { title: "Headline", text: "Words", language: "en", speakerLabel: "an official", medium: "READOUT", sources: again } }),
      "sources.1.url",
      message,
    );
    await refusedAt(createAgreement({ actor: editor, input: { name: "Twice Accord", kind: "TREATY", sources: again } }), "sources.1.url", message);
    await refusedAt(createAgreement({ actor: editor, input: { name: "Twice Accord", kind: "TREATY", actions: [{ countryId: "KZ", type: "SIGNATURE", sources: again }] } }), "actions.0.sources.1.url", message);
    expect(await counts()).toEqual(before);
  });

  it("keeps two pages of one site, and names every problem at once", async () => {
    const created = await createEvent({ actor: editor, input: event({ sources: [source, { url: "https://www.reuters.com/world/asia/", title: "Reuters Asia" }] }) });
    expect(await db.source.count({ where: { eventId: created.id } })).toBe(2);
    const error = await createEvent({ actor: editor, input: event({ title: "", sources: [source, { ...source, title: "" }] }) }).catch((e: unknown) => e);
    expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors).toMatchObject({ title: [expect.any(String)], "sources.1.title": [expect.any(String)], "sources.1.url": [expect.stringMatching(/already a source above/)] });
  });

  it("is refused through the desk's JSON routes as a field error, never a 500", async () => {
    const request = (body: unknown) => new Request("http://desk.test/api/desk/events", { method: "POST", body: JSON.stringify(body), headers: { host: "desk.test", "content-type": "application/json" } });
    const before = await counts();
    const participants = [{ role: "HOST", countryId: "KZ" }, { role: "HOST", countryId: "KZ" }];
    await refusedAt(createRecord("events", editor, request({ input: event({ participants }) })), "participants.1.countryId", /already a participant above/);
    const created = await createEvent({ actor: editor, input: event({ title: "Saved through the route" }) });
    await refusedAt(saveRecord("events", editor, created.id, request({ baseVersion: 1, input: event({ sources: [source, source] }) })), "sources.1.url", /already a source above/);
    expect((await counts()).events).toBe(before.events + 1);
  });

  it("is read once in an import row that names a country or an organization twice", async () => {
    const text = [
      "external_id,title,summary,type,date,countries,organizations,source_url,source_title",
      "twice-1,Met twice over,They met.,MEETING,2025-11-06,KZ; Kazakhstan; KAZ,Twice Council; twice council,https://example.org/twice,Article",
    ].join("\n");
    const [result] = await importFile({ actor: editor, request: { kind: "events", fileName: "twice.csv", text }, createKeys: [], publish: false });
    expect(result).toMatchObject({ outcome: "created" });
    const participants = await db.eventParticipant.findMany({ where: { eventId: result!.id! }, orderBy: { position: "asc" } });
    expect(participants.map((p) => p.countryId ?? p.organizationId)).toEqual(["KZ", organization.id]);
  });
});

describe("names and titles that show something other than they hold", () => {
  const RLO = "\u202E";
  const lines = {
    "an event's title": () => createEvent({ actor: editor, input: { title: `${RLO}sdroccA maharbA`, summary: "S", type: "MEETING", date: "2025-11-06", sources: [source] } }),
    "an event's place": () => createEvent({ actor: editor, input: { title: "Placed", placeName: `Astana${RLO}`, summary: "S", type: "MEETING", date: "2025-11-06", sources: [source] } }),
    "a source's title": () => createEvent({ actor: editor, input: { title: "Sourced", summary: "S", type: "MEETING", date: "2025-11-06", sources: [{ ...source, title: `Reuters\u2067` }] } }),
    "a statement's headline": () => createStatement({ actor: editor, input: { title: `Head${RLO}line`, text: "Words", language: "en", speakerLabel: "an official", medium: "READOUT", sources: [source] } }),
    "a statement's speaker label": () => createStatement({ actor: editor, input: { title: "Headline", text: "Words", language: "en", speakerLabel: `an ${RLO}official`, medium: "READOUT", sources: [source] } }),
    "a person's name": () => createPerson({ actor: editor, input: { name: `Kassym${RLO}-Jomart Tokayev` } }),
    "an office's title": () => createPerson({ actor: editor, input: { name: "Officed", offices: [{ title: `President\u202D` }] } }),
    "an organization's name": () => createOrganization({ actor: editor, input: { name: `${RLO}OTAN`, kind: "INTERGOVERNMENTAL" } }),
    "a topic's name": () => createTopic({ actor: editor, input: { name: `Food\u2068 security` } }),
    "an agreement's name": () => createAgreement({ actor: editor, input: { name: `Abraham${RLO} Accords`, kind: "TREATY" } }),
  };
  const field = {
    "an event's title": "title",
    "an event's place": "placeName",
    "a source's title": "sources.0.title",
    "a statement's headline": "title",
    "a statement's speaker label": "speakerLabel",
    "a person's name": "name",
    "an office's title": "offices.0.title",
    "an organization's name": "name",
    "a topic's name": "name",
    "an agreement's name": "name",
  } satisfies Record<keyof typeof lines, string>;

  for (const what of Object.keys(lines) as Array<keyof typeof lines>) {
    it(`refuses a direction control in ${what} at the field, and writes nothing`, async () => {
      const before = await counts();
      const error = await lines[what]().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "INVALID" });
      expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors[field[what]]).toEqual([expect.stringMatching(/^This contains an invisible text-direction control \(U\+20(2[A-E]|6[6-9]), [a-z -]+\) at character \d+, which can make text show in another order than it is stored/)]);
      expect(await counts()).toEqual(before);
    });
  }

  it("keeps a name without the characters that show nothing, and gives it the slug of what it shows", async () => {
    const person = await createPerson({ actor: editor, input: { name: "\uFEFFAbdulla\u200B Ari\u00ADpov\u2060" } });
    expect(person.slug).toBe("abdulla-aripov");
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).name).toBe("Abdulla Aripov");
    // A Persian name keeps its zero-width non-joiner, a Hindi one its joiner.
    const persian = "\u0645\u062D\u0645\u062F\u200C\u0631\u0636\u0627";
    expect((await db.person.findUniqueOrThrow({ where: { id: (await createPerson({ actor: editor, input: { name: persian } })).id } })).name).toBe(persian);
    const event = await createEvent({ actor: editor, input: { title: "Kaza\u200Bkhstan \u{1F91D} Isra\u2060el", summary: "Kept as typed\u200B.", type: "MEETING", date: "2025-11-06", sources: [source] } });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ title: "Kazakhstan \u{1F91D} Israel", summary: "Kept as typed\u200B." });
  });

  it("cannot pass for another name: the desk's duplicates, the pickers, a topic's name and the import see through what shows nothing", async () => {
    const t = `${Date.now().toString(36)}`;
    const clean = await createPerson({ actor: editor, input: { name: `Recep Tayyip Erdogan ${t}` } });
    // Saved before names were cleaned (written straight to the table): a zero-width space, a no-break space, a mark.
    const sneaky = await db.person.create({ data: { name: `Recep\u00A0Tayyip Erdo\u200Bgan\u200E ${t}`, slug: `sneaky-${t}` } });
    const groups = await likelyDuplicates("people", 50);
    expect(groups.find((g) => g.records.some((r) => r.id === clean.id))).toMatchObject({ reason: "the same name", records: expect.arrayContaining([{ id: sneaky.id, label: expect.any(String) }]) });
    expect((await searchEntities({ kind: "person", q: `Erdo\u200Bgan ${t}` })).map((r) => r.id).sort()).toEqual([clean.id, sneaky.id].sort());

    await createTopic({ actor: editor, input: { name: `Food security ${t}` } });
    await expect(createTopic({ actor: editor, input: { name: `Food\u00A0security\u2009 ${t}` } })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { name: [expect.stringMatching(/There is already a topic/)] } });

    const text = [
      "external_id,title,summary,type,date,countries,people,source_url,source_title",
      `lookalike-${t},Seen through,They met.,MEETING,2025-11-06,Kaza\u200Bkhstan,Recep Tayyip Erdo\u200Bgan\u2060 ${t} (Q39723),https://example.org/${t},Article`,
      `reversed-${t},Reversed,They met.,MEETING,2025-11-06,KZ,Evil${RLO}name ${t},https://example.org/${t}/2,Article`,
    ].join("\n");
    const plan = await planImport({ kind: "events", fileName: "lookalike.csv", text });
    expect(plan.rows[0]).toMatchObject({ status: "invalid", problems: [{ column: "people", message: expect.stringMatching(/2 people are called/) }] });
    expect(plan.rows[1]).toMatchObject({ status: "invalid", problems: [{ column: "people", message: expect.stringMatching(/^The person's name: This contains an invisible text-direction control \(U\+202E/) }] });
    expect(plan.proposals).toEqual([]);
  });

  it("is refused in a staff member's name too", () => {
    const parsed = InviteUserInputSchema.safeParse({ email: "reversed@bad-input.test", role: "EDITOR", name: `Ad${RLO}min` });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["name"], message: expect.stringMatching(/text-direction control \(U\+202E, right-to-left override\)/) });
    expect(InviteUserInputSchema.parse({ email: "clean@bad-input.test", role: "EDITOR", name: "Ad\u200Bmin" }).name).toBe("Admin");
  });
});
