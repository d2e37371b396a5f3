import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseStatementListQuery, QueryParameterError } from "@/lib/api/list-query";
import { seedPublicRecordBeforeAll } from "@/lib/testing/public-record";
import { inOrder } from "@/lib/api/keyset";
import { listPublishedStatements, PUBLIC_STATEMENT_LIST_SELECT } from "./public-list";
import { withSpeakerTitleThen } from "./speaker-title";

const leak = seedPublicRecordBeforeAll("stlist");

const list = async (params: Record<string, string>) => listPublishedStatements(parseStatementListQuery(params, { strict: true }));

describe("listPublishedStatements", () => {
  it("returns only published statements, newest first, never staged or unpublished text", async () => {
    const page = await list({ limit: "100" });
    const published = await db.statement.count({ where: { status: "PUBLISHED" } });
    expect(page.items).toHaveLength(published);
    const text = JSON.stringify(page);
    for (const fixture of leak.fixtures.filter((f) => f.status !== "STAGED")) expect(text).not.toContain(fixture.marker);
    expect(text).not.toContain(leak.stagedMarker);
    expect(text).toContain(leak.publishedMarker);
    expect(text).not.toContain("stagedData");
  });

  it("filters by speaker, country, topic, agreement and date, and pages with cursors", async () => {
    const trump = await list({ speaker: "donald-trump" });
    expect(trump.items.map((s) => s.slug)).toEqual(["trump-kazakhstan-first-of-many"]);
    const kz = await list({ country: "KZ", limit: "100" });
    expect(kz.items.map((s) => s.slug)).toContain("kazakhstan-natural-and-logical-continuation");
    const accords = await list({ agreement: "abraham-accords", limit: "100" });
    expect(accords.items.map((s) => s.slug)).toContain("trump-kazakhstan-first-of-many");
    const old = await list({ to: "2020" });
    expect(old.items).toHaveLength(0);

    const all = (await list({ limit: "100" })).items.map((s) => s.slug);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ limit: "2", ...(cursor ? { cursor } : {}) });
      walked.push(...page.items.map((s) => s.slug));
      cursor = page.next;
    } while (cursor);
    expect(walked).toEqual(all);
  });

  it("hides the event of a statement when that event is not published", async () => {
    const draft = await db.event.create({ data: { slug: "stlist-draft-parent", title: "Secret draft parent zqx", summary: "s", type: "MEETING", status: "DRAFT" } });
    await db.statement.create({
      data: { slug: "stlist-child", title: "Child", text: "t", speakerLabel: "an official", medium: "READOUT", status: "PUBLISHED", eventId: draft.id, saidOn: new Date("2024-01-01T00:00:00Z") },
    });
    const page = await list({ limit: "100" });
    const child = page.items.find((s) => s.slug === "stlist-child");
    expect(child?.event).toBeNull();
    expect(JSON.stringify(page)).not.toContain("Secret draft parent");
  });

  it("reads every statement as Prisma reads PUBLIC_STATEMENT_LIST_SELECT, the speaker's title as of that day", async () => {
    const [zeta, alpha] = await Promise.all([
      db.topic.create({ data: { slug: "stlist-zeta", name: "Zeta relations" } }),
      db.topic.create({ data: { slug: "stlist-alpha", name: "Alpha relations" } }),
    ]);
    const event = await db.event.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } });
    const speaker = await db.person.create({
      data: {
        slug: "stlist-speaker",
        name: "A Speaker",
        offices: {
          create: [
            { title: "Deputy minister", startDate: new Date("2010-01-01T00:00:00Z"), startPrecision: "YEAR", endDate: new Date("2014-06-01T00:00:00Z"), endPrecision: "MONTH", position: 0 },
            { title: "Minister", startDate: new Date("2014-06-15T00:00:00Z"), position: 1 },
          ],
        },
      },
    });
    await db.statement.create({
      data: {
        slug: "stlist-every-relation",
        title: "Every relation",
        text: "t",
        translation: "tr",
        translatedBy: "the desk",
        language: "kk",
        speakerId: speaker.id,
        speakerTitle: "Minister",
        attribution: "SPOKESPERSON",
        medium: "INTERVIEW",
        platform: "Radio",
        quoteType: "PARAPHRASE",
        saidOn: new Date("2013-05-01T00:00:00Z"),
        saidPrecision: "MONTH",
        saidTime: "09:15",
        timeZone: "Asia/Almaty",
        context: "c",
        eventId: event.id,
        status: "PUBLISHED",
        firstPublishedAt: new Date("2013-05-02T08:00:00.123Z"),
        publishedAt: new Date("2013-05-03T08:00:00.456Z"),
        countries: { create: [{ countryId: "US" }, { countryId: "KZ" }] },
        topics: { create: [{ topicId: zeta.id }, { topicId: alpha.id }] },
      },
    });
    const items = (await list({ limit: "100" })).items;
    const ids = items.map((s) => s.id);
    const rows = inOrder(ids, await db.statement.findMany({ where: { id: { in: ids } }, select: PUBLIC_STATEMENT_LIST_SELECT }));
    const prisma = rows.map(({ event, ...rest }) => ({
      ...withSpeakerTitleThen(rest),
      event: event && event.status === "PUBLISHED" ? { slug: event.slug, title: event.title } : null,
    }));
    expect(items).toStrictEqual(prisma);
    const every = items.find((s) => s.slug === "stlist-every-relation")!;
    expect(every.speakerTitle).toBe("Deputy minister");
    expect(every.countries.map((c) => c.country.iso2)).toEqual(["KZ", "US"]);
    expect(every.topics.map((t) => t.topic.slug)).toEqual(["stlist-alpha", "stlist-zeta"]);
  });

  it("names the parameter when the speaker is unknown", async () => {
    await expect(list({ speaker: "nobody-at-all" })).rejects.toMatchObject({ parameter: "speaker" });
    await expect(list({ speaker: "nobody-at-all" })).rejects.toBeInstanceOf(QueryParameterError);
  });
});
