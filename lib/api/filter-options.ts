import "server-only";
import { db } from "@/lib/db/client";
import { tags } from "@/lib/cache/tags";
import { cachedRead } from "./cached";
import { slugOrUndefined } from "./list-query";

/**
 * How many speakers, topics or agreements a filter's select lists at most. A large
 * record has thousands of each; listing them all made every list and search page
 * about a megabyte. Past this many, the select offers the ones with the most
 * published items (in name order) and says so; every one stays reachable from its
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

/**
 * Choices for the public filter forms: only countries that appear in the published
 * record (249 options would bury the useful ones), and the speakers, topics and
 * agreements with at least one published item, the most used first when there are
 * more than FILTER_CHOICES_MAX.
 */
export async function listPublicFilterOptions(max = FILTER_CHOICES_MAX): Promise<PublicFilterOptions> {
  const [countries, speakers, topics, agreements] = await Promise.all([
    db.$queryRaw<Array<{ iso2: string; name: string }>>`
      SELECT c.iso2, c.name FROM "Country" c
      WHERE EXISTS (SELECT 1 FROM "Event" e WHERE e."countryId" = c.iso2 AND e.status = 'PUBLISHED')
         OR EXISTS (SELECT 1 FROM "EventParticipant" p JOIN "Event" e ON e.id = p."eventId" WHERE p."countryId" = c.iso2 AND e.status = 'PUBLISHED')
         OR EXISTS (SELECT 1 FROM "StatementCountry" sc JOIN "Statement" s ON s.id = sc."statementId" WHERE sc."countryId" = c.iso2 AND s.status = 'PUBLISHED')
      ORDER BY c.name`,
    db.$queryRaw<UsedRow[]>`
      SELECT p.slug, p.name, (count(*) OVER ())::int AS total
      FROM (SELECT "speakerId" AS id, count(*) AS n FROM "Statement" WHERE status = 'PUBLISHED' AND "speakerId" IS NOT NULL GROUP BY 1) used
      JOIN "Person" p ON p.id = used.id
      ORDER BY used.n DESC, p.name LIMIT ${max}`,
    db.$queryRaw<UsedRow[]>`
      SELECT t.slug, t.name, (count(*) OVER ())::int AS total
      FROM (
        SELECT id, count(*) AS n FROM (
          SELECT et."topicId" AS id FROM "EventTopic" et JOIN "Event" e ON e.id = et."eventId" WHERE e.status = 'PUBLISHED'
          UNION ALL
          SELECT st."topicId" FROM "StatementTopic" st JOIN "Statement" s ON s.id = st."statementId" WHERE s.status = 'PUBLISHED'
        ) uses GROUP BY id
      ) used
      JOIN "Topic" t ON t.id = used.id
      ORDER BY used.n DESC, t.name LIMIT ${max}`,
    db.$queryRaw<UsedRow[]>`
      SELECT a.slug, a.name, (count(*) OVER ())::int AS total
      FROM (SELECT "agreementId" AS id, count(*) AS n FROM "Event" WHERE status = 'PUBLISHED' AND "agreementId" IS NOT NULL GROUP BY 1) used
      JOIN "Agreement" a ON a.id = used.id
      ORDER BY used.n DESC, a.name LIMIT ${max}`,
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
