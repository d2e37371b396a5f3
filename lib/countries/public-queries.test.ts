import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { compareEventsOldestFirst, EVENTS_NEWEST_FIRST, EVENTS_OLDEST_FIRST } from "@/lib/events/event-order";
import { STATEMENTS_NEWEST_FIRST } from "@/lib/statements/statement-order";
import { seedPublicRecordBeforeAll } from "@/lib/testing/public-record";
import { NEWEST_SHOWN } from "@/lib/site/public-selects";
import { findPublicCountry, findPublicRelation, listCountriesWithRecord } from "./public-queries";

type EventRow = { countryId: string | null; participants: Array<{ countryId: string | null; person: { countryId: string | null } | null; organization: { countryId: string | null } | null }> };

/** An event's countries, said the obvious way: its own, and each participant's (else the person's, else the organization's). */
function countriesOfEvent(event: EventRow): Set<string> {
  const out = new Set<string>();
  if (event.countryId) out.add(event.countryId);
  for (const p of event.participants) {
    const iso2 = p.countryId ?? p.person?.countryId ?? p.organization?.countryId;
    if (iso2) out.add(iso2);
  }
  return out;
}

const leak = seedPublicRecordBeforeAll("countryq");

/** "Involves", said the obvious way: the event's country, or a participant's, or a participant person's or organization's. */
const involving = (iso2: string) => ({
  OR: [{ countryId: iso2 }, { participants: { some: { OR: [{ countryId: iso2 }, { person: { countryId: iso2 } }, { organization: { countryId: iso2 } }] } } }],
});
const concerning = (iso2: string) => ({ OR: [{ countries: { some: { countryId: iso2 } } }, { speaker: { countryId: iso2 } }] });

describe("country pages read by index", () => {
  it("show the published events and statements that involve a country, newest first, as the plain filter finds them", async () => {
    for (const iso2 of ["KZ", "US", "AZ", "IL"]) {
      const page = await findPublicCountry(iso2);
      const all = await db.event.findMany({
        where: { status: "PUBLISHED", ...involving(iso2) },
        orderBy: EVENTS_NEWEST_FIRST,
        select: { id: true, countryId: true, participants: { select: { countryId: true, person: { select: { countryId: true } }, organization: { select: { countryId: true } } } } },
      });
      const events = all.slice(0, NEWEST_SHOWN.events);
      const statements = await db.statement.findMany({ where: { status: "PUBLISHED", ...concerning(iso2) }, orderBy: STATEMENTS_NEWEST_FIRST, take: 50, select: { id: true } });
      expect(page!.events.map((e) => e.id), iso2).toEqual(events.map((e) => e.id));
      expect(page!.statements.map((s) => s.id), iso2).toEqual(statements.map((s) => s.id));
      // The count and the partners are the whole record's, not the shown events'.
      expect(page!.eventCount, iso2).toBe(all.length);
      expect(page!.statementCount, iso2).toBe(await db.statement.count({ where: { status: "PUBLISHED", ...concerning(iso2) } }));
      const shared = new Map<string, number>();
      for (const event of all) for (const other of countriesOfEvent(event)) if (other !== iso2) shared.set(other, (shared.get(other) ?? 0) + 1);
      expect(new Map(page!.partners.map((p) => [p.iso2, p.sharedEvents])), iso2).toEqual(shared);
    }
    const kz = await findPublicCountry("KZ");
    expect(kz!.events.length).toBeGreaterThan(0);
    expect(kz!.statements.length).toBeGreaterThan(0);
    const text = JSON.stringify(await Promise.all(["KZ", "US"].map(findPublicCountry)));
    for (const fixture of leak.fixtures.filter((f) => f.status !== "STAGED")) expect(text).not.toContain(fixture.marker);
  });

  it("show two countries' shared record: only what involves both", async () => {
    for (const [a, b] of [["KZ", "US"], ["IL", "KZ"], ["US", "KZ"]] as const) {
      const relation = await findPublicRelation(a, b);
      const all = await db.event.findMany({
        where: { status: "PUBLISHED", AND: [involving(a), involving(b)] },
        orderBy: EVENTS_NEWEST_FIRST,
        select: { id: true, type: true, date: true, dayOrder: true },
      });
      const statements = await db.statement.findMany({ where: { status: "PUBLISHED", AND: [concerning(a), concerning(b)] }, orderBy: STATEMENTS_NEWEST_FIRST, take: 50, select: { id: true } });
      expect(relation!.events.map((e) => e.id), `${a}-${b}`).toEqual(all.slice(0, NEWEST_SHOWN.events).map((e) => e.id));
      expect(relation!.events.length).toBeGreaterThan(0);
      // The count and the establishment are the whole record's, not the shown events'.
      expect(relation!.eventCount, `${a}-${b}`).toBe(all.length);
      const established = all.filter((e) => e.type === "RELATIONS_ESTABLISHED" && e.date).sort((x, y) => compareEventsOldestFirst(x, y))[0];
      expect(relation!.established?.id ?? null, `${a}-${b}`).toBe(established?.id ?? null);
      expect(relation!.statements.map((s) => s.id)).toEqual(statements.map((s) => s.id));
      expect(relation!.statementCount, `${a}-${b}`).toBe(await db.statement.count({ where: { status: "PUBLISHED", AND: [concerning(a), concerning(b)] } }));
    }
    expect((await findPublicRelation("IL", "KZ"))!.established).not.toBeNull();
    expect(await findPublicRelation("KZ", "KZ")).toBeNull();
    // A code no country has ("zz" is reserved for private use): the page's other reads run beside the lookup and are dropped.
    expect(await findPublicCountry("ZZ")).toBeNull();
    expect(await findPublicRelation("KZ", "ZZ")).toBeNull();
    expect(await findPublicRelation("ZZ", "KZ")).toBeNull();
  });

  it("show the newest of a long shared record, and count and date it from the whole record", async () => {
    const n = NEWEST_SHOWN.events + 5;
    await db.event.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        slug: `countryq-long-${i}`,
        title: `Long shared record ${i}`,
        summary: "One of many shared events.",
        // The oldest one established relations: it is not among the newest shown.
        type: i === 0 ? ("RELATIONS_ESTABLISHED" as const) : ("MEETING" as const),
        date: new Date(Date.UTC(1990, 0, 1 + i * 30)),
        status: "PUBLISHED" as const,
        countryId: "FI",
      })),
    });
    const events = await db.event.findMany({ where: { slug: { startsWith: "countryq-long-" } }, select: { id: true, slug: true } });
    await db.eventParticipant.createMany({ data: events.map((e) => ({ eventId: e.id, role: "PARTICIPANT" as const, countryId: "EE" })) });
    // More statements about both than the page shows, and one draft that no count may see.
    const said = NEWEST_SHOWN.statements + 5;
    await db.statement.createMany({
      data: Array.from({ length: said + 1 }, (_, i) => ({
        slug: `countryq-long-said-${i}`,
        title: `Long shared statement ${i}`,
        text: "Words about two neighbours.",
        speakerLabel: "A spokesperson",
        medium: "OFFICIAL_STATEMENT" as const,
        saidOn: new Date(Date.UTC(1995, 0, 1 + i)),
        status: i === said ? ("DRAFT" as const) : ("PUBLISHED" as const),
      })),
    });
    const statements = await db.statement.findMany({ where: { slug: { startsWith: "countryq-long-said-" } }, select: { id: true } });
    await db.statementCountry.createMany({ data: statements.flatMap((s) => ["EE", "FI"].map((countryId) => ({ statementId: s.id, countryId }))) });
    try {
      const relation = (await findPublicRelation("EE", "FI"))!;
      expect(relation.events).toHaveLength(NEWEST_SHOWN.events);
      expect(relation.eventCount).toBe(n);
      expect(relation.events.map((e) => e.slug)).toEqual(Array.from({ length: NEWEST_SHOWN.events }, (_, i) => `countryq-long-${n - 1 - i}`));
      expect(relation.established?.slug).toBe("countryq-long-0");
      const country = (await findPublicCountry("EE"))!;
      expect(country.events).toHaveLength(NEWEST_SHOWN.events);
      expect(country.eventCount).toBeGreaterThanOrEqual(n);
      expect(country.partners.find((p) => p.iso2 === "FI")?.sharedEvents).toBe(n);
      // The statements: the newest shown, all published ones counted, on both pages.
      expect(relation.statements).toHaveLength(NEWEST_SHOWN.statements);
      expect(relation.statements[0]!.slug).toBe(`countryq-long-said-${said - 1}`);
      expect(relation.statementCount).toBe(said);
      expect(country.statements).toHaveLength(NEWEST_SHOWN.statements);
      expect(country.statementCount).toBeGreaterThanOrEqual(said);
      expect(country.statementCount).toBe(await db.statement.count({ where: { status: "PUBLISHED", ...concerning("EE") } }));
    } finally {
      await db.statement.deleteMany({ where: { slug: { startsWith: "countryq-long-said-" } } });
      await db.event.deleteMany({ where: { slug: { startsWith: "countryq-long-" } } });
    }
  });

  it("tell the days two countries share in full: every published event of those days involving either", async () => {
    const relation = (await findPublicRelation("IL", "KZ"))!;
    expect(relation.days.length).toBeGreaterThan(0);
    for (const day of relation.days) {
      const expected = await db.event.findMany({
        where: { status: "PUBLISHED", datePrecision: "DAY", date: day.date, OR: [involving("IL"), involving("KZ")] },
        orderBy: EVENTS_OLDEST_FIRST,
        select: { id: true },
      });
      expect(day.events.map((e) => e.id), day.date.toISOString()).toEqual(expected.map((e) => e.id));
      expect(day.events.some((e) => !e.shared)).toBe(true);
    }
  });
});

/** Each country's published events counted from the events and their participants, as the index once did on every render. */
async function recount(): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<Array<{ iso2: string; n: number }>>`
    SELECT y.iso2, count(DISTINCT y."eventId")::int AS n FROM (
      SELECT e."countryId" AS iso2, e.id AS "eventId" FROM "Event" e WHERE e.status = 'PUBLISHED'
      UNION ALL
      SELECT coalesce(p."countryId", pe."countryId", o."countryId"), p."eventId"
        FROM "EventParticipant" p JOIN "Event" e ON e.id = p."eventId" AND e.status = 'PUBLISHED'
        LEFT JOIN "Person" pe ON pe.id = p."personId" LEFT JOIN "Organization" o ON o.id = p."organizationId"
    ) y WHERE y.iso2 IS NOT NULL GROUP BY y.iso2`;
  return Object.fromEntries(rows.map((r) => [r.iso2, r.n]));
}

type DerivedEventRow = { eventId: string; countryId: string; published: boolean; date: Date | null; dayOrder: number; type: string; partners: string[] };

/** Every EventCountry row as the database keeps it, in one order. */
async function derivedEventRows(): Promise<DerivedEventRow[]> {
  const rows = await db.eventCountry.findMany({ orderBy: [{ eventId: "asc" }, { countryId: "asc" }] });
  return rows.map((r) => ({ eventId: r.eventId, countryId: r.countryId, published: r.published, date: r.date, dayOrder: r.dayOrder, type: r.type, partners: r.partners }));
}

/** The same rows worked out from the events in memory: each of an event's countries, with its date, order and the others. */
async function recomputedEventRows(): Promise<DerivedEventRow[]> {
  const events = await db.event.findMany({
    select: { id: true, status: true, date: true, dayOrder: true, type: true, countryId: true, participants: { select: { countryId: true, person: { select: { countryId: true } }, organization: { select: { countryId: true } } } } },
  });
  const rows: DerivedEventRow[] = [];
  for (const e of events) {
    const countries = [...countriesOfEvent(e)].sort();
    for (const iso2 of countries) {
      rows.push({ eventId: e.id, countryId: iso2, published: e.status === "PUBLISHED", date: e.date, dayOrder: e.dayOrder, type: e.type, partners: countries.filter((c) => c !== iso2) });
    }
  }
  return rows.sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : a.countryId < b.countryId ? -1 : a.countryId > b.countryId ? 1 : 0));
}

type Concern = { statementId: string; countryId: string; published: boolean; saidOn: Date | null };
const byStatementThenCountry = (a: Concern, b: Concern) =>
  a.statementId < b.statementId ? -1 : a.statementId > b.statementId ? 1 : a.countryId < b.countryId ? -1 : a.countryId > b.countryId ? 1 : 0;

/** Every StatementConcern row as the database keeps it. */
async function derivedConcerns(): Promise<Concern[]> {
  const rows = await db.statementConcern.findMany();
  return rows.map((r) => ({ statementId: r.statementId, countryId: r.countryId, published: r.published, saidOn: r.saidOn })).sort(byStatementThenCountry);
}

/** The same rows from the statements in memory: each tagged country and the speaker's, with the status and date. */
async function recomputedConcerns(): Promise<Concern[]> {
  const statements = await db.statement.findMany({ select: { id: true, status: true, saidOn: true, countries: { select: { countryId: true } }, speaker: { select: { countryId: true } } } });
  const rows: Concern[] = [];
  for (const s of statements) {
    const countries = new Set(s.countries.map((c) => c.countryId));
    if (s.speaker?.countryId) countries.add(s.speaker.countryId);
    for (const iso2 of countries) rows.push({ statementId: s.id, countryId: iso2, published: s.status === "PUBLISHED", saidOn: s.saidOn });
  }
  return rows.sort(byStatementThenCountry);
}

async function indexCounts(): Promise<Record<string, number>> {
  const countries = await listCountriesWithRecord();
  expect(countries).toHaveLength(await db.country.count());
  return Object.fromEntries(countries.filter((c) => c.eventCount > 0).map((c) => [c.iso2, c.eventCount]));
}

/** A check run after each of a series of writes, its failures naming the steps so far. */
function stepChecker(compare: (steps: string) => Promise<void>) {
  const steps: string[] = [];
  return async (step: string) => {
    steps.push(step);
    await compare(steps.join(" → "));
  };
}

describe("the countries index", () => {
  it("counts each country's published events as a recount from the events does, after every kind of write", async () => {
    const check = stepChecker(async (steps) => {
      expect(await indexCounts(), steps).toEqual(await recount());
      expect(await derivedEventRows(), steps).toEqual(await recomputedEventRows());
    });
    await check("seeded record");
    const person = await db.person.create({ data: { slug: "countryq-counted-person", name: "Counted Person", countryId: "NO" } });
    const org = await db.organization.create({ data: { slug: "countryq-counted-org", name: "Counted Organization", kind: "GOVERNMENT_BODY", countryId: "SE" } });
    const event = await db.event.create({
      data: {
        slug: "countryq-counted-event",
        title: "Counted event",
        summary: "An event whose countries are counted.",
        type: "MEETING",
        date: new Date("2025-11-06"),
        status: "PUBLISHED",
        countryId: "FI",
        participants: { create: [{ role: "HOST", personId: person.id }, { role: "PARTICIPANT", organizationId: org.id }, { role: "VISITOR", countryId: "FI" }] },
      },
    });
    await check("a published event with a person, an organization and its own country");
    const before = await indexCounts();
    expect(before.NO).toBeGreaterThan(0);
    expect(before.SE).toBeGreaterThan(0);

    await db.person.update({ where: { id: person.id }, data: { countryId: "DK" } });
    await check("the person's country changed");
    expect((await indexCounts()).NO ?? 0).toBe((before.NO ?? 0) - 1);

    await db.organization.update({ where: { id: org.id }, data: { countryId: null } });
    await check("the organization lost its country");
    await db.eventParticipant.updateMany({ where: { eventId: event.id, organizationId: org.id }, data: { organizationId: null, countryId: "IS" } });
    await check("a participant now a country instead of the organization");
    await db.eventParticipant.deleteMany({ where: { eventId: event.id, personId: person.id } });
    await check("a participant removed");
    await db.event.update({ where: { id: event.id }, data: { countryId: "EE" } });
    await check("the event's own country changed");
    await db.event.update({ where: { id: event.id }, data: { date: new Date("2025-11-07"), dayOrder: 3 } });
    await check("the event's date and order of the day changed");
    await db.event.update({ where: { id: event.id }, data: { type: "RELATIONS_ESTABLISHED" } });
    await check("the event's type changed");
    await db.event.update({ where: { id: event.id }, data: { date: null } });
    await check("the event's date unknown");
    await db.event.update({ where: { id: event.id }, data: { status: "DRAFT" } });
    await check("unpublished");
    expect((await indexCounts()).IS ?? 0).toBe((before.IS ?? 0));
    await db.event.update({ where: { id: event.id }, data: { status: "PUBLISHED" } });
    await check("published again");
    await db.event.delete({ where: { id: event.id } });
    await check("deleted");
    expect(await db.eventCountry.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("the countries each statement concerns", () => {
  it("are kept as a recount from the statements, their tags and their speakers gives, after every kind of write", async () => {
    const check = stepChecker(async (steps) => expect(await derivedConcerns(), steps).toEqual(await recomputedConcerns()));
    await check("seeded record");
    expect((await derivedConcerns()).length).toBeGreaterThan(0);
    const speaker = await db.person.create({ data: { slug: "countryq-concern-speaker", name: "Concerned Speaker", countryId: "NO" } });
    const other = await db.person.create({ data: { slug: "countryq-concern-other", name: "Other Speaker", countryId: "PT" } });
    const statement = await db.statement.create({
      data: {
        slug: "countryq-concerned-statement",
        title: "A statement about two countries",
        text: "Words about two countries.",
        medium: "OFFICIAL_STATEMENT",
        saidOn: new Date("2025-11-06"),
        status: "PUBLISHED",
        speakerId: speaker.id,
        countries: { create: [{ countryId: "FI" }, { countryId: "NO" }] },
      },
    });
    await check("a published statement tagged with two countries, one its speaker's");
    const concerns = async () => (await db.statementConcern.findMany({ where: { statementId: statement.id }, orderBy: { countryId: "asc" } })).map((c) => c.countryId);
    expect(await concerns()).toEqual(["FI", "NO"]);

    await db.person.update({ where: { id: speaker.id }, data: { countryId: "DK" } });
    await check("the speaker's country changed");
    expect(await concerns()).toEqual(["DK", "FI", "NO"]);
    await db.statementCountry.deleteMany({ where: { statementId: statement.id, countryId: "NO" } });
    await check("a tag removed");
    await db.statementCountry.updateMany({ where: { statementId: statement.id, countryId: "FI" }, data: { countryId: "IS" } });
    await check("a tag changed");
    await db.statement.update({ where: { id: statement.id }, data: { speakerId: other.id } });
    await check("another speaker");
    expect(await concerns()).toEqual(["IS", "PT"]);
    await db.statement.update({ where: { id: statement.id }, data: { saidOn: new Date("2025-11-08") } });
    await check("said on another day");
    await db.statement.update({ where: { id: statement.id }, data: { saidOn: null } });
    await check("the day unknown");
    await db.statement.update({ where: { id: statement.id }, data: { status: "DRAFT" } });
    await check("unpublished");
    await db.statement.update({ where: { id: statement.id }, data: { status: "PUBLISHED" } });
    await check("published again");
    await db.statement.update({ where: { id: statement.id }, data: { speakerId: null, speakerLabel: "a senior official" } });
    await check("no named speaker");
    expect(await concerns()).toEqual(["IS"]);
    await db.statement.delete({ where: { id: statement.id } });
    await check("deleted");
    expect(await db.statementConcern.count({ where: { statementId: statement.id } })).toBe(0);
  });
});
