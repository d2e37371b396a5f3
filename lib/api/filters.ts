import { Prisma, queryRows, type Db } from "@/lib/db/client";
import { decodeCursor } from "./cursor";
import { keysetPage, type KeysetSource } from "./keyset";
import { QueryParameterError, type ListFilters } from "./list-query";

/**
 * Filters name things by code or slug; a code that names nothing is a reader's
 * typo, so it is answered with a 400 naming the parameter rather than an empty list.
 */
export async function assertFiltersExist(db: Db, filters: ListFilters): Promise<void> {
  const [country, topic, agreement, speaker] = await Promise.all([
    filters.country ? db.country.findUnique({ where: { iso2: filters.country }, select: { iso2: true } }) : true,
    filters.topic ? db.topic.findUnique({ where: { slug: filters.topic }, select: { id: true } }) : true,
    filters.agreement ? db.agreement.findUnique({ where: { slug: filters.agreement }, select: { id: true } }) : true,
    filters.speaker ? db.person.findUnique({ where: { slug: filters.speaker }, select: { id: true } }) : true,
  ]);
  if (!country) throw new QueryParameterError("country", `"country": there is no country with the code ${filters.country}`);
  if (!topic) throw new QueryParameterError("topic", `"topic": there is no topic "${filters.topic}"`);
  if (!agreement) throw new QueryParameterError("agreement", `"agreement": there is no agreement "${filters.agreement}"`);
  if (!speaker) throw new QueryParameterError("speaker", `"speaker": there is no person "${filters.speaker}"`);
}

/**
 * A country's events (its own or with it as a participant) are found in one of two
 * ways. Most countries are in many events: the list walks the date index and checks
 * each row against the country (index-only, see the Event indexes), stopping at a
 * full page. A country in few events would have that walk read the whole record for
 * a page it never fills (100–730 ms on 100,000 events): its events are instead read
 * through their ids, at most this many index lookups.
 */
export const FEW_COUNTRY_EVENTS = 1_000;
/** The count only chooses the plan (a stale one costs time, never rows), so it is kept a minute per process. */
const COUNT_TTL_MS = 60_000;
const counted = new WeakMap<Db, Map<string, { at: number; isFew: boolean }>>();

/** Whether at most FEW_COUNTRY_EVENTS events name the country; a count that stops there, from two indexes. */
export async function countryHasFewEvents(db: Db, country: string): Promise<boolean> {
  const known = counted.get(db) ?? new Map<string, { at: number; isFew: boolean }>();
  counted.set(db, known);
  const hit = known.get(country);
  if (hit && Date.now() - hit.at < COUNT_TTL_MS) return hit.isFew;
  const [row] = await queryRows<{ n: number }>(db, Prisma.sql`
    SELECT count(*)::int AS n FROM (
      (SELECT 1 FROM "EventParticipant" p WHERE p."countryId" = ${country} LIMIT ${FEW_COUNTRY_EVENTS + 1})
      UNION ALL
      (SELECT 1 FROM "Event" e WHERE e."countryId" = ${country} LIMIT ${FEW_COUNTRY_EVENTS + 1})
    ) named`);
  const isFew = (row?.n ?? 0) <= FEW_COUNTRY_EVENTS;
  known.set(country, { at: Date.now(), isFew });
  return isFew;
}

/** SQL conditions on an Event aliased `t`. Always starts with the PUBLISHED filter. */
export function eventConditions(filters: ListFilters, options: EventConditionOptions = {}): Prisma.Sql[] {
  return [Prisma.sql`t.status = 'PUBLISHED'::"PublicationStatus"`, ...eventFilterConditions(filters, options)];
}

export interface EventConditionOptions {
  /** From countryHasFewEvents: match the country through the set of its events' ids. Same rows either way. */
  isFewCountryEvents?: boolean;
  /**
   * Also require the country in the table of each event's countries (EventCountry, kept
   * by triggers: the event's own country and its participants', and a participating
   * person's or organization's, so it holds every row this filter keeps and some more).
   * Same rows; search asks for it, because PostgreSQL estimates how many events a country
   * has from that table's statistics and can start from its index, where for the OR of the
   * row-by-row form it guesses half the table and for the union of two indexes 200 rows,
   * and a search's plan rests on the estimate.
   */
  isCountryFromTable?: boolean;
}

/** The filters alone, whatever the status: the desk's lists add their own status filter (lib/desk/content-search.ts). */
export function eventFilterConditions(filters: ListFilters, options: EventConditionOptions = {}): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filters.country && options.isCountryFromTable) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "EventCountry" ec WHERE ec."eventId" = t.id AND ec."countryId" = ${filters.country})`);
  }
  if (filters.country && options.isFewCountryEvents) {
    where.push(
      Prisma.sql`t.id IN (SELECT e.id FROM "Event" e WHERE e."countryId" = ${filters.country} UNION ALL SELECT p."eventId" FROM "EventParticipant" p WHERE p."countryId" = ${filters.country})`,
    );
  } else if (filters.country) {
    where.push(
      Prisma.sql`(t."countryId" = ${filters.country} OR EXISTS (SELECT 1 FROM "EventParticipant" p WHERE p."eventId" = t.id AND p."countryId" = ${filters.country}))`,
    );
  }
  if (filters.type) where.push(Prisma.sql`t.type = ${filters.type}::"EventType"`);
  if (filters.topic) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "EventTopic" et JOIN "Topic" tp ON tp.id = et."topicId" WHERE et."eventId" = t.id AND tp.slug = ${filters.topic})`,
    );
  }
  if (filters.agreement) where.push(Prisma.sql`t."agreementId" = (SELECT a.id FROM "Agreement" a WHERE a.slug = ${filters.agreement})`);
  if (filters.from) where.push(Prisma.sql`t."date" >= ${filters.from.start}::date`);
  if (filters.to) where.push(Prisma.sql`t."date" <= ${filters.to.end}::date`);
  return where;
}

/** SQL conditions on a Statement aliased `t`. Always starts with the PUBLISHED filter. */
export function statementConditions(filters: ListFilters): Prisma.Sql[] {
  return [Prisma.sql`t.status = 'PUBLISHED'::"PublicationStatus"`, ...statementFilterConditions(filters)];
}

/** The filters alone, whatever the status (the desk's lists). */
export function statementFilterConditions(filters: ListFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filters.country) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "StatementCountry" sc WHERE sc."statementId" = t.id AND sc."countryId" = ${filters.country})`);
  }
  if (filters.topic) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "StatementTopic" st JOIN "Topic" tp ON tp.id = st."topicId" WHERE st."statementId" = t.id AND tp.slug = ${filters.topic})`,
    );
  }
  if (filters.agreement) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Event" e JOIN "Agreement" a ON a.id = e."agreementId" WHERE e.id = t."eventId" AND e.status = 'PUBLISHED'::"PublicationStatus" AND a.slug = ${filters.agreement})`,
    );
  }
  if (filters.speaker) where.push(Prisma.sql`t."speakerId" = (SELECT pe.id FROM "Person" pe WHERE pe.slug = ${filters.speaker})`);
  if (filters.from) where.push(Prisma.sql`t."saidOn" >= ${filters.from.start}::date`);
  if (filters.to) where.push(Prisma.sql`t."saidOn" <= ${filters.to.end}::date`);
  return where;
}

/** One page of a filtered public list; `next` is the older page's cursor, `prev` the newer one's (null at either end). */
export interface PublishedPage<T> {
  items: T[];
  next: string | null;
  prev: string | null;
}

/**
 * A page of published events or statements: the keyset walks the ids, then `fetch`
 * reads those rows in that order. The filters must name things that exist; a row
 * can only match a filter whose country, topic, agreement or speaker exists, so that
 * is checked (one more query) only when the page is empty.
 */
export async function listPublishedPage<T>(
  db: Db,
  source: KeysetSource,
  query: ListFilters & { cursor?: string; limit: number },
  fetch: (ids: string[]) => Promise<T[]>,
): Promise<PublishedPage<T>> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const page = await keysetPage(db, source, { cursor, limit: query.limit });
  if (page.ids.length === 0) await assertFiltersExist(db, query);
  return { items: await fetch(page.ids), next: page.next, prev: page.prev };
}
