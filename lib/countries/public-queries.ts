import "server-only";
import { deriveParticipantStatus, type ParticipantStatus } from "@/lib/agreements/participant-status";
import { cachedPublicRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db, Prisma } from "@/lib/db/client";
import { EVENTS_NEWEST_FIRST, EVENTS_OLDEST_FIRST, eventsNewestFirstSql } from "@/lib/events/event-order";
import { EVENT_SUMMARY_FIELDS } from "@/lib/site/public-selects";
import { STATEMENT_LIST_SELECT } from "@/lib/statements/public-queries";
import { withSpeakerTitleThen } from "@/lib/statements/speaker-title";
import { STATEMENTS_NEWEST_FIRST, statementsNewestFirstSql } from "@/lib/statements/statement-order";

/**
 * Public reads about countries: the index, a country's record, and the record two
 * countries share. Only published events and statements are ever counted or shown.
 */
const PUBLISHED = { status: "PUBLISHED" } as const;

/**
 * An event "involves" a country when it happened there or the country, or one of its
 * people or organizations, took part: EventCountry, which the database keeps (migration
 * 20261201140000_event_countries), one index look-up. A statement "concerns" a country
 * when it is tagged with it or its speaker belongs to it. Both are answered as sets of
 * ids, so that a country with nine events in a record of 100,000 costs what those nine
 * cost; a filter on the events table walked every published event checking its
 * participants (0.3–0.9 s on the scale record), and the union of the four ways in
 * still sorted a busy country's 7,500 events by way of the whole date index (0.4 s).
 * The people of a country are read first (ARRAY(...)), so each of their statements is
 * an index look-up.
 */
function idsInvolving(iso2: string): Prisma.Sql {
  return Prisma.sql`SELECT "eventId" AS id FROM "EventCountry" WHERE "countryId" = ${iso2} AND published`;
}

function idsConcerning(iso2: string): Prisma.Sql {
  return Prisma.sql`
    SELECT "statementId" AS id FROM "StatementCountry" WHERE "countryId" = ${iso2}
    UNION SELECT id FROM "Statement" WHERE "speakerId" = ANY (ARRAY(SELECT id FROM "Person" WHERE "countryId" = ${iso2}))`;
}

/** The two record kinds a country page lists: where their ids come from, and their newest-first order. */
const LISTED = {
  Event: { idsOf: idsInvolving, order: eventsNewestFirstSql("t") },
  Statement: { idsOf: idsConcerning, order: statementsNewestFirstSql("t") },
} as const;

/**
 * The newest `take` published events or statements of every one of `countries` (one,
 * or the two of a relation), as a where on ids.
 */
async function newestOfAll(table: keyof typeof LISTED, countries: string[], take: number) {
  const { idsOf, order } = LISTED[table];
  const sets = Prisma.join(countries.map((iso2) => Prisma.sql`(${idsOf(iso2)})`), " INTERSECT ");
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT t.id FROM (${sets}) c JOIN ${Prisma.raw(`"${table}"`)} t ON t.id = c.id WHERE t.status = 'PUBLISHED'
    ORDER BY ${order} LIMIT ${take}`;
  return { id: { in: rows.map((r) => r.id) } };
}

/** The same test as idsInvolving, for the few rows of a day (findSharedDaysInFull). */
const involving = (iso2: string) => ({ countrySet: { some: { countryId: iso2 } } });

const EVENT_ROW = { ...EVENT_SUMMARY_FIELDS, countrySet: { select: { countryId: true } } } as const;

const STATEMENT_ROW = STATEMENT_LIST_SELECT;

export function normalizeIso2(value: string): string | null {
  return /^[a-z]{2}$/.test(value) ? value.toUpperCase() : null;
}

/**
 * All 249 countries, each with how many published events involve it. The counts come from EventCountry, which the
 * database keeps by triggers (migration 20261201140000_event_countries): counting
 * from the events and their participants on each render read 400,000 rows on the
 * 100,000-event record (0.8 s, again after every publish).
 */
export async function listCountriesWithRecord() {
  const rows = await db.$queryRaw<Array<{ iso2: string; name: string; numeric: string; eventCount: number }>>`
    SELECT c.iso2, c.name, c.numeric, coalesce(x.n, 0)::int AS "eventCount"
      FROM "Country" c
      LEFT JOIN (SELECT "countryId" AS iso2, count(*) AS n FROM "EventCountry" WHERE published GROUP BY "countryId") x ON x.iso2 = c.iso2
     ORDER BY c.name ASC`;
  return rows;
}

/** How many of a country's newest events its page shows; the rest are a link to the filtered list away. */
export const COUNTRY_EVENTS_SHOWN = 100;

/**
 * A country's published events in all, and how many of them each other country shares,
 * counted in EventCountry (which the database keeps): the page shows only the newest
 * COUNTRY_EVENTS_SHOWN, but its count and its partners are the whole record's.
 */
async function countryCounts(iso2: string) {
  const [[total], partners] = await Promise.all([
    db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "EventCountry" WHERE "countryId" = ${iso2} AND published`,
    db.$queryRaw<Array<{ iso2: string; name: string; numeric: string; sharedEvents: number }>>`
      SELECT c.iso2, c.name, c.numeric, count(*)::int AS "sharedEvents"
        FROM "EventCountry" mine
        JOIN "EventCountry" other ON other."eventId" = mine."eventId" AND other."countryId" <> mine."countryId"
        JOIN "Country" c ON c.iso2 = other."countryId"
       WHERE mine."countryId" = ${iso2} AND mine.published
       GROUP BY c.iso2, c.name, c.numeric`,
  ]);
  // Most shared first, then by name as readers sort (localeCompare, not the database's collation).
  partners.sort((a, b) => b.sharedEvents - a.sharedEvents || a.name.localeCompare(b.name));
  return { eventCount: total?.n ?? 0, partners };
}

export async function findPublicCountry(iso2: string) {
  const country = await db.country.findUnique({ where: { iso2 }, select: { iso2: true, iso3: true, numeric: true, name: true, wikidataId: true } });
  if (!country) return null;
  const [events, statements, actions, people, organizations, { eventCount, partners }] = await Promise.all([
    newestOfAll("Event", [iso2], COUNTRY_EVENTS_SHOWN).then((where) => db.event.findMany({ where, orderBy: EVENTS_NEWEST_FIRST, select: EVENT_ROW })),
    newestOfAll("Statement", [iso2], 50).then((where) =>
      db.statement.findMany({
        where,
        orderBy: STATEMENTS_NEWEST_FIRST,
        select: STATEMENT_ROW,
      }),
    ),
    db.treatyAction.findMany({
      where: { countryId: iso2 },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      select: { id: true, type: true, date: true, precision: true, agreement: { select: { slug: true, name: true, kind: true } } },
    }),
    db.person.findMany({ where: { countryId: iso2 }, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.organization.findMany({ where: { countryId: iso2 }, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    countryCounts(iso2),
  ]);

  const agreements = new Map<string, { slug: string; name: string; kind: string; actions: typeof actions; status: ParticipantStatus | null }>();
  for (const action of actions) {
    const entry = agreements.get(action.agreement.slug) ?? { ...action.agreement, actions: [], status: null };
    entry.actions.push(action);
    agreements.set(action.agreement.slug, entry);
  }
  for (const entry of agreements.values()) entry.status = deriveParticipantStatus(entry.actions);

  return { country, events, eventCount, statements: statements.map(withSpeakerTitleThen), agreements: [...agreements.values()], partners, people, organizations };
}

export type PublicCountry = NonNullable<Awaited<ReturnType<typeof findPublicCountry>>>;

/** Two countries' shared record; `a` and `b` are upper-case ISO codes. */
export async function findPublicRelation(a: string, b: string) {
  const countries = await db.country.findMany({ where: { iso2: { in: [a, b] } }, select: { iso2: true, name: true, numeric: true, wikidataId: true } });
  const first = countries.find((c) => c.iso2 === a);
  const second = countries.find((c) => c.iso2 === b);
  if (!first || !second || a === b) return null;
  const [events, statements, actions] = await Promise.all([
    newestOfAll("Event", [a, b], 300).then((where) => db.event.findMany({ where, orderBy: EVENTS_NEWEST_FIRST, select: EVENT_ROW })),
    newestOfAll("Statement", [a, b], 50).then((where) =>
      db.statement.findMany({ where, orderBy: STATEMENTS_NEWEST_FIRST, select: STATEMENT_ROW }),
    ),
    db.treatyAction.findMany({
      where: { countryId: { in: [a, b] } },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      select: { countryId: true, type: true, date: true, agreement: { select: { slug: true, name: true } } },
    }),
  ]);
  const byAgreement = new Map<string, { slug: string; name: string; a: typeof actions; b: typeof actions }>();
  for (const action of actions) {
    const entry = byAgreement.get(action.agreement.slug) ?? { ...action.agreement, a: [], b: [] };
    (action.countryId === a ? entry.a : entry.b).push(action);
    byAgreement.set(action.agreement.slug, entry);
  }
  const agreements = [...byAgreement.values()]
    .filter((e) => e.a.length > 0 && e.b.length > 0)
    .map((e) => ({ slug: e.slug, name: e.name, statusA: deriveParticipantStatus(e.a), statusB: deriveParticipantStatus(e.b) }));
  const established = events
    .filter((e) => e.type === "RELATIONS_ESTABLISHED" && e.date)
    .sort((x, y) => x.date!.getTime() - y.date!.getTime())[0];
  const days = await findSharedDaysInFull(a, b, events);
  return { a: first, b: second, events, statements: statements.map(withSpeakerTitleThen), agreements, established: established ?? null, days };
}

/**
 * The days on which the two countries share an event, told in full: every published
 * event of that day involving either of them, in the day's order, so a reader sees
 * what led up to and followed the shared moments (6 November 2025: the Rubio–Tokayev
 * meeting, the call, the announcement, the summit). Only days where that adds events.
 */
async function findSharedDaysInFull(a: string, b: string, shared: Array<{ id: string; date: Date | null; datePrecision: string }>) {
  const dates = [...new Set(shared.filter((e) => e.date && e.datePrecision === "DAY").map((e) => e.date!.getTime()))].slice(0, 20);
  if (dates.length === 0) return [];
  const rows = await db.event.findMany({
    where: { ...PUBLISHED, datePrecision: "DAY", date: { in: dates.map((t) => new Date(t)) }, OR: [involving(a), involving(b)] },
    orderBy: EVENTS_OLDEST_FIRST,
    take: 200,
    select: EVENT_ROW,
  });
  const sharedIds = new Set(shared.map((e) => e.id));
  return dates
    .sort((x, y) => x - y)
    .map((t) => ({
      date: new Date(t),
      events: rows
        .filter((e) => e.date?.getTime() === t)
        .map((e) => ({ ...e, shared: sharedIds.has(e.id), only: e.countrySet.some((c) => c.countryId === a) ? a : b })),
    }))
    .filter((d) => d.events.some((e) => !e.shared));
}

export type PublicRelation = NonNullable<Awaited<ReturnType<typeof findPublicRelation>>>;

// Country pages show events, statements and agreements, so any of those lists expiring expires them.
const RECORD_TAGS = [tags.eventLists, tags.statementLists, tags.agreementLists];

export const getCountriesWithRecord = cachedPublicRead("countries-index", listCountriesWithRecord, () => [tags.eventLists]);
export const getPublicCountry = cachedPublicRead("country", findPublicCountry, (iso2: string) => [tags.country(iso2), ...RECORD_TAGS]);
export const getPublicRelation = cachedPublicRead("relation", findPublicRelation, (a: string, b: string) => [
  tags.country(a),
  tags.country(b),
  ...RECORD_TAGS,
]);
