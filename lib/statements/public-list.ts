import "server-only";
import { db } from "@/lib/db/client";
import { decodeCursor } from "@/lib/api/cursor";
import { assertFiltersExist, statementConditions } from "@/lib/api/filters";
import { inOrder, keysetPage } from "@/lib/api/keyset";
import type { StatementListQuery } from "@/lib/api/list-query";
import { STATEMENT_DETAIL_FIELDS } from "@/lib/site/public-selects";
import { STATEMENT_LIST_SELECT } from "./public-queries";
import { withSpeakerTitleThen } from "./speaker-title";

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

export interface PublicStatementPage {
  items: PublicStatementListItem[];
  next: string | null;
  prev: string | null;
}

export async function listPublishedStatements(query: StatementListQuery): Promise<PublicStatementPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  await assertFiltersExist(db, query);
  const page = await keysetPage(db, { table: "Statement", dateColumn: "saidOn", where: statementConditions(query) }, { cursor, limit: query.limit });
  return { items: await fetchStatements(page.ids), next: page.next, prev: page.prev };
}
