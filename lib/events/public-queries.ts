import "server-only";
import { cachedPublicRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db, type Tx } from "@/lib/db/client";

/**
 * Public reads of events. Every function here sees published events only; the
 * `status: "PUBLISHED"` filter is applied here and nowhere else may skip it.
 */
const PUBLISHED = { status: "PUBLISHED" } as const;

export async function listLatestPublishedEvents(options: { limit: number }) {
  return db.event.findMany({
    where: PUBLISHED,
    orderBy: [{ date: { sort: "desc", nulls: "first" } }, { id: "desc" }],
    take: options.limit,
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      type: true,
      date: true,
      datePrecision: true,
      occurrence: true,
      placeName: true,
      country: { select: { iso2: true, name: true } },
    },
  });
}

export type LatestEvent = Awaited<ReturnType<typeof listLatestPublishedEvents>>[number];

export const getLatestPublishedEvents = cachedPublicRead("latest-events", listLatestPublishedEvents, () => [tags.eventLists]);

const SOURCE_SELECT = {
  orderBy: { position: "asc" },
  select: { id: true, url: true, title: true, publisher: true, publishedOn: true, accessedOn: true, archiveUrl: true },
} as const;

const CORRECTIONS_SELECT = {
  orderBy: { createdAt: "asc" },
  select: { id: true, note: true, createdAt: true },
} as const;

/** One published event with everything its page shows; null when it is not published. The desk's preview passes the transaction in which it publishes a draft for a moment. */
export async function findPublishedEvent(slug: string, client: Pick<Tx, "event"> = db) {
  return client.event.findFirst({
    where: { slug, ...PUBLISHED },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      body: true,
      type: true,
      cameoCode: true,
      date: true,
      datePrecision: true,
      endDate: true,
      localTime: true,
      timeZone: true,
      occurrence: true,
      placeName: true,
      firstPublishedAt: true,
      publishedAt: true,
      country: { select: { iso2: true, name: true, wikidataId: true } },
      agreement: { select: { slug: true, name: true, kind: true } },
      parent: { where: PUBLISHED, select: { slug: true, title: true, date: true, datePrecision: true } },
      children: {
        where: PUBLISHED,
        orderBy: [{ date: "asc" }, { id: "asc" }],
        select: { slug: true, title: true, type: true, date: true, datePrecision: true, occurrence: true },
      },
      participants: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          role: true,
          country: { select: { iso2: true, name: true, wikidataId: true } },
          organization: { select: { slug: true, name: true, acronym: true, kind: true, wikidataId: true } },
          person: { select: { slug: true, name: true, wikidataId: true } },
        },
      },
      treatyActions: {
        orderBy: [{ date: "asc" }, { id: "asc" }],
        select: {
          id: true,
          type: true,
          date: true,
          precision: true,
          note: true,
          country: { select: { iso2: true, name: true } },
          agreement: { select: { slug: true, name: true } },
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
          speaker: { select: { slug: true, name: true } },
        },
      },
      topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: "asc" } } },
      sources: SOURCE_SELECT,
      corrections: CORRECTIONS_SELECT,
    },
  });
}

export type PublishedEvent = NonNullable<Awaited<ReturnType<typeof findPublishedEvent>>>;

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

/** The event page: the published event, or the tombstone of a retracted one. */
export async function findPublicEventPage(slug: string) {
  const event = await findPublishedEvent(slug);
  if (event) return { kind: "published" as const, event };
  const tombstone = await findRetractedEventTombstone(slug);
  return tombstone ? { kind: "retracted" as const, tombstone } : null;
}

// Event pages show linked statements, child events, agreements and actors by name,
// so they also depend on the list tags that any such change expires.
export const getPublicEventPage = cachedPublicRead("event-page", findPublicEventPage, (slug: string) => [
  tags.event(slug),
  tags.eventLists,
  tags.statementLists,
  tags.agreementLists,
]);
