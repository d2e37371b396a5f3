import "server-only";
import { cachedPublicRead, cachedRecordRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db, type Tx } from "@/lib/db/client";
import { findPublicationPage } from "@/lib/publication/public-page";
import { withSpeakerTitleThen } from "@/lib/statements/speaker-title";
import { EVENT_DETAIL_FIELDS, EVENT_SUMMARY_FIELDS, LINKED_EVENT_SELECT, OFFICE_SPAN_SELECT, PUBLIC_SOURCES, TREATY_ACTION_FIELDS } from "@/lib/site/public-selects";
import { compareEventsOldestFirst, EVENTS_NEWEST_FIRST, EVENTS_OLDEST_FIRST } from "./event-order";

/**
 * Public reads of events. Every function here sees published events only; the
 * `status: "PUBLISHED"` filter is applied here and nowhere else may skip it.
 */
const PUBLISHED = { status: "PUBLISHED" } as const;

const LIST_ITEM_SELECT = { ...EVENT_SUMMARY_FIELDS, country: { select: { iso2: true, name: true } } } as const;

/**
 * The latest news: events that have a date and are not still to come (a scheduled
 * event, dated or not, waits under "Upcoming"), newest first.
 */
export async function listLatestPublishedEvents(options: { limit: number }) {
  return db.event.findMany({
    where: { ...PUBLISHED, date: { not: null }, occurrence: { not: "SCHEDULED" } },
    orderBy: EVENTS_NEWEST_FIRST,
    take: options.limit,
    select: LIST_ITEM_SELECT,
  });
}

export type LatestEvent = Awaited<ReturnType<typeof listLatestPublishedEvents>>[number];

export const getLatestPublishedEvents = cachedPublicRead("latest-events", listLatestPublishedEvents, () => [tags.eventLists]);

/** Scheduled events from today on, soonest first, and those whose date is still to be announced. */
export async function listScheduledPublishedEvents(options: { limit: number; now?: Date }) {
  const now = options.now ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return db.event.findMany({
    where: { ...PUBLISHED, occurrence: "SCHEDULED", OR: [{ date: null }, { date: { gte: today } }] },
    orderBy: EVENTS_OLDEST_FIRST,
    take: options.limit,
    select: LIST_ITEM_SELECT,
  });
}

export const getScheduledPublishedEvents = cachedPublicRead("scheduled-events", listScheduledPublishedEvents, () => [tags.eventLists]);


const CORRECTIONS_SELECT = {
  orderBy: { createdAt: "asc" },
  select: { id: true, note: true, createdAt: true },
} as const;

/** One published event with everything its page shows; null when it is not published. The desk's preview passes the transaction in which it publishes a draft for a moment. */
export async function findPublishedEvent(slug: string, client: Pick<Tx, "event"> = db) {
  return client.event.findFirst({
    where: { slug, ...PUBLISHED },
    select: {
      ...EVENT_SUMMARY_FIELDS,
      ...EVENT_DETAIL_FIELDS,
      country: { select: { iso2: true, name: true, wikidataId: true } },
      agreement: { select: { slug: true, name: true, kind: true } },
      parent: { where: PUBLISHED, select: { slug: true, title: true, date: true, datePrecision: true } },
      children: {
        where: PUBLISHED,
        orderBy: EVENTS_OLDEST_FIRST,
        select: { slug: true, title: true, type: true, date: true, datePrecision: true, dateApproximate: true, occurrence: true },
      },
      linksOut: {
        where: { toEvent: PUBLISHED },
        orderBy: { toEvent: { date: { sort: "asc", nulls: "last" } } },
        select: { kind: true, toEvent: { select: LINKED_EVENT_SELECT } },
      },
      linksIn: {
        where: { fromEvent: PUBLISHED },
        orderBy: { fromEvent: { date: { sort: "asc", nulls: "last" } } },
        select: { kind: true, fromEvent: { select: LINKED_EVENT_SELECT } },
      },
      participants: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          role: true,
          country: { select: { iso2: true, name: true, wikidataId: true } },
          organization: { select: { slug: true, name: true, acronym: true, kind: true, wikidataId: true } },
          person: { select: { slug: true, name: true, wikidataId: true, offices: { select: OFFICE_SPAN_SELECT } } },
        },
      },
      treatyActions: {
        orderBy: [{ date: "asc" }, { id: "asc" }],
        select: {
          ...TREATY_ACTION_FIELDS,
          country: { select: { iso2: true, name: true } },
          agreement: { select: { slug: true, name: true } },
          viaAgreement: { select: { slug: true, name: true } },
        },
      },
      statements: {
        where: PUBLISHED,
        orderBy: [{ saidOn: "asc" }, { id: "asc" }],
        select: {
          slug: true,
          title: true,
          speakerLabel: true,
          speakerTitle: true,
          saidOn: true,
          speaker: { select: { slug: true, name: true, offices: { select: OFFICE_SPAN_SELECT } } },
        },
      },
      topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: "asc" } } },
      sources: PUBLIC_SOURCES,
      corrections: CORRECTIONS_SELECT,
    },
  });
}

/** An event as its public page shows it: the published row, speakers' titles then, and its story. */
export type PublishedEvent = NonNullable<Awaited<ReturnType<typeof findPublishedEventWithStory>>>;

/**
 * What remains public of a retracted event: its title, when and why it was
 * retracted. The retracted text itself is never selected.
 */
export async function findRetractedEventTombstone(slug: string) {
  return db.event.findFirst({
    where: { slug, status: "RETRACTED", firstPublishedAt: { not: null } },
    select: { slug: true, title: true, retractedAt: true, retractionReason: true },
  });
}

export type EventTombstone = NonNullable<Awaited<ReturnType<typeof findRetractedEventTombstone>>>;

export type StoryEvent = { id: string; slug: string; title: string; type: string; date: Date | null; datePrecision: "DAY" | "MONTH" | "YEAR"; dateApproximate: boolean; dayOrder: number; occurrence: string };

/** How far the story of an event reaches: enough for a day's sequence, bounded for pathological link webs. */
const STORY_LIMIT = 24;

/**
 * The story an event belongs to, in order: the events linked to it ("led to",
 * "followed from", "part of", transitively) and the other events of its day that
 * share a country with it. Published events only; the event itself is included.
 */
export async function findEventStory(
  event: { id: string; date: Date | null; datePrecision: string; countryIds: string[] },
  client: Pick<Tx, "event" | "eventLink"> = db,
): Promise<StoryEvent[]> {
  const found = new Map<string, StoryEvent>();
  let frontier = [event.id];
  while (frontier.length && found.size < STORY_LIMIT) {
    // The frontier's neighbours by index look-ups (its events' parents and children,
    // the links either way), then the published ones among them. One filter with the
    // relations in an OR read every published event (0.6 s on 100,000 events).
    const family = await client.event.findMany({ where: { OR: [{ id: { in: frontier } }, { parentId: { in: frontier } }] }, select: { id: true, parentId: true } });
    const links = await client.eventLink.findMany({
      where: { OR: [{ fromEventId: { in: frontier } }, { toEventId: { in: frontier } }] },
      select: { fromEventId: true, toEventId: true },
    });
    const near = new Set<string>();
    for (const row of family) {
      near.add(row.id);
      if (row.parentId) near.add(row.parentId);
    }
    for (const link of links) near.add(link.fromEventId).add(link.toEventId);
    const rows = await client.event.findMany({
      where: { ...PUBLISHED, id: { in: [...near] } },
      orderBy: EVENTS_OLDEST_FIRST,
      take: STORY_LIMIT,
      select: LINKED_EVENT_SELECT,
    });
    frontier = [];
    for (const row of rows) {
      if (found.has(row.id) || found.size >= STORY_LIMIT) continue;
      found.set(row.id, row);
      frontier.push(row.id);
    }
  }
  if (event.date && event.datePrecision === "DAY" && event.countryIds.length) {
    const sameDay = await client.event.findMany({
      where: {
        ...PUBLISHED,
        date: event.date,
        datePrecision: "DAY",
        OR: [{ countryId: { in: event.countryIds } }, { participants: { some: { OR: [{ countryId: { in: event.countryIds } }, { person: { countryId: { in: event.countryIds } } }] } } }],
      },
      orderBy: EVENTS_OLDEST_FIRST,
      take: STORY_LIMIT,
      select: LINKED_EVENT_SELECT,
    });
    for (const row of sameDay) if (!found.has(row.id) && found.size < STORY_LIMIT) found.set(row.id, row);
  }
  return [...found.values()].sort(compareEventsOldestFirst);
}

/** A published event as its page shows it: speakers' titles then, and its story. The desk's preview passes its transaction. */
export async function findPublishedEventWithStory(slug: string, client: Pick<Tx, "event" | "eventLink"> = db) {
  const found = await findPublishedEvent(slug, client);
  if (!found) return null;
  const countryIds = new Set<string>();
  if (found.country) countryIds.add(found.country.iso2);
  for (const p of found.participants) if (p.country) countryIds.add(p.country.iso2);
  const story = await findEventStory({ id: found.id, date: found.date, datePrecision: found.datePrecision, countryIds: [...countryIds] }, client);
  return { ...found, statements: found.statements.map(withSpeakerTitleThen), story };
}

/** The event page: the published event, or the tombstone of a retracted one. */
export const findPublicEventPage = (slug: string) => findPublicationPage(slug, { kind: "event", published: findPublishedEventWithStory, retracted: findRetractedEventTombstone });

// Event pages show linked statements, child events, agreements and actors by name,
// so they also depend on the list tags that any such change expires.
export const getPublicEventPage = cachedRecordRead("event-page", findPublicEventPage, (slug: string) => [
  tags.event(slug),
  tags.eventLists,
  tags.statementLists,
  tags.agreementLists,
]);
