import "server-only";
import { deriveParticipantStatus, type ParticipantStatus } from "@/lib/agreements/participant-status";
import { cachedPublicRead, cachedRecordRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db, Prisma } from "@/lib/db/client";
import { EVENTS_NEWEST_FIRST, EVENTS_OLDEST_FIRST } from "@/lib/events/event-order";
import { EVENT_SUMMARY_FIELDS, NEWEST_SHOWN } from "@/lib/site/public-selects";
import { STATEMENT_LIST_SELECT } from "@/lib/statements/public-queries";
import { withSpeakerTitleThen } from "@/lib/statements/speaker-title";
import { STATEMENTS_NEWEST_FIRST } from "@/lib/statements/statement-order";

/**
 * Public reads about countries: the index, a country's record, and the record two
 * countries share. Only published events and statements are ever counted or shown.
 */
const PUBLISHED = { status: "PUBLISHED" } as const;

/**
 * An event "involves" a country when it happened there or the country, or one of its
 * people or organizations, took part: EventCountry. A statement "concerns" a country
 * when it is tagged with it or its speaker belongs to it: StatementConcern. The
 * database keeps both (migrations 20261201140000_event_countries and
 * 20261201200000_country_pages_from_index), so a country's newest rows are found in
 * an index whatever the record's size: a filter on the events table walked every
 * published event checking its participants (0.3–0.9 s on the scale record), and the
 * union of a busy country's tagged statements and its speakers' was sorted in full
 * (6,666 statements, 0.33–0.39 s).
 */

/** EventCountry rows `c` of the published events involving every one of `countries`: the first's rows with the others among their partners. */
function involvingAll(countries: string[]): Prisma.Sql {
  const [first, ...others] = countries;
  return Prisma.sql`c."countryId" = ${first} AND c.published AND c.partners @> ${others}::char(2)[]`;
}

/**
 * The newest `take` published events involving every one of `countries` (one, or the
 * two of a relation), as a where on ids: the first entries of the first country's part
 * of EventCountry's index (in EVENTS_NEWEST_FIRST's order), those with the others
 * among their partners. The where says "published" itself too: the rows read are the
 * events', never the derived table's word alone.
 */
async function newestEvents(countries: string[], take: number) {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT c."eventId" AS id FROM "EventCountry" c
     WHERE ${involvingAll(countries)}
     ORDER BY c.date DESC NULLS FIRST, c."dayOrder" DESC, c."eventId" DESC LIMIT ${take}`;
  return { id: { in: rows.map((r) => r.id) }, ...PUBLISHED };
}

/** StatementConcern rows `c` of the published statements concerning every one of `countries`: the first's rows whose statement concerns the others too. */
function concerningAll(countries: string[]): Prisma.Sql {
  const [first, ...others] = countries;
  const also = others.map(
    (iso2) => Prisma.sql` AND EXISTS (SELECT 1 FROM "StatementConcern" o WHERE o."statementId" = c."statementId" AND o."countryId" = ${iso2})`,
  );
  return Prisma.sql`c."countryId" = ${first} AND c.published${also.length ? Prisma.join(also, "") : Prisma.empty}`;
}

/** The newest `take` published statements concerning every one of `countries`, from StatementConcern's index (in STATEMENTS_NEWEST_FIRST's order). */
async function newestStatements(countries: string[], take: number) {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT c."statementId" AS id FROM "StatementConcern" c
     WHERE ${concerningAll(countries)}
     ORDER BY c."saidOn" DESC NULLS FIRST, c."statementId" DESC LIMIT ${take}`;
  return { id: { in: rows.map((r) => r.id) }, ...PUBLISHED };
}

/** How many published statements concern every one of `countries`, over the whole record. */
async function countStatementsConcerning(countries: string[]): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "StatementConcern" c WHERE ${concerningAll(countries)}`;
  return row?.n ?? 0;
}

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

/**
 * A country's published events in all, and how many of them each other country shares,
 * counted in EventCountry (which the database keeps): the page shows only the newest
 * NEWEST_SHOWN.events, but its count and its partners are the whole record's.
 */
async function countryCounts(iso2: string) {
  const [[total], partners] = await Promise.all([
    db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "EventCountry" WHERE "countryId" = ${iso2} AND published`,
    db.$queryRaw<Array<{ iso2: string; name: string; numeric: string; sharedEvents: number }>>`
      SELECT c.iso2, c.name, c.numeric, x.n::int AS "sharedEvents"
        FROM (SELECT p.iso2, count(*) AS n FROM "EventCountry" mine, unnest(mine.partners) AS p(iso2)
               WHERE mine."countryId" = ${iso2} AND mine.published GROUP BY p.iso2) x
        JOIN "Country" c ON c.iso2 = x.iso2`,
  ]);
  // Most shared first, then by name as readers sort (localeCompare, not the database's collation).
  partners.sort((a, b) => b.sharedEvents - a.sharedEvents || a.name.localeCompare(b.name));
  return { eventCount: total?.n ?? 0, partners };
}

/**
 * A country's record. The country itself is read beside the rest, not before it: a page
 * waited for that round trip before starting its other reads. For a code no country has
 * the other reads find nothing (each is an index look-up) and are dropped.
 */
export async function findPublicCountry(iso2: string) {
  const [country, events, statements, actions, people, organizations, { eventCount, partners }, statementCount] = await Promise.all([
    db.country.findUnique({ where: { iso2 }, select: { iso2: true, iso3: true, numeric: true, name: true, wikidataId: true } }),
    newestEvents([iso2], NEWEST_SHOWN.events).then((where) => db.event.findMany({ where, orderBy: EVENTS_NEWEST_FIRST, select: EVENT_ROW })),
    newestStatements([iso2], NEWEST_SHOWN.statements).then((where) =>
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
    countStatementsConcerning([iso2]),
  ]);
  if (!country) return null;

  const agreements = new Map<string, { slug: string; name: string; kind: string; actions: typeof actions; status: ParticipantStatus | null }>();
  for (const action of actions) {
    const entry = agreements.get(action.agreement.slug) ?? { ...action.agreement, actions: [], status: null };
    entry.actions.push(action);
    agreements.set(action.agreement.slug, entry);
  }
  for (const entry of agreements.values()) entry.status = deriveParticipantStatus(entry.actions);

  return { country, events, eventCount, statements: statements.map(withSpeakerTitleThen), statementCount, agreements: [...agreements.values()], partners, people, organizations };
}

export type PublicCountry = NonNullable<Awaited<ReturnType<typeof findPublicCountry>>>;

/**
 * Two countries' shared record; `a` and `b` are upper-case ISO codes. Everything is
 * read at once, the countries included (as findPublicCountry), and the days in full
 * as soon as the shared events are known rather than after every other read.
 */
export async function findPublicRelation(a: string, b: string) {
  if (a === b) return null;
  const [countries, [events, days], statements, actions, { eventCount, established }, statementCount] = await Promise.all([
    db.country.findMany({ where: { iso2: { in: [a, b] } }, select: { iso2: true, name: true, numeric: true, wikidataId: true } }),
    newestEvents([a, b], NEWEST_SHOWN.events)
      .then((where) => db.event.findMany({ where, orderBy: EVENTS_NEWEST_FIRST, select: EVENT_ROW }))
      .then(async (shared) => [shared, await findSharedDaysInFull(a, b, shared)] as const),
    newestStatements([a, b], NEWEST_SHOWN.statements).then((where) =>
      db.statement.findMany({ where, orderBy: STATEMENTS_NEWEST_FIRST, select: STATEMENT_ROW }),
    ),
    db.treatyAction.findMany({
      where: { countryId: { in: [a, b] } },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      select: { countryId: true, type: true, date: true, agreement: { select: { slug: true, name: true } } },
    }),
    relationFacts(a, b),
    countStatementsConcerning([a, b]),
  ]);
  const first = countries.find((c) => c.iso2 === a);
  const second = countries.find((c) => c.iso2 === b);
  if (!first || !second) return null;
  const byAgreement = new Map<string, { slug: string; name: string; a: typeof actions; b: typeof actions }>();
  for (const action of actions) {
    const entry = byAgreement.get(action.agreement.slug) ?? { ...action.agreement, a: [], b: [] };
    (action.countryId === a ? entry.a : entry.b).push(action);
    byAgreement.set(action.agreement.slug, entry);
  }
  const agreements = [...byAgreement.values()]
    .filter((e) => e.a.length > 0 && e.b.length > 0)
    .map((e) => ({ slug: e.slug, name: e.name, statusA: deriveParticipantStatus(e.a), statusB: deriveParticipantStatus(e.b) }));
  return { a: first, b: second, events, eventCount, statements: statements.map(withSpeakerTitleThen), statementCount, agreements, established, days };
}

/**
 * How many published events two countries share, and the oldest dated one that
 * established their relations, over the whole record (the page shows only the newest
 * NEWEST_SHOWN.events): both from the first country's EventCountry entries.
 */
async function relationFacts(a: string, b: string) {
  const shared = involvingAll([a, b]);
  const [[count], [first]] = await Promise.all([
    db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "EventCountry" c WHERE ${shared}`,
    db.$queryRaw<Array<{ id: string }>>`
      SELECT c."eventId" AS id FROM "EventCountry" c
       WHERE ${shared} AND c.date IS NOT NULL AND c.type = 'RELATIONS_ESTABLISHED'
       ORDER BY c.date, c."dayOrder", c."eventId" LIMIT 1`,
  ]);
  const established = first ? await db.event.findFirst({ where: { id: first.id, ...PUBLISHED }, select: EVENT_ROW }) : null;
  return { eventCount: count?.n ?? 0, established };
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
  // The events of those days involving either country, from EventCountry's index.
  const ids = await db.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT c."eventId" AS id FROM "EventCountry" c
     WHERE c."countryId" IN (${a}, ${b}) AND c.published AND c.date = ANY(${dates.map((t) => new Date(t).toISOString().slice(0, 10))}::date[])`;
  const rows = await db.event.findMany({
    where: { ...PUBLISHED, datePrecision: "DAY", id: { in: ids.map((r) => r.id) } },
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
export const getPublicCountry = cachedRecordRead("country", findPublicCountry, (iso2: string) => [tags.country(iso2), ...RECORD_TAGS]);
export const getPublicRelation = cachedRecordRead("relation", findPublicRelation, (a: string, b: string) => [
  tags.country(a),
  tags.country(b),
  ...RECORD_TAGS,
]);
