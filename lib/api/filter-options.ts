import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { tags } from "@/lib/cache/tags";
import { eventsNewestFirstSql } from "@/lib/events/event-order";
import { statementsNewestFirstSql } from "@/lib/statements/statement-order";
import { cachedRead } from "./cached";
import { slugOrUndefined } from "./list-query";

/**
 * How many speakers, topics or agreements a filter's select lists at most. A large
 * record has thousands of each; listing them all made every list and search page
 * about a megabyte. Past this many, the select offers the ones the newest published
 * items use most (in name order) and says so; every one stays reachable from its
 * own page and by URL.
 */
export const FILTER_CHOICES_MAX = 100;

export interface FilterChoice {
  slug: string;
  name: string;
}

/** The choices of one filter, and how many there are in all (more than `choices.length` when cut). */
export interface FilterChoiceList {
  choices: FilterChoice[];
  total: number;
}

export interface PublicFilterOptions {
  countries: Array<{ iso2: string; name: string }>;
  speakers: FilterChoiceList;
  topics: FilterChoiceList;
  agreements: FilterChoiceList;
}

type UsedRow = FilterChoice & { total: number };

/** Rows ordered by use, at most FILTER_CHOICES_MAX, each carrying the count of all; back in name order. */
function choiceList(rows: UsedRow[]): FilterChoiceList {
  const choices = rows.map(({ slug, name }) => ({ slug, name })).sort(byName);
  return { choices, total: rows[0]?.total ?? 0 };
}

/** How many of the newest published events and statements the "most used" count reads. */
const RECENT_WINDOW = 5_000;
const NEWEST_EVENTS = Prisma.sql`SELECT id, "agreementId" FROM "Event" e WHERE status = 'PUBLISHED' ORDER BY ${eventsNewestFirstSql("e")} LIMIT ${RECENT_WINDOW}`;
const NEWEST_STATEMENTS = Prisma.sql`SELECT id, "speakerId" FROM "Statement" s WHERE status = 'PUBLISHED' ORDER BY ${statementsNewestFirstSql("s")} LIMIT ${RECENT_WINDOW}`;

/**
 * One filter's choices in one query: every row of `table` that a published item uses
 * (`isUsed`, an EXISTS on the row `r`), ordered by how often the newest published items
 * use it (`recentUses`: one id per use, read from the newest RECENT_WINDOW only), then
 * by name; at most `max`, with the number of all. Counting uses over the whole record
 * read every statement (0.4–0.8 s on 200,000, after every publish); the newest window
 * is read from the date indexes. When no more than `max` are used, all are listed and
 * the uses are not counted at all (a one-time filter: PostgreSQL skips that branch):
 * counting the newest items' topics took 45–120 ms on the scale record, for 69 topics.
 */
function usedChoices(table: string, isUsed: Prisma.Sql, recentUses: Prisma.Sql, max: number) {
  return db.$queryRaw<UsedRow[]>`
    WITH used AS (SELECT r.id, r.slug, r.name FROM ${Prisma.raw(`"${table}"`)} r WHERE ${isUsed}),
         total AS (SELECT count(*)::int AS n FROM used),
         recent AS (SELECT id, count(*) AS n FROM (${recentUses}) uses WHERE (SELECT n FROM total) > ${max} GROUP BY id)
    SELECT used.slug, used.name, (SELECT n FROM total) AS total
      FROM used LEFT JOIN recent ON recent.id = used.id
     ORDER BY coalesce(recent.n, 0) DESC, used.name LIMIT ${max}`;
}

/**
 * Choices for the public filter forms: only countries that appear in the published
 * record (249 options would bury the useful ones), and the speakers, topics and
 * agreements with at least one published item — when there are more than
 * FILTER_CHOICES_MAX, the ones the newest items use most.
 */
export async function listPublicFilterOptions(max = FILTER_CHOICES_MAX): Promise<PublicFilterOptions> {
  const [countries, speakers, topics, agreements] = await Promise.all([
    // The countries a filter can keep something for: an event's and a statement's are kept
    // in EventCountry and StatementConcern by the database (one index probe a country).
    db.$queryRaw<Array<{ iso2: string; name: string }>>`
      SELECT c.iso2, c.name FROM "Country" c
      WHERE EXISTS (SELECT 1 FROM "EventCountry" ec WHERE ec."countryId" = c.iso2 AND ec.published)
         OR EXISTS (SELECT 1 FROM "StatementConcern" sc WHERE sc."countryId" = c.iso2 AND sc.published)
      ORDER BY c.name`,
    usedChoices(
      "Person",
      Prisma.sql`EXISTS (SELECT 1 FROM "Statement" s WHERE s."speakerId" = r.id AND s.status = 'PUBLISHED')`,
      Prisma.sql`SELECT "speakerId" AS id FROM (${NEWEST_STATEMENTS}) s`,
      max,
    ),
    usedChoices(
      "Topic",
      Prisma.sql`(EXISTS (SELECT 1 FROM "EventTopic" et JOIN "Event" e ON e.id = et."eventId" WHERE et."topicId" = r.id AND e.status = 'PUBLISHED')
               OR EXISTS (SELECT 1 FROM "StatementTopic" st JOIN "Statement" s ON s.id = st."statementId" WHERE st."topicId" = r.id AND s.status = 'PUBLISHED'))`,
      Prisma.sql`SELECT et."topicId" AS id FROM (${NEWEST_EVENTS}) e JOIN "EventTopic" et ON et."eventId" = e.id
                 UNION ALL SELECT st."topicId" FROM (${NEWEST_STATEMENTS}) s JOIN "StatementTopic" st ON st."statementId" = s.id`,
      max,
    ),
    usedChoices(
      "Agreement",
      Prisma.sql`EXISTS (SELECT 1 FROM "Event" e WHERE e."agreementId" = r.id AND e.status = 'PUBLISHED')`,
      Prisma.sql`SELECT "agreementId" AS id FROM (${NEWEST_EVENTS}) e`,
      max,
    ),
  ]);
  return { countries, speakers: choiceList(speakers), topics: choiceList(topics), agreements: choiceList(agreements) };
}

/** The filter values that name a speaker, topic or agreement by slug. */
export interface ChosenFilters {
  speaker?: string;
  topic?: string;
  agreement?: string;
}

/** Each slug filter: where its choices are in the options, and how one is read by slug. */
const SLUG_FILTERS = [
  { name: "speaker", list: "speakers", find: (slug: string) => db.person.findUnique({ where: { slug }, select: { slug: true, name: true } }) },
  { name: "topic", list: "topics", find: (slug: string) => db.topic.findUnique({ where: { slug }, select: { slug: true, name: true } }) },
  { name: "agreement", list: "agreements", find: (slug: string) => db.agreement.findUnique({ where: { slug }, select: { slug: true, name: true } }) },
] as const;

/**
 * The filter options of the public lists and search, cached under the record's tags,
 * with a chosen speaker, topic or agreement added where the cut left it out (so a
 * filtered page reached by a link shows what it is filtered by).
 */
export async function readPublicFilterOptions(chosen: ChosenFilters): Promise<PublicFilterOptions> {
  const options = await cachedRead(["filter-options"], [tags.eventLists, tags.statementLists, tags.agreementLists, tags.search], () => listPublicFilterOptions());
  const added = await Promise.all(
    SLUG_FILTERS.map(async ({ name, list, find }): Promise<[typeof list, FilterChoiceList]> => {
      const slug = slugOrUndefined(chosen[name]);
      if (!slug || options[list].choices.some((choice) => choice.slug === slug)) return [list, options[list]];
      const extra = await cachedRead(["filter-choice", name, slug], [tags.search], () => find(slug));
      if (!extra) return [list, options[list]]; // the list says the filter names nothing
      return [list, { ...options[list], choices: [...options[list].choices, extra].sort(byName) }];
    }),
  );
  return { ...options, ...Object.fromEntries(added) };
}

function byName(a: FilterChoice, b: FilterChoice): number {
  return a.name.localeCompare(b.name, "en");
}
