import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseCalendarQuery, parseEventListQuery, QueryParameterError } from "@/lib/api/list-query";
import { seedPublicRecordBeforeAll } from "@/lib/testing/public-record";
import { inOrder } from "@/lib/api/keyset";
import { encodeCursor } from "@/lib/api/cursor";
import { listPublishedEvents, listUpcomingPublishedEvents, PUBLIC_EVENT_LIST_SELECT } from "./public-list";

const leak = seedPublicRecordBeforeAll("evlist");

const list = async (params: Record<string, string>) => listPublishedEvents(parseEventListQuery(params, { strict: true }));

async function walkAll(params: Record<string, string>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await list({ ...params, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((e) => e.slug));
    cursor = page.next;
  } while (cursor);
  return seen;
}

describe("listPublishedEvents", () => {
  it("returns only published events, dateless ones first, then newest first", async () => {
    const page = await list({ limit: "100" });
    const published = await db.event.findMany({ where: { status: "PUBLISHED" }, select: { slug: true } });
    expect(page.items.map((e) => e.slug).sort()).toEqual(published.map((e) => e.slug).sort());
    expect(page.items[0]!.slug).toBe("kazakhstan-abraham-accords-signing-ceremony");
    const dates = page.items.slice(1).map((e) => e.date!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const text = JSON.stringify(page);
    for (const fixture of leak.fixtures.filter((f) => f.status !== "STAGED")) expect(text).not.toContain(fixture.marker);
    expect(text).not.toContain(leak.stagedMarker);
    expect(text).toContain(leak.publishedMarker);
    expect(page.next).toBeNull();
    expect(page.prev).toBeNull();
  });

  it("pages forwards and backwards with keyset cursors, without gaps or repeats", async () => {
    const all = (await list({ limit: "100" })).items.map((e) => e.slug);
    const walked = await walkAll({ limit: "3" });
    expect(walked).toEqual(all);

    const first = await list({ limit: "3" });
    const second = await list({ limit: "3", cursor: first.next! });
    expect(second.prev).not.toBeNull();
    const back = await list({ limit: "3", cursor: second.prev! });
    expect(back.items.map((e) => e.slug)).toEqual(first.items.map((e) => e.slug));
    expect(back.prev).toBeNull();
  });

  it("orders the events of one day by their position in it, on one page and across pages", async () => {
    const day = ["c5-plus-1-summit-at-the-white-house", "kazakhstan-to-join-the-abraham-accords", "trump-netanyahu-tokayev-call", "rubio-meets-tokayev"];
    const whole = (await list({ from: "2025-11-06", to: "2025-11-06", limit: "100" })).items.map((e) => e.slug);
    expect(whole.filter((s) => day.includes(s))).toEqual(day);
    // One event a page: each cursor carries the position, so nothing is skipped or repeated within the day.
    const walked = await walkAll({ from: "2025-11-06", to: "2025-11-06", limit: "1" });
    expect(walked).toEqual(whole);
    const first = await list({ from: "2025-11-06", to: "2025-11-06", limit: "2" });
    const second = await list({ from: "2025-11-06", to: "2025-11-06", limit: "2", cursor: first.next! });
    const back = await list({ from: "2025-11-06", to: "2025-11-06", limit: "2", cursor: second.prev! });
    expect(back.items.map((e) => e.slug)).toEqual(first.items.map((e) => e.slug));
  });

  it("stays stable when an event is published while someone pages", async () => {
    const first = await list({ limit: "4" });
    await db.event.create({
      data: { slug: "evlist-inserted-late", title: "Inserted", summary: "s", type: "MEETING", date: new Date("2030-01-01T00:00:00Z"), status: "PUBLISHED" },
    });
    const second = await list({ limit: "4", cursor: first.next! });
    const slugs = second.items.map((e) => e.slug);
    expect(slugs).not.toContain("evlist-inserted-late");
    expect(slugs.some((s) => first.items.some((f) => f.slug === s))).toBe(false);
  });

  it("filters by country (place or participant), type, topic, agreement and dates", async () => {
    const kz = await list({ country: "kz", limit: "100" });
    expect(kz.items.map((e) => e.slug)).toContain("kazakhstan-to-join-the-abraham-accords");
    expect(kz.items.map((e) => e.slug)).toContain("c5-plus-1-summit-at-the-white-house");
    expect(kz.items.map((e) => e.slug)).not.toContain("uae-israel-normalization-announced");

    const calls = await list({ type: "phone_call", limit: "100" });
    expect(calls.items.length).toBeGreaterThan(0);
    expect(calls.items.every((e) => e.type === "PHONE_CALL")).toBe(true);

    const accords = await list({ agreement: "abraham-accords", limit: "100" });
    expect(accords.items.map((e) => e.slug)).toContain("kazakhstan-to-join-the-abraham-accords");
    expect(accords.items.every((e) => e.agreement?.slug === "abraham-accords")).toBe(true);

    const nov2025 = await list({ from: "2025-11", to: "2025-11", limit: "100" });
    expect(nov2025.items.length).toBeGreaterThan(0);
    expect(nov2025.items.every((e) => e.date && e.date.toISOString().startsWith("2025-11"))).toBe(true);

    const in1992 = await list({ from: "1992", to: "1992" });
    expect(in1992.items.map((e) => e.slug)).toContain("israel-kazakhstan-establish-diplomatic-relations");

    const topics = await db.topic.findFirst({ where: { events: { some: { event: { status: "PUBLISHED" } } } }, select: { slug: true } });
    if (topics) {
      const byTopic = await list({ topic: topics.slug, limit: "100" });
      expect(byTopic.items.every((e) => e.topics.some((t) => t.topic.slug === topics.slug))).toBe(true);
    }
  });

  it("refuses bad parameters with an error that names the parameter", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ country: "zz" }, "country"],
      [{ country: "kaz" }, "country"],
      [{ type: "PICNIC" }, "type"],
      [{ topic: "no-such-topic" }, "topic"],
      [{ agreement: "Bad Slug!" }, "agreement"],
      [{ from: "2025-13" }, "from"],
      [{ to: "2025-02-30" }, "to"],
      [{ from: "2025", to: "2024" }, "to"],
      [{ limit: "0" }, "limit"],
      [{ limit: "101" }, "limit"],
      [{ limit: "ten" }, "limit"],
      [{ cursor: "not-a-cursor" }, "cursor"],
      // Well formed, but naming a day PostgreSQL refuses as a date: the query failed (a 500 on /events and /api/v1/events).
      [{ cursor: encodeCursor({ direction: "after", date: "2024-02-30", order: 0, id: "abc" }) }, "cursor"],
      [{ cursor: encodeCursor({ direction: "before", date: "0000-01-01", order: 0, id: "abc" }) }, "cursor"],
      [{ colour: "red" }, "colour"],
    ];
    for (const [params, parameter] of cases) {
      const error = await list(params).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(params)).toBeInstanceOf(QueryParameterError);
      expect((error as QueryParameterError).parameter).toBe(parameter);
    }
  });

  it("reads a year before 100 as that year, not as 1900 and after", () => {
    // Date.UTC(50, 0, 1) is 1950: ?from=0050 listed events from 1950 on.
    const query = parseEventListQuery({ from: "0050", to: "0099-02" });
    expect([query.from?.start.toISOString(), query.to?.end.toISOString()]).toEqual(["0050-01-01T00:00:00.000Z", "0099-02-28T00:00:00.000Z"]);
  });

  it("reads every event as Prisma reads PUBLIC_EVENT_LIST_SELECT, relations in their order", async () => {
    // One event with every relation a list shows, given out of order.
    const [zeta, alpha] = await Promise.all([
      db.topic.create({ data: { slug: "evlist-zeta", name: "Zeta relations" } }),
      db.topic.create({ data: { slug: "evlist-alpha", name: "Alpha relations" } }),
    ]);
    const [organization, person, agreement] = await Promise.all([
      db.organization.findFirstOrThrow({ select: { id: true } }),
      db.person.findFirstOrThrow({ select: { id: true } }),
      db.agreement.findFirstOrThrow({ select: { id: true } }),
    ]);
    await db.event.create({
      data: {
        slug: "evlist-every-relation",
        title: "Every relation",
        summary: "s",
        body: "b",
        type: "SUMMIT",
        cameoCode: "043",
        date: new Date("2019-03-04T00:00:00Z"),
        datePrecision: "MONTH",
        dateApproximate: true,
        endDate: new Date("2019-03-06T00:00:00Z"),
        dayOrder: 2,
        localTime: "10:30",
        timeZone: "Asia/Almaty",
        placeName: "Astana",
        countryId: "KZ",
        agreementId: agreement.id,
        unconfirmedNote: "The day is not confirmed.",
        status: "PUBLISHED",
        firstPublishedAt: new Date("2019-03-05T08:00:00.123Z"),
        publishedAt: new Date("2019-03-06T08:00:00.456Z"),
        topics: { create: [{ topicId: zeta.id }, { topicId: alpha.id }] },
        participants: {
          create: [
            { role: "VISITOR", personId: person.id, position: 2 },
            { role: "HOST", countryId: "KZ", position: 0 },
            { role: "PARTICIPANT", organizationId: organization.id, position: 1 },
          ],
        },
      },
    });
    const items = (await list({ limit: "100" })).items;
    const ids = items.map((e) => e.id);
    const prisma = inOrder(ids, await db.event.findMany({ where: { id: { in: ids } }, select: PUBLIC_EVENT_LIST_SELECT }));
    expect(items).toStrictEqual(prisma);
    const every = items.find((e) => e.slug === "evlist-every-relation")!;
    expect(every.topics.map((t) => t.topic.slug)).toEqual(["evlist-alpha", "evlist-zeta"]);
    expect(every.participants.map((p) => p.role)).toEqual(["HOST", "PARTICIPANT", "VISITOR"]);
    expect(items.some((e) => e.participants.some((p) => p.organization)) && items.some((e) => e.agreement)).toBe(true);
  });

  it("answers an empty page, not an error, for a filter that names something real but matches nothing", async () => {
    const page = await list({ country: "no", type: "sanctions" });
    expect(page).toEqual({ items: [], next: null, prev: null });
    await expect(list({ country: "zz", type: "sanctions" })).rejects.toMatchObject({ parameter: "country" });
  });

  it("ignores unknown parameters and empty form fields outside the API", () => {
    const query = parseEventListQuery({ utm_source: "x", country: "", type: "" });
    expect(query.country).toBeUndefined();
    expect(query.limit).toBe(20);
  });
});

describe("listUpcomingPublishedEvents (the calendar)", () => {
  // "Today" is 2040-03-10 for these: the seeded record has nothing scheduled after it.
  const now = new Date("2040-03-10T15:00:00Z");
  const upcoming = async (params: Record<string, string> = {}) =>
    (await listUpcomingPublishedEvents(parseCalendarQuery(params), { now })).map((e) => e.slug).filter((slug) => slug.startsWith("evcal-"));

  it("holds published, scheduled, day-precise events from today on, oldest first, narrowed by the events' filters", async () => {
    const topic = await db.topic.create({ data: { slug: "evcal-topic", name: "Calendar topic" } });
    const event = (slug: string, data: Partial<Parameters<typeof db.event.create>[0]["data"]> = {}) =>
      db.event.create({
        data: { slug, title: slug, summary: "s", type: "MEETING", occurrence: "SCHEDULED", datePrecision: "DAY", date: new Date("2040-04-01T00:00:00Z"), status: "PUBLISHED", ...data },
      });
    await event("evcal-kz-later", { date: new Date("2040-05-02T00:00:00Z"), participants: { create: [{ role: "HOST", countryId: "KZ", position: 0 }] } });
    await event("evcal-kz-today", { date: new Date("2040-03-10T00:00:00Z"), countryId: "KZ", type: "SUMMIT", topics: { create: [{ topicId: topic.id }] } });
    await event("evcal-il", { date: new Date("2040-04-01T00:00:00Z"), participants: { create: [{ role: "HOST", countryId: "IL", position: 0 }] } });
    // Never in the calendar: past, a draft, held already, a month's precision.
    await event("evcal-yesterday", { date: new Date("2040-03-09T00:00:00Z"), countryId: "KZ" });
    await event("evcal-draft", { status: "DRAFT", countryId: "KZ" });
    await event("evcal-occurred", { occurrence: "OCCURRED", countryId: "KZ" });
    await event("evcal-month", { datePrecision: "MONTH", countryId: "KZ" });

    expect(await upcoming()).toEqual(["evcal-kz-today", "evcal-il", "evcal-kz-later"]);
    expect(await upcoming({ country: "kz" })).toEqual(["evcal-kz-today", "evcal-kz-later"]);
    expect(await upcoming({ country: "il" })).toEqual(["evcal-il"]);
    expect(await upcoming({ type: "summit" })).toEqual(["evcal-kz-today"]);
    expect(await upcoming({ topic: "evcal-topic" })).toEqual(["evcal-kz-today"]);
    expect(await upcoming({ from: "2040-04", to: "2040-04" })).toEqual(["evcal-il"]);
    expect(await upcoming({ country: "no" })).toEqual([]);
    // Unknown parameters are ignored, as a feed ignores them (a tracking tag on a subscription).
    expect(await upcoming({ utm_source: "x", country: "kz" })).toEqual(["evcal-kz-today", "evcal-kz-later"]);
  });

  it("refuses a bad filter naming it, and takes no paging", async () => {
    // A code or slug that names nothing: found when the calendar is read (as for a list).
    for (const [params, parameter] of [
      [{ country: "zz" }, "country"],
      [{ topic: "evcal-no-such-topic" }, "topic"],
      [{ agreement: "evcal-no-such-agreement" }, "agreement"],
    ] as const) {
      await expect(listUpcomingPublishedEvents(parseCalendarQuery(params), { now }), JSON.stringify(params)).rejects.toMatchObject({ parameter });
    }
    // A value of the wrong form: refused as it is parsed.
    for (const [params, parameter] of [
      [{ country: "kaz" }, "country"],
      [{ type: "PICNIC" }, "type"],
      [{ from: "2040-13" }, "from"],
      [{ country: "\u0000" }, "country"],
    ] as const) {
      expect(() => parseCalendarQuery(params), JSON.stringify(params)).toThrow(QueryParameterError);
      try {
        parseCalendarQuery(params);
      } catch (error) {
        expect((error as QueryParameterError).parameter).toBe(parameter);
      }
    }
    expect(parseCalendarQuery({ cursor: "x", limit: "5" })).not.toHaveProperty("cursor");
  });
});
