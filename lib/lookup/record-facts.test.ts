import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadDemoRecord } from "@/lib/seed/load-demo";
import { RecordFactsQuerySchema, recordFacts } from "./record-facts";

beforeAll(async () => {
  await loadDemoRecord(db);
});

const idOf = async (slug: string) => (await db.person.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

describe("recordFacts", () => {
  it("gives the office a speaker held on the day asked for", async () => {
    const trump = await idOf("donald-trump");
    const now = await recordFacts({ kind: "person", id: trump, on: "2025-11-06" });
    expect(now).toMatchObject({ kind: "person", title: expect.stringMatching(/President of the United States/), country: { id: "US" } });
    // Between his two terms he held no office.
    expect(await recordFacts({ kind: "person", id: trump, on: "2023-06-01" })).toMatchObject({ title: null });
  });

  it("gives an event's date and the countries it concerns, the place's first", async () => {
    const event = await db.event.findFirstOrThrow({
      where: { countryId: { not: null }, participants: { some: {} }, datePrecision: "DAY" },
      select: { id: true, date: true, countryId: true },
    });
    const facts = await recordFacts({ kind: "event", id: event.id });
    expect(facts).toMatchObject({ kind: "event", date: event.date!.toISOString().slice(0, 10), precision: "DAY" });
    if (facts.kind !== "event") throw new Error("event facts expected");
    expect(facts.countries[0]?.id).toBe(event.countryId!.trim());
    expect(new Set(facts.countries.map((c) => c.id)).size).toBe(facts.countries.length);
  });

  it("answers NOT_FOUND for a record that does not exist", async () => {
    await expect(recordFacts({ kind: "person", id: "nosuchperson" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordFacts({ kind: "event", id: "nosuchevent" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a bad kind, id or day", () => {
    expect(RecordFactsQuerySchema.safeParse({ kind: "planet", id: "x" }).success).toBe(false);
    expect(RecordFactsQuerySchema.safeParse({ kind: "person", id: "../../etc" }).success).toBe(false);
    expect(RecordFactsQuerySchema.safeParse({ kind: "person", id: "abc", on: "2025-02-30" }).success).toBe(false);
    expect(RecordFactsQuerySchema.safeParse({ kind: "person", id: "abc", extra: "1" }).success).toBe(false);
  });
});
