import "server-only";
import { db } from "@/lib/db/client";
import { EVENTS_OLDEST_FIRST } from "@/lib/events/event-order";
import { countryHasFewEvents, eventConditions, listPublishedPage, type PublishedPage } from "@/lib/api/filters";
import { inOrder } from "@/lib/api/keyset";
import { EVENT_DETAIL_FIELDS, EVENT_SUMMARY_FIELDS } from "@/lib/site/public-selects";
import type { EventListQuery } from "@/lib/api/list-query";

/**
 * The public list of events: published only, filtered, keyset-paged. Shared by
 * /events, the feeds, the API and the CSV export, so they always agree.
 */
export const PUBLIC_EVENT_LIST_SELECT = {
  ...EVENT_SUMMARY_FIELDS,
  ...EVENT_DETAIL_FIELDS,
  country: { select: { iso2: true, name: true } },
  agreement: { select: { id: true, slug: true, name: true } },
  topics: { select: { topic: { select: { slug: true, name: true } } } },
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

async function fetchEvents(ids: string[]) {
  if (ids.length === 0) return [];
  // The status filter is repeated here so a row unpublished between the two reads never shows.
  const rows = await db.event.findMany({ where: { id: { in: ids }, status: "PUBLISHED" }, select: PUBLIC_EVENT_LIST_SELECT });
  return inOrder(ids, rows);
}

export type PublicEventListItem = Awaited<ReturnType<typeof fetchEvents>>[number];

export type PublicEventPage = PublishedPage<PublicEventListItem>;

export async function listPublishedEvents(query: EventListQuery): Promise<PublicEventPage> {
  const isFewCountryEvents = query.country ? await countryHasFewEvents(db, query.country) : false;
  return listPublishedPage(db, { table: "Event", dateColumn: "date", where: eventConditions(query, { isFewCountryEvents }) }, query, fetchEvents);
}

/**
 * Upcoming scheduled events for /calendar.ics: published, occurrence SCHEDULED, with
 * a day-precision date from today on. A dateless one (the promised signing
 * ceremony) joins the calendar once an editor gives it a date.
 */
export async function listUpcomingPublishedEvents(options: { now?: Date; limit?: number } = {}) {
  const now = options.now ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return db.event.findMany({
    where: { status: "PUBLISHED", occurrence: "SCHEDULED", datePrecision: "DAY", date: { gte: today } },
    orderBy: EVENTS_OLDEST_FIRST,
    take: options.limit ?? 500,
    select: PUBLIC_EVENT_LIST_SELECT,
  });
}
