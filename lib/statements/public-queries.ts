import "server-only";
import { cachedPublicRead, cachedRecordRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db, type Tx } from "@/lib/db/client";
import { findPublicationPage } from "@/lib/publication/public-page";
import { PUBLIC_SOURCES, STATEMENT_DETAIL_FIELDS } from "@/lib/site/public-selects";
import { SPEAKER_WITH_OFFICES, withSpeakerTitleThen } from "./speaker-title";
import { STATEMENTS_NEWEST_FIRST } from "@/lib/statements/statement-order";

/**
 * Public reads of statements. Every function here sees published statements only
 * (a retracted one shows as a tombstone without its text).
 */
const PUBLISHED = { status: "PUBLISHED" } as const;

export const STATEMENT_LIST_SELECT = {
  id: true,
  slug: true,
  title: true,
  text: true,
  language: true,
  translation: true,
  speakerLabel: true,
  speakerTitle: true,
  medium: true,
  quoteType: true,
  saidOn: true,
  saidPrecision: true,
  speaker: { select: SPEAKER_WITH_OFFICES },
} as const;

export async function listLatestPublishedStatements(options: { limit: number }) {
  const rows = await db.statement.findMany({
    where: PUBLISHED,
    orderBy: STATEMENTS_NEWEST_FIRST,
    take: options.limit,
    select: STATEMENT_LIST_SELECT,
  });
  return rows.map(withSpeakerTitleThen);
}

export type StatementSummary = Awaited<ReturnType<typeof listLatestPublishedStatements>>[number];

export async function findPublishedStatement(slug: string, client: Pick<Tx, "statement"> = db) {
  const row = await client.statement.findFirst({
    where: { slug, ...PUBLISHED },
    select: {
      ...STATEMENT_LIST_SELECT,
      ...STATEMENT_DETAIL_FIELDS,
      speaker: { select: { ...SPEAKER_WITH_OFFICES, wikidataId: true, country: { select: { iso2: true, name: true } } } },
      event: {
        where: PUBLISHED,
        select: { slug: true, title: true, date: true, datePrecision: true, placeName: true },
      },
      countries: { select: { country: { select: { iso2: true, name: true } } }, orderBy: { country: { name: "asc" } } },
      topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: "asc" } } },
      sources: PUBLIC_SOURCES,
      corrections: { orderBy: { createdAt: "asc" }, select: { id: true, note: true, createdAt: true } },
    },
  });
  return row && withSpeakerTitleThen(row);
}

export type PublishedStatement = NonNullable<Awaited<ReturnType<typeof findPublishedStatement>>>;

/** A retracted statement keeps only its title and the public reason, never its text. */
export async function findRetractedStatementTombstone(slug: string) {
  return db.statement.findFirst({
    where: { slug, status: "RETRACTED", firstPublishedAt: { not: null } },
    select: { slug: true, title: true, retractedAt: true, retractionReason: true },
  });
}

export const findPublicStatementPage = (slug: string) => findPublicationPage(slug, { kind: "statement", published: findPublishedStatement, retracted: findRetractedStatementTombstone });

export const getPublicStatementPage = cachedRecordRead("statement-page", findPublicStatementPage, (slug: string) => [
  tags.statement(slug),
  tags.eventLists,
  tags.statementLists,
]);

export const getLatestPublishedStatements = cachedPublicRead(
  "latest-statements",
  listLatestPublishedStatements,
  () => [tags.statementLists],
);
