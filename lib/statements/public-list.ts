import "server-only";
import { db, PREPARED, Prisma, queryRows } from "@/lib/db/client";
import { listPublishedPage, publishedListSource, type PublishedPage } from "@/lib/api/filters";
import { inOrder } from "@/lib/api/keyset";
import { STATEMENT_DETAIL_FIELDS } from "@/lib/site/public-selects";
import { STATEMENT_LIST_SELECT } from "./public-queries";
import { withSpeakerTitleThen } from "./speaker-title";
import type { StatementListQuery } from "@/lib/api/list-query";

/** The public list of statements: published only, filtered, keyset-paged on (saidOn, id). */
export const PUBLIC_STATEMENT_LIST_SELECT = {
  ...STATEMENT_LIST_SELECT,
  ...STATEMENT_DETAIL_FIELDS,
  event: { select: { slug: true, title: true, status: true } },
  countries: { select: { country: { select: { iso2: true, name: true } } }, orderBy: { country: { name: "asc" } } },
  topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: "asc" } } },
} as const;

type PublicStatementRow = Prisma.StatementGetPayload<{ select: typeof PUBLIC_STATEMENT_LIST_SELECT }>;

/** An office's dates arrive from JSON as "YYYY-MM-DD". */
const toDate = (value: Date | string | null) => (typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value);

/**
 * A page's statements as PUBLIC_STATEMENT_LIST_SELECT describes them, read in one
 * statement (each relation as JSON) rather than Prisma's query per relation (eight);
 * public-list.test.ts holds this to what Prisma returns for the same select.
 */
async function readStatementRows(ids: string[]): Promise<PublicStatementRow[]> {
  // The speaker's offices, countries and topics are gathered for the whole page at
  // once, as for events (lib/events/public-list.ts): 3.4 → 3.1 ms for 50 statements
  // on the scale record, p99 17.6 → 9.4 ms. The speaker is looked up by key, not
  // joined: a join read every person into a hash for the page's few. Prepared
  // (PREPARED): planning it took as long as running it.
  const rows = await queryRows<PublicStatementRow>(db, Prisma.sql`${PREPARED}
    WITH page AS (SELECT * FROM "Statement" s WHERE s.id = ANY(${ids}::text[]) AND s.status = 'PUBLISHED'),
    offices AS (
      SELECT o."personId", json_agg(json_build_object('title', o.title, 'startDate', o."startDate", 'startPrecision', o."startPrecision",
          'endDate', o."endDate", 'endPrecision', o."endPrecision") ORDER BY o.position, o.id) AS list
        FROM "Office" o WHERE o."personId" IN (SELECT "speakerId" FROM page) GROUP BY o."personId"),
    countries AS (
      SELECT sc."statementId", json_agg(json_build_object('country', json_build_object('iso2', c.iso2, 'name', c.name)) ORDER BY c.name, c.iso2) AS list
        FROM "StatementCountry" sc JOIN "Country" c ON c.iso2 = sc."countryId" WHERE sc."statementId" = ANY(${ids}::text[]) GROUP BY sc."statementId"),
    topics AS (
      SELECT st."statementId", json_agg(json_build_object('topic', json_build_object('slug', tp.slug, 'name', tp.name)) ORDER BY tp.name, tp.id) AS list
        FROM "StatementTopic" st JOIN "Topic" tp ON tp.id = st."topicId" WHERE st."statementId" = ANY(${ids}::text[]) GROUP BY st."statementId")
    SELECT s.id, s.slug, s.title, s.text, s.language, s.translation, s."speakerLabel", s."speakerTitle", s.medium::text AS medium,
      s."quoteType"::text AS "quoteType", s."saidOn", s."saidPrecision"::text AS "saidPrecision",
      s."translatedBy", s.attribution::text AS attribution, s.platform, s."saidTime", s."timeZone", s.context, s."firstPublishedAt", s."publishedAt",
      (SELECT json_build_object('slug', pe.slug, 'name', pe.name, 'offices', COALESCE(off.list, '[]')) FROM "Person" pe WHERE pe.id = s."speakerId") AS speaker,
      CASE WHEN e.id IS NULL THEN NULL ELSE json_build_object('slug', e.slug, 'title', e.title, 'status', e.status) END AS event,
      COALESCE(cs.list, '[]') AS countries,
      COALESCE(tps.list, '[]') AS topics
    FROM page s
      LEFT JOIN offices off ON off."personId" = s."speakerId"
      LEFT JOIN "Event" e ON e.id = s."eventId"
      LEFT JOIN countries cs ON cs."statementId" = s.id
      LEFT JOIN topics tps ON tps."statementId" = s.id`);
  for (const row of rows) {
    for (const office of row.speaker?.offices ?? []) {
      office.startDate = toDate(office.startDate);
      office.endDate = toDate(office.endDate);
    }
  }
  return rows;
}

async function fetchStatements(ids: string[]) {
  if (ids.length === 0) return [];
  // The status filter is repeated there so a row unpublished between the two reads never shows.
  const rows = await readStatementRows(ids);
  // A published statement may belong to an event that is not (yet) public: drop the link, never show its title.
  return inOrder(ids, rows).map(({ event, ...rest }) => ({
    ...withSpeakerTitleThen(rest),
    event: event && event.status === "PUBLISHED" ? { slug: event.slug, title: event.title } : null,
  }));
}

export type PublicStatementListItem = Awaited<ReturnType<typeof fetchStatements>>[number];

export type PublicStatementPage = PublishedPage<PublicStatementListItem>;

export async function listPublishedStatements(query: StatementListQuery): Promise<PublicStatementPage> {
  return listPublishedPage(db, publishedListSource("Statement", query), query, fetchStatements);
}
