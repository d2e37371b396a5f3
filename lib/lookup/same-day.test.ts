import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadDemoRecord } from "@/lib/seed/load-demo";
import { SameDayQuerySchema, SameDayStatementsQuerySchema, sameDayEvents, sameDaySchemaFor, sameDayStatements } from "./same-day";

beforeAll(async () => {
  await loadDemoRecord(db);
});

const DAY = new Date("2031-02-03T00:00:00Z");
const event = (slug: string, data: Partial<Parameters<typeof db.event.create>[0]["data"]> = {}) =>
  db.event.create({ data: { slug, title: slug, summary: "s", type: "MEETING", date: DAY, datePrecision: "DAY", status: "DRAFT", ...data }, select: { id: true } });
const look = (params: Record<string, string>) => sameDayEvents(SameDayQuerySchema.parse(params));

describe("sameDayEvents", () => {
  it("finds the events of the day sharing a country, the most shared and the same type first, drafts included and retracted ones not", async () => {
    const person = await db.person.create({ data: { slug: "sameday-envoy", name: "Same-day Envoy", countryId: "KZ" }, select: { id: true } });
    const call = await event("sameday-call", { type: "PHONE_CALL", participants: { create: [{ role: "PARTICIPANT", countryId: "KZ", position: 0 }, { role: "PARTICIPANT", countryId: "US", position: 1 }] } });
    const meeting = await event("sameday-meeting", { status: "PUBLISHED", participants: { create: [{ role: "HOST", countryId: "KZ", position: 0 }] } });
    const visit = await event("sameday-visit", { type: "VISIT", countryId: "US" });
    await event("sameday-retracted", { status: "RETRACTED", countryId: "KZ" });
    await event("sameday-other-country", { countryId: "IL" });
    await event("sameday-next-day", { date: new Date("2031-02-04T00:00:00Z"), countryId: "KZ" });
    await event("sameday-month", { datePrecision: "MONTH", date: new Date("2031-02-01T00:00:00Z"), countryId: "KZ" });

    // Kazakhstan and the United States: the call shares both; then the same type (a meeting) before the visit.
    const both = await look({ date: "2031-02-03", refs: "country:kz,country:US", type: "MEETING" });
    expect(both.map((e) => e.id)).toEqual([call.id, meeting.id, visit.id]);
    expect(both[0]).toEqual({ id: call.id, label: "sameday-call", detail: "Phone call · Draft · Kazakhstan, United States" });
    expect(both[1]!.detail).toBe("Meeting · Published · Kazakhstan");

    // A person stands for their country; the event being edited is left out of its own.
    const byPerson = await look({ date: "2031-02-03", refs: `person:${person.id}`, except: call.id });
    expect(byPerson.map((e) => e.id)).toEqual([meeting.id]);

    // Nothing to compare with: no countries, or none that day.
    expect(await look({ date: "2031-02-03", refs: "" })).toEqual([]);
    expect(await look({ date: "2031-02-05", refs: "country:KZ" })).toEqual([]);
  });

  it("refuses what is not a day, a reference of an unknown kind, and more than forty references", () => {
    for (const params of [
      { date: "2031-02", refs: "country:KZ" },
      { date: "2031-02-30", refs: "country:KZ" },
      { date: "2031-02-03", refs: "planet:mars" },
      { date: "2031-02-03", refs: "country:KAZ" },
      { date: "2031-02-03", refs: "person:../x" },
      { date: "2031-02-03", refs: Array.from({ length: 41 }, () => "country:KZ").join(",") },
      { date: "2031-02-03", refs: "country:KZ", colour: "red" },
    ]) {
      expect(SameDayQuerySchema.safeParse(params).success, JSON.stringify(params).slice(0, 80)).toBe(false);
    }
  });
});

describe("sameDayStatements", () => {
  const said = (slug: string, data: Partial<Parameters<typeof db.statement.create>[0]["data"]> = {}) =>
    db.statement.create({ data: { slug, title: slug, text: "t", medium: "PRESS_CONFERENCE", saidOn: DAY, saidPrecision: "DAY", status: "DRAFT", ...data }, select: { id: true } });
  const lookStatements = (params: Record<string, string>) => sameDayStatements(SameDayStatementsQuerySchema.parse({ kind: "statements", ...params }));

  it("finds the speaker's statements of the day, earliest recorded first, drafts included and retracted ones not", async () => {
    const [speaker, other] = await Promise.all(
      ["sameday-speaker", "sameday-other-speaker"].map((slug) => db.person.create({ data: { slug, name: slug }, select: { id: true } })),
    );
    const first = await said("sameday-said-first", { speakerId: speaker!.id, status: "PUBLISHED", speakerTitle: "Foreign Minister", createdAt: new Date("2031-02-03T08:00:00Z") });
    const second = await said("sameday-said-second", { speakerId: speaker!.id, medium: "SOCIAL_POST", createdAt: new Date("2031-02-03T09:00:00Z") });
    await said("sameday-said-retracted", { speakerId: speaker!.id, status: "RETRACTED" });
    await said("sameday-said-other", { speakerId: other!.id });
    await said("sameday-said-next-day", { speakerId: speaker!.id, saidOn: new Date("2031-02-04T00:00:00Z") });
    await said("sameday-said-month", { speakerId: speaker!.id, saidPrecision: "MONTH", saidOn: new Date("2031-02-01T00:00:00Z") });

    const found = await lookStatements({ date: "2031-02-03", speaker: speaker!.id });
    expect(found).toEqual([
      { id: first.id, label: "sameday-said-first", detail: "Press conference · Published · Foreign Minister" },
      { id: second.id, label: "sameday-said-second", detail: "Social post · Draft" },
    ]);
    // The statement being edited is not its own duplicate.
    expect((await lookStatements({ date: "2031-02-03", speaker: speaker!.id, except: first.id })).map((s) => s.id)).toEqual([second.id]);
    expect(await lookStatements({ date: "2031-02-05", speaker: speaker!.id })).toEqual([]);
  });

  it("is asked for with kind=statements, and refuses what is not a day or a speaker's id", () => {
    expect(sameDaySchemaFor("statements")).toBe(SameDayStatementsQuerySchema);
    expect(sameDaySchemaFor(null)).toBe(SameDayQuerySchema);
    expect(sameDaySchemaFor("people")).toBe(SameDayQuerySchema);
    for (const params of [
      { kind: "statements", date: "2031-02", speaker: "abc123" },
      { kind: "statements", date: "2031-02-03", speaker: "../x" },
      { kind: "statements", date: "2031-02-03" },
      { kind: "statements", date: "2031-02-03", speaker: "abc123", refs: "country:KZ" },
    ]) {
      expect(SameDayStatementsQuerySchema.safeParse(params).success, JSON.stringify(params)).toBe(false);
    }
  });
});
