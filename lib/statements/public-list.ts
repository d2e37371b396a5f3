import "server-only";
import { db } from "@/lib/db/client";
import { listPublishedPage, type PublishedPage, statementConditions } from "@/lib/api/filters";
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
  countries: { select: { country: { select: { iso2: true, name: true } } } },
  topics: { select: { topic: { select: { slug: true, name: true } } } },
} as const;

async function fetchStatements(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.statement.findMany({ where: { id: { in: ids }, status: "PUBLISHED" }, select: PUBLIC_STATEMENT_LIST_SELECT });
  // A published statement may belong to an event that is not (yet) public: drop the link, never show its title.
  return inOrder(ids, rows).map(({ event, ...rest }) => ({
    ...withSpeakerTitleThen(rest),
    event: event && event.status === "PUBLISHED" ? { slug: event.slug, title: event.title } : null,
  }));
}

export type PublicStatementListItem = Awaited<ReturnType<typeof fetchStatements>>[number];

export type PublicStatementPage = PublishedPage<PublicStatementListItem>;

export async function listPublishedStatements(query: StatementListQuery): Promise<PublicStatementPage> {
  return listPublishedPage(db, { table: "Statement", dateColumn: "saidOn", where: statementConditions(query) }, query, fetchStatements);
}
