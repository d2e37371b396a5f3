import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedPublicRecordBeforeAll } from "@/lib/testing/public-record";
import { listPublicFilterOptions } from "./filter-options";
import { slugOrUndefined } from "./list-query";

seedPublicRecordBeforeAll("filteropts");

/** What the filters should offer, counted the slow, obvious way. */
async function usedSpeakers() {
  const rows = await db.statement.groupBy({ by: ["speakerId"], where: { status: "PUBLISHED", speakerId: { not: null } }, _count: { _all: true } });
  const people = await db.person.findMany({ where: { id: { in: rows.map((r) => r.speakerId!) } }, select: { id: true, slug: true } });
  const uses = new Map(rows.map((r) => [r.speakerId!, r._count._all]));
  return people.map((p) => ({ slug: p.slug, uses: uses.get(p.id)! }));
}

describe("listPublicFilterOptions", () => {
  it("offers only speakers, topics and agreements with a published item, in name order", async () => {
    const options = await listPublicFilterOptions();
    const expected = await usedSpeakers();
    expect(options.speakers.choices.map((c) => c.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    expect(options.speakers.total).toBe(expected.length);
    const names = options.speakers.choices.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));

    const unusedTopic = await db.topic.create({ data: { slug: "filteropts-unused", name: "Filteropts unused topic" } });
    const withUnused = await listPublicFilterOptions();
    expect(withUnused.topics.choices.map((c) => c.slug)).not.toContain(unusedTopic.slug);
    expect(withUnused.topics.choices.length).toBeGreaterThan(0);
    expect(withUnused.agreements.choices.map((c) => c.slug)).toContain("abraham-accords");
    await db.topic.delete({ where: { id: unusedTopic.id } });
  });

  it("past the limit, keeps the most used and says how many there are in all", async () => {
    const topics = await db.topic.findMany({
      select: { slug: true, _count: { select: { events: { where: { event: { status: "PUBLISHED" } } }, statements: { where: { statement: { status: "PUBLISHED" } } } } } },
    });
    const used = topics.map((t) => ({ slug: t.slug, uses: t._count.events + t._count.statements })).filter((t) => t.uses > 0);
    expect(used.length).toBeGreaterThan(2);
    const options = await listPublicFilterOptions(2);
    expect(options.topics.choices).toHaveLength(2);
    expect(options.topics.total).toBe(used.length);
    // The two kept are used at least as often as any left out.
    const kept = new Set(options.topics.choices.map((c) => c.slug));
    const keptUses = used.filter((t) => kept.has(t.slug)).map((t) => t.uses);
    const leftUses = used.filter((t) => !kept.has(t.slug)).map((t) => t.uses);
    expect(Math.min(...keptUses)).toBeGreaterThanOrEqual(Math.max(...leftUses));
  });
});

describe("slugOrUndefined", () => {
  it("keeps a slug, in lower case, and drops what cannot be one (a NUL byte once reached PostgreSQL as a 500)", () => {
    expect(slugOrUndefined("Abraham-Accords")).toBe("abraham-accords");
    for (const bad of ["\u0000", "a b", "../admin", "x".repeat(201), "", undefined]) expect(slugOrUndefined(bad)).toBeUndefined();
  });
});
