import { Prisma, type Db } from "@/lib/db/client";
import { decodeCursor } from "./cursor";
import { keysetPage, type KeysetSource } from "./keyset";
import { mergedSlug, type MergedKind } from "@/lib/records/merged-slug";
import { MovedFilterError, QueryParameterError, type ListFilters } from "./list-query";

/**
 * Filters name things by code or slug; a code that names nothing is a reader's
 * typo, so it is answered with a 400 naming the parameter rather than an empty list. A
 * speaker, topic or agreement merged into another moves the list to the kept one's (MovedFilterError).
 */
export async function assertFiltersExist(db: Db, filters: ListFilters): Promise<void> {
  const [country, topic, agreement, speaker] = await Promise.all([
    filters.country ? db.country.findUnique({ where: { iso2: filters.country }, select: { iso2: true } }) : true,
    filters.topic ? db.topic.findUnique({ where: { slug: filters.topic }, select: { id: true } }) : true,
    filters.agreement ? db.agreement.findUnique({ where: { slug: filters.agreement }, select: { id: true } }) : true,
    filters.speaker ? db.person.findUnique({ where: { slug: filters.speaker }, select: { id: true } }) : true,
  ]);
  if (!country) throw new QueryParameterError("country", `"country": there is no country with the code ${filters.country}`);
  const moved = async (parameter: "topic" | "agreement" | "speaker", kind: MergedKind, slug: string) => {
    const to = await mergedSlug(kind, slug);
    if (to) throw new MovedFilterError(parameter, slug, to);
  };
  if (!topic) await moved("topic", "TOPIC", filters.topic!);
  if (!agreement) await moved("agreement", "AGREEMENT", filters.agreement!);
  if (!speaker) await moved("speaker", "PERSON", filters.speaker!);
  if (!topic) throw new QueryParameterError("topic", `"topic": there is no topic "${filters.topic}"`);
  if (!agreement) throw new QueryParameterError("agreement", `"agreement": there is no agreement "${filters.agreement}"`);
  if (!speaker) throw new QueryParameterError("speaker", `"speaker": there is no person "${filters.speaker}"`);
}

/*
 * What a country filter keeps is what the country's page counts: an event involving the
 * country (its own country, a participating country, a participating person's or
 * organization's), a statement concerning it (tagged with it, or said by one of its
 * people). Both sets are kept by the database's triggers (EventCountry,
 * StatementConcern), which the lists walk in date order (`KeysetSource.walk`) and
 * the desk tests row by row; a topic's links likewise carry their row's date.
 */

/** SQL conditions on an Event aliased `t`. Always starts with the PUBLISHED filter. */
export function eventConditions(filters: ListFilters): Prisma.Sql[] {
  return [Prisma.sql`t.status = 'PUBLISHED'::"PublicationStatus"`, ...eventFilterConditions(filters)];
}

/**
 * A public list's rows. A country's are walked in its part of the country index, a
 * topic's (without a country) in its part of the topic index (alias `k`;
 * `KeysetSource.walk`). The index entries hold the row's date, and the country index an
 * event's type too: those filters are tested on the entries, so a date range starts the
 * walk where the range begins.
 */
export function publishedListSource(table: "Event" | "Statement", filters: ListFilters): KeysetSource {
  const dateColumn = table === "Event" ? "date" : "saidOn";
  const conditions = table === "Event" ? eventConditions : statementConditions;
  const { country, topic, from, to, ...others } = filters;
  const onEntries = dateRange(Prisma.raw(`k."${dateColumn}"`), { from, to });
  if (country) {
    const { type, ...rest } = others;
    const typeOnEntries = table === "Event" && type ? [Prisma.sql`k.type = ${type}::"EventType"`] : [];
    return { table, dateColumn, where: [...conditions({ ...rest, topic }), ...typeOnEntries, ...onEntries], walk: { by: "country", value: country } };
  }
  if (topic) return { table, dateColumn, where: [...conditions(others), ...onEntries], walk: { by: "topic", value: topic } };
  return { table, dateColumn, where: conditions(filters) };
}

/** A date filter's bounds on a column. */
function dateRange(column: Prisma.Sql, filters: Pick<ListFilters, "from" | "to">): Prisma.Sql[] {
  return [
    ...(filters.from ? [Prisma.sql`${column} >= ${filters.from.start}::date`] : []),
    ...(filters.to ? [Prisma.sql`${column} <= ${filters.to.end}::date`] : []),
  ];
}

/** The filters alone, whatever the status: the desk's lists add their own status filter (lib/desk/content-search.ts). */
export function eventFilterConditions(filters: ListFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filters.country) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "EventCountry" ec WHERE ec."eventId" = t.id AND ec."countryId" = ${filters.country})`);
  }
  if (filters.type) where.push(Prisma.sql`t.type = ${filters.type}::"EventType"`);
  if (filters.topic) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "EventTopic" et JOIN "Topic" tp ON tp.id = et."topicId" WHERE et."eventId" = t.id AND tp.slug = ${filters.topic})`,
    );
  }
  if (filters.agreement) where.push(Prisma.sql`t."agreementId" = (SELECT a.id FROM "Agreement" a WHERE a.slug = ${filters.agreement})`);
  where.push(...dateRange(Prisma.raw(`t."date"`), filters));
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
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "StatementConcern" sc WHERE sc."statementId" = t.id AND sc."countryId" = ${filters.country})`);
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
  where.push(...dateRange(Prisma.raw(`t."saidOn"`), filters));
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
