import "server-only";
import { Prisma, db } from "@/lib/db/client";
import { assertFiltersExist, eventConditions, statementConditions } from "@/lib/api/filters";
import type { SearchQuery } from "@/lib/api/list-query";
import { MARK_START, MARK_STOP } from "./snippet";

/**
 * Full-text search over published events and statements, on the generated,
 * GIN-indexed `searchVector` columns (title A > summary/text B > body/context C).
 * websearch_to_tsquery understands "quoted phrases", -exclusions and OR, and never
 * raises a syntax error on what a reader types.
 */
export type SearchOutcome =
  | { kind: "empty" }
  | { kind: "no-terms"; q: string }
  | {
      kind: "results";
      q: string;
      total: number;
      page: number;
      hasNext: boolean;
      hits: SearchHit[];
    };

export interface SearchHit {
  kind: "event" | "statement";
  id: string;
  slug: string;
  /** Title and snippet carry MARK_START/MARK_STOP around matches (lib/search/snippet.ts). */
  title: string;
  snippet: string;
  date: Date | null;
  precision: "DAY" | "MONTH" | "YEAR";
  rank: number;
}

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, HighlightAll=true`;

export async function searchPublishedRecord(query: SearchQuery): Promise<SearchOutcome> {
  const q = query.q ?? "";
  if (!q) return { kind: "empty" };
  await assertFiltersExist(db, query);
  // Only stop words ("the and of") or only punctuation: the tsquery is empty.
  const [terms] = await db.$queryRaw<Array<{ nodes: number }>>`SELECT numnode(websearch_to_tsquery('english', ${q}))::int AS nodes`;
  if (!terms || terms.nodes === 0) return { kind: "no-terms", q };

  const tsquery = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const branches: Prisma.Sql[] = [];
  if (!query.speaker) {
    const where = Prisma.join([...eventConditions(query), Prisma.sql`t."searchVector" @@ ${tsquery}`], " AND ");
    branches.push(Prisma.sql`SELECT 'event'::text AS kind, t.id, t."date" AS d, ts_rank_cd(t."searchVector", ${tsquery}) AS rank FROM "Event" t WHERE ${where}`);
  }
  if (!query.type) {
    const where = Prisma.join([...statementConditions(query), Prisma.sql`t."searchVector" @@ ${tsquery}`], " AND ");
    branches.push(Prisma.sql`SELECT 'statement'::text AS kind, t.id, t."saidOn" AS d, ts_rank_cd(t."searchVector", ${tsquery}) AS rank FROM "Statement" t WHERE ${where}`);
  }
  const offset = (query.page - 1) * query.limit;
  const rows = await db.$queryRaw<
    Array<{ kind: "event" | "statement"; id: string; slug: string; title: string; snippet: string; d: Date | null; precision: string; rank: number; total: bigint }>
  >`
    WITH hits AS (${Prisma.join(branches, " UNION ALL ")}),
    page AS (
      SELECT hits.*, count(*) OVER () AS total FROM hits
      ORDER BY rank DESC, d DESC NULLS LAST, id DESC
      LIMIT ${query.limit + 1} OFFSET ${offset}
    )
    SELECT page.kind, page.id, page.d, page.rank::float8 AS rank, page.total,
      COALESCE(e.slug, s.slug) AS slug,
      COALESCE(e."datePrecision", s."saidPrecision")::text AS precision,
      ts_headline('english', COALESCE(e.title, s.title), ${tsquery}, ${TITLE_HEADLINE}) AS title,
      ts_headline('english',
        CASE WHEN page.kind = 'event' THEN e.summary || E'\n' || e.body
             ELSE s.text || COALESCE(E'\n' || s.translation, '') || COALESCE(E'\n' || s.context, '') END,
        ${tsquery}, ${HEADLINE}) AS snippet
    FROM page
    LEFT JOIN "Event" e ON page.kind = 'event' AND e.id = page.id AND e.status = 'PUBLISHED'
    LEFT JOIN "Statement" s ON page.kind = 'statement' AND s.id = page.id AND s.status = 'PUBLISHED'
    WHERE e.id IS NOT NULL OR s.id IS NOT NULL
    ORDER BY page.rank DESC, page.d DESC NULLS LAST, page.id DESC`;

  const hits = rows.slice(0, query.limit).map((r) => ({
    kind: r.kind,
    id: r.id,
    slug: r.slug,
    title: r.title,
    snippet: r.snippet,
    date: r.d,
    precision: r.precision as SearchHit["precision"],
    rank: Number(r.rank),
  }));
  return { kind: "results", q, total: Number(rows[0]?.total ?? 0), page: query.page, hasNext: rows.length > query.limit, hits };
}
