import "server-only";
import { db, PREPARED, Prisma, queryRows } from "@/lib/db/client";
import { eventsOldestFirstSql } from "@/lib/events/event-order";
import { assertFiltersExist, eventConditions, listPublishedPage, publishedListSource, type PublishedPage } from "@/lib/api/filters";
import { inOrder } from "@/lib/api/keyset";
import { EVENT_DETAIL_FIELDS, EVENT_SUMMARY_FIELDS } from "@/lib/site/public-selects";
import type { EventListQuery, ListFilters } from "@/lib/api/list-query";

/**
 * The public list of events: published only, filtered, keyset-paged. Shared by
 * /events, the feeds, the API and the CSV export, so they always agree.
 */
export const PUBLIC_EVENT_LIST_SELECT = {
  ...EVENT_SUMMARY_FIELDS,
  ...EVENT_DETAIL_FIELDS,
  country: { select: { iso2: true, name: true } },
  agreement: { select: { id: true, slug: true, name: true } },
  topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: "asc" } } },
  participants: {
    orderBy: { position: "asc" },
    select: {
      role: true,
      country: { select: { iso2: true, name: true } },
      organization: { select: { slug: true, name: true } },
      person: { select: { slug: true, name: true } },
    },
  },
} as const;

export type PublicEventListItem = Prisma.EventGetPayload<{ select: typeof PUBLIC_EVENT_LIST_SELECT }>;

/**
 * A page's events as PUBLIC_EVENT_LIST_SELECT describes them, read in one statement
 * (each relation as JSON): Prisma reads a relation per query, nine round trips that
 * took most of a list request's time on a large record. public-list.test.ts holds
 * this to what Prisma returns for the same select.
 */
async function fetchEvents(ids: string[]): Promise<PublicEventListItem[]> {
  if (ids.length === 0) return [];
  // The status filter is repeated here so a row unpublished between the two reads never shows.
  // Participants and topics are gathered for the whole page at once (joined to the
  // small name tables once, not once per row): 5.4 → 3.7 ms for 50 events on the
  // scale record (docs/performance.md, "Lists"). People are not a small table: a
  // join read all of them into a hash for a page's few dozen, so each participant's
  // person is looked up by its key instead. Prepared (PREPARED): planning it took as
  // long as running it.
  const rows = await queryRows<PublicEventListItem>(db, Prisma.sql`${PREPARED}
    WITH participants AS (
      SELECT p."eventId", json_agg(json_build_object(
          'role', p.role,
          'country', CASE WHEN c.iso2 IS NULL THEN NULL ELSE json_build_object('iso2', c.iso2, 'name', c.name) END,
          'organization', CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('slug', o.slug, 'name', o.name) END,
          'person', (SELECT json_build_object('slug', pe.slug, 'name', pe.name) FROM "Person" pe WHERE pe.id = p."personId")) ORDER BY p.position, p.id) AS list
        FROM "EventParticipant" p
          LEFT JOIN "Country" c ON c.iso2 = p."countryId"
          LEFT JOIN "Organization" o ON o.id = p."organizationId"
        WHERE p."eventId" = ANY(${ids}::text[]) GROUP BY p."eventId"),
    topics AS (
      SELECT et."eventId", json_agg(json_build_object('topic', json_build_object('slug', tp.slug, 'name', tp.name)) ORDER BY tp.name, tp.id) AS list
        FROM "EventTopic" et JOIN "Topic" tp ON tp.id = et."topicId" WHERE et."eventId" = ANY(${ids}::text[]) GROUP BY et."eventId")
    SELECT e.id, e.slug, e.title, e.summary, e.type::text AS type, e."date", e."datePrecision"::text AS "datePrecision",
      e."dateApproximate", e."dayOrder", e.occurrence::text AS occurrence, e."placeName",
      e.body, e."cameoCode", e."endDate", e."localTime", e."timeZone", e."unconfirmedNote", e."firstPublishedAt", e."publishedAt",
      CASE WHEN c.iso2 IS NULL THEN NULL ELSE json_build_object('iso2', c.iso2, 'name', c.name) END AS country,
      CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'slug', a.slug, 'name', a.name) END AS agreement,
      COALESCE(tps.list, '[]') AS topics,
      COALESCE(ps.list, '[]') AS participants
    FROM "Event" e
      LEFT JOIN "Country" c ON c.iso2 = e."countryId"
      LEFT JOIN "Agreement" a ON a.id = e."agreementId"
      LEFT JOIN topics tps ON tps."eventId" = e.id
      LEFT JOIN participants ps ON ps."eventId" = e.id
    WHERE e.id = ANY(${ids}::text[]) AND e.status = 'PUBLISHED'`);
  return inOrder(ids, rows);
}

export type PublicEventPage = PublishedPage<PublicEventListItem>;

export async function listPublishedEvents(query: EventListQuery): Promise<PublicEventPage> {
  return listPublishedPage(db, publishedListSource("Event", query), query, fetchEvents);
}

/**
 * Upcoming scheduled events for /calendar.ics, oldest first: published, occurrence SCHEDULED,
 * with a day-precision date from today on, narrowed by the events list's filters (a country's
 * calendar holds the events involving it, as its feed does). A dateless one (the promised
 * signing ceremony) joins the calendar once an editor gives it a date.
 */
export async function listUpcomingPublishedEvents(filters: ListFilters = {}, options: { now?: Date; limit?: number } = {}): Promise<PublicEventListItem[]> {
  const now = options.now ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const where = [
    ...eventConditions(filters),
    Prisma.sql`t.occurrence = 'SCHEDULED'::"Occurrence"`,
    Prisma.sql`t."datePrecision" = 'DAY'::"DatePrecision"`,
    Prisma.sql`t."date" >= ${today}::date`,
  ];
  const rows = await queryRows<{ id: string }>(db, Prisma.sql`
    SELECT t.id FROM "Event" t WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${eventsOldestFirstSql("t")} LIMIT ${options.limit ?? 500}`);
  // An empty calendar is checked as an empty list is: a filter naming nothing is a reader's typo (a 400).
  if (rows.length === 0) await assertFiltersExist(db, filters);
  return fetchEvents(rows.map((row) => row.id));
}
