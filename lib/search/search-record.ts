import "server-only";
import { Prisma, db } from "@/lib/db/client";
import { assertFiltersExist, eventConditions, statementConditions } from "@/lib/api/filters";
import type { SearchQuery } from "@/lib/api/list-query";
import { MARK_START, MARK_STOP } from "./snippet";
import type { PoolClient } from "pg";
import { isStatementTimeout, limitStatements, setStatementTimeout, withSearchConnection } from "./pool";

/**
 * Full-text search over published events and statements, on the generated,
 * GIN-indexed `searchVector` columns (title A > summary/text B > body/context C).
 * websearch_to_tsquery understands "quoted phrases", -exclusions and OR, and never
 * raises a syntax error on what a reader types.
 *
 * Bounded at any record size (docs/performance.md): ranking every match of a common
 * word read every row of the archive (2 s on 300,000 items). Instead each kind
 * contributes its SEARCH_POOL newest matches, found in widening windows of the
 * newest rows (RECENCY_WINDOWS: the (status, date, id) index bounds each window, so
 * a common word stops after a few hundred rows and a rare word is found through the
 * GIN index alone; the planner's estimate of the matches says which window to start
 * in), and only those are ranked. A query with no more than
 * SEARCH_POOL matches of a kind is ranked exactly; a more common one ranks its
 * newest SEARCH_POOL matches of each kind and says its count is a lower bound.
 */
export const SEARCH_POOL = 200;
/** How many of the newest rows each widening step looks at; the last step is the whole table. */
export const RECENCY_WINDOWS = [2_000, 10_000, 50_000];
const BOUNDARY_TTL_MS = 60_000;
/** Time the widening steps after the first may take together, and the least one is given. */
export const SEARCH_BUDGET_MS = 100;
const MIN_STEP_MS = 20;
/** The first step looks at the newest RECENCY_WINDOWS[0] rows only: bounded by itself; this is a safety net. */
const FIRST_STEP_MS = 2_000;
/**
 * What reading one matching row from the table costs, in rows of a window put into a
 * bitmap from the date index. Measured on the scale record (docs/performance.md, "Wide
 * windows through the GIN index alone"): 16-20.
 */
export const ROW_READ_IN_WINDOW_ROWS = 18;

/**
 * Whether a wide window's step should find its rows through the GIN index alone, the
 * window then only a filter on the rows read, rather than intersect the GIN index with
 * the window's rows from the date index (BitmapAnd). The intersection costs a bitmap of
 * every row of the window (50,000 rows: ~5 ms); the GIN index alone reads every match
 * of the whole table instead of the window's. So: alone when the matches the window
 * leaves out cost less to read than the window's bitmap. Never for a phrase: the GIN
 * index finds the rows with all its words, which for common words is most of the
 * table, and each must be read again for their positions.
 */
export function windowThroughGinAlone(options: { estimate: number | undefined; window: number; rows: number; phrase: boolean }): boolean {
  const { estimate, window, rows, phrase } = options;
  if (phrase || estimate === undefined || rows <= 0 || window >= rows) return false;
  return estimate * (1 - window / rows) * ROW_READ_IN_WINDOW_ROWS < window;
}

/** Whether a tsquery's text (as PostgreSQL prints it) has a phrase operator, <-> or <N>, outside its quoted lexemes. */
export function hasPhraseOperator(tsqueryText: string): boolean {
  return /<(?:-|\d+)>/.test(tsqueryText.replace(/'(?:[^']|'')*'/g, "''"));
}

export type SearchOutcome =
  | { kind: "empty" }
  | { kind: "no-terms"; q: string }
  | {
      kind: "results";
      q: string;
      /** Matches counted, at most SEARCH_POOL per kind. */
      total: number;
      /** True when a kind had more matches than SEARCH_POOL, or the search was cut short: `total` is then "at least". */
      totalIsAtLeast: boolean;
      /** The time budget ran out before the whole record was looked at: these are the newest matches found. */
      cutShort: boolean;
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
  const tsquery = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const sources: PoolSource[] = [];
  if (!query.speaker) sources.push({ ...EVENT_SOURCE, conditions: eventConditions(query) });
  if (!query.type) sources.push({ ...STATEMENT_SOURCE, conditions: statementConditions(query) });
  const tables = new Map<string, TableStats>();
  for (const source of sources) tables.set(source.table, await tableStats(source));
  const found = await withSearchConnection(async (client) => {
    const { starts, estimates } = await startingSteps(client, sources, tsquery, tables);
    // Whether the query has words to look for (only stop words, "the and of", or only
    // punctuation make an empty tsquery), and the first step's time limit, in one
    // statement: each statement is a round trip, and a search made seven or more.
    const first = firstStep(starts);
    limitStatements(client);
    const { rows } = await client.query<{ nodes: number; query: string }>(
      `SELECT numnode(q)::int AS nodes, q::text AS query, set_config('statement_timeout', $2, false) FROM websearch_to_tsquery('english', $1) AS q`,
      [q, String(first.budgetMs)],
    );
    const phrase = hasPhraseOperator(rows[0]?.query ?? "");
    return rows[0]?.nodes ? newestMatches(client, sources, tsquery, tables, { starts, estimates, phrase }, first) : null;
  });
  if (!found) return { kind: "no-terms", q };
  const { candidates, capped, cutShort } = found;
  // Rank, then date (newest first, dateless last), then id: the order pages are cut from.
  candidates.sort((a, b) => b.rank - a.rank || (b.d ?? "").localeCompare(a.d ?? "") || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const offset = (query.page - 1) * query.limit;
  const pageRows = candidates.slice(offset, offset + query.limit);
  const outcome = { kind: "results" as const, q, total: candidates.length, totalIsAtLeast: capped, cutShort, page: query.page, hasNext: candidates.length > offset + query.limit };
  if (pageRows.length === 0) return { ...outcome, hits: [] };

  const ids = (kind: Candidate["kind"]) => pageRows.filter((r) => r.kind === kind).map((r) => r.id);
  // Headlines for the page's rows only; the status is checked again, so an item
  // unpublished between the two reads never shows. On a search connection, as the
  // steps were: its session has just read these rows (a session's first reads of
  // shared buffers cost it more than later ones; lib/db/client.ts, createPool).
  const sql = Prisma.sql`
    SELECT e.id, e.slug, to_char(e."date", 'YYYY-MM-DD') AS d, e."datePrecision"::text AS precision,
      ts_headline('english', e.title, ${tsquery}, ${TITLE_HEADLINE}) AS title,
      ts_headline('english', e.summary || E'\n' || e.body, ${tsquery}, ${HEADLINE}) AS snippet
      FROM "Event" e WHERE e.id = ANY(${ids("event")}::text[]) AND e.status = 'PUBLISHED'
    UNION ALL
    SELECT s.id, s.slug, to_char(s."saidOn", 'YYYY-MM-DD') AS d, s."saidPrecision"::text AS precision,
      ts_headline('english', s.title, ${tsquery}, ${TITLE_HEADLINE}) AS title,
      ts_headline('english', s.text || COALESCE(E'\n' || s.translation, '') || COALESCE(E'\n' || s.context, ''), ${tsquery}, ${HEADLINE}) AS snippet
      FROM "Statement" s WHERE s.id = ANY(${ids("statement")}::text[]) AND s.status = 'PUBLISHED'`;
  type Row = { id: string; slug: string; title: string; snippet: string; d: string | null; precision: string };
  const rows = await withSearchConnection(async (client) => (await client.query<Row>(sql.text, sql.values)).rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits = pageRows.flatMap((c): SearchHit[] => {
    const r = byId.get(c.id);
    if (!r) return [];
    const date = r.d === null ? null : new Date(`${r.d}T00:00:00Z`);
    return [{ kind: c.kind, id: c.id, slug: r.slug, title: r.title, snippet: r.snippet, date, precision: r.precision as SearchHit["precision"], rank: c.rank }];
  });
  return { ...outcome, hits };
}

interface PoolTable {
  kind: "event" | "statement";
  /** Fixed identifiers, never user input. */
  table: "Event" | "Statement";
  dateColumn: "date" | "saidOn";
}
export interface PoolSource extends PoolTable {
  /** Conditions on alias `t`, starting with the PUBLISHED filter. */
  conditions: Prisma.Sql[];
}
const EVENT_SOURCE = { kind: "event", table: "Event", dateColumn: "date" } as const;
const STATEMENT_SOURCE = { kind: "statement", table: "Statement", dateColumn: "saidOn" } as const;

/**
 * The SEARCH_POOL newest matches of each kind, looked for in the newest rows first
 * (RECENCY_WINDOWS) and only then further back; one query per step for the kinds
 * still short of a full pool. The first window walks the date index (a common word
 * fills the pool within a few hundred rows); wider windows intersect the GIN index
 * with the date range (ORDER BY on an expression keeps the planner off a walk of the
 * date index that a misjudged phrase would make through the whole window). Dateless
 * (scheduled) rows join in the last step, which looks at everything.
 */
interface Candidate {
  kind: "event" | "statement";
  id: string;
  /** YYYY-MM-DD, or null for a dateless item. */
  d: string | null;
  rank: number;
}

/**
 * The first round's time limit. It starts in the newest RECENCY_WINDOWS[0] rows for every
 * kind (bounded by itself; FIRST_STEP_MS is a safety net), or, when a kind starts in a
 * wider window, it is the first of the rounds that share SEARCH_BUDGET_MS.
 */
function firstStep(starts: number[]): { jumped: boolean; budgetMs: number; at: number } {
  const jumped = starts.some((step) => step > 0);
  return { jumped, budgetMs: jumped ? SEARCH_BUDGET_MS : FIRST_STEP_MS, at: performance.now() };
}

async function newestMatches(
  client: PoolClient,
  sources: PoolSource[],
  tsquery: Prisma.Sql,
  tables: Map<string, TableStats>,
  /** Each kind's first window and estimated matches (startingSteps), and whether the query has a phrase. */
  plan: { starts: number[]; estimates: Array<number | undefined>; phrase: boolean },
  /** The first round's limit, already set on the connection (searchPublishedRecord). */
  first: ReturnType<typeof firstStep>,
): Promise<{ candidates: Candidate[]; capped: boolean; cutShort: boolean }> {
  const candidates: Candidate[] = [];
  let capped = false;
  let open = sources.map((source, i) => ({ source, step: plan.starts[i]!, estimate: plan.estimates[i] }));
  /** What the last finished step found for kinds still short of a pool. */
  let partial: Candidate[] = [];
  let deadline = first.jumped ? first.at + SEARCH_BUDGET_MS : Infinity;
  let limitIsSet = true;
  for (let round = 0; open.length > 0; round++) {
    const parts = open.map(({ source, step, estimate }) => {
      const { boundaries, rows } = tables.get(source.table)!;
      const ginAlone = step > 0 && windowThroughGinAlone({ estimate, window: RECENCY_WINDOWS[step] ?? rows, rows, phrase: plan.phrase });
      return stepQuery(source, boundaries[step], step === 0 ? "walk" : ginAlone ? "gin" : "intersect", tsquery);
    });
    const sql = Prisma.join(parts, " UNION ALL ");
    // The first round is bounded by itself (the newest RECENCY_WINDOWS[0] rows, walked
    // in date order); a first round in wider windows and the rounds after share a time
    // budget. A step that would take longer (a phrase of common words, whose every
    // candidate must be re-read for word positions) is stopped, and the newest matches
    // found so far stand.
    const jumped = round === 0 && open.some((o) => o.step > 0);
    let rows: Candidate[];
    try {
      // The first round's limit came with the word check. A round 0 after that is a
      // restart from the newest rows, bounded by itself (the `jumped` case below).
      if (!limitIsSet) await setStatementTimeout(client, round === 0 ? FIRST_STEP_MS : Math.max(MIN_STEP_MS, deadline - performance.now()));
      limitIsSet = false;
      rows = (await client.query<Candidate>(sql.text, sql.values)).rows;
    } catch (error) {
      if (!isStatementTimeout(error)) throw error;
      if (jumped) {
        // The estimate was wrong (words that go together far more often than apart):
        // start again from the newest rows, which bound the step by themselves; the
        // time spent counts against the budget.
        open = open.map((o) => ({ ...o, step: 0 }));
        round = -1;
        continue;
      }
      return { candidates: [...candidates, ...partial], capped: true, cutShort: true };
    }
    if (deadline === Infinity) deadline = performance.now() + SEARCH_BUDGET_MS;
    const still: typeof open = [];
    partial = [];
    for (const { source, step, estimate } of open) {
      const mine = rows.filter((r) => r.kind === source.kind);
      const last = tables.get(source.table)!.boundaries[step] === undefined;
      if (mine.length > SEARCH_POOL) {
        // The oldest row only says there are more (dateless rows count as newest).
        mine.sort((a, b) => (a.d === null ? -1 : b.d === null ? 1 : b.d.localeCompare(a.d)) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
        candidates.push(...mine.slice(0, SEARCH_POOL));
        capped = true;
      } else if (last) candidates.push(...mine);
      else {
        still.push({ source, step: step + 1, estimate });
        partial.push(...mine);
      }
    }
    open = still;
  }
  return { candidates, capped, cutShort: false };
}

/**
 * One kind's step: its SEARCH_POOL + 1 newest matches within a window (`boundary`, the
 * oldest date it holds; none for the whole table), ranked outside the LIMIT, so only
 * the pool is ranked. How the window is read:
 * - "walk": the first window, the (status, date, id) index walked in date order; stops
 *   at a full pool;
 * - "intersect": the GIN index intersected with the window's rows from the date index;
 * - "gin": the GIN index alone, the window a filter on the rows it finds (written on an
 *   expression, `date + 0`, which no index answers).
 * Every way finds the same rows. A wide step is ordered on an expression so that a
 * misjudged phrase cannot make the planner walk a whole window row by row.
 */
export function stepQuery(source: PoolSource, boundary: string | undefined, read: "walk" | "intersect" | "gin", tsquery: Prisma.Sql): Prisma.Sql {
  const col = Prisma.raw(`t."${source.dateColumn}"`);
  const window = !boundary ? [] : read === "gin" ? [Prisma.sql`(${col} + 0) >= ${boundary}::date`] : [Prisma.sql`${col} >= ${boundary}::date`];
  const order = read === "walk" && boundary ? Prisma.sql`${col} DESC, t.id DESC` : Prisma.sql`(${col} + 0) DESC NULLS FIRST, t.id DESC`;
  const where = Prisma.join([...source.conditions, ...window, Prisma.sql`t."searchVector" @@ ${tsquery}`], " AND ");
  return Prisma.sql`(SELECT ${source.kind}::text AS kind, m.id, to_char(m.d, 'YYYY-MM-DD') AS d, ts_rank_cd(m.v, ${tsquery})::float8 AS rank
    FROM (SELECT t.id, ${col} AS d, t."searchVector" AS v FROM ${Prisma.raw(`"${source.table}"`)} t WHERE ${where}
          ORDER BY ${order} LIMIT ${SEARCH_POOL + 1}) m)`;
}

/**
 * Which window each kind starts in, from PostgreSQL's own estimate of the query's
 * matches (the planner's, from the statistics ANALYZE keeps of the words in
 * `searchVector`). Starting in the newest RECENCY_WINDOWS[0] rows always, a word of
 * middling frequency paid for three or four steps, each reading the GIN index again.
 * The first window is walked in date order and the walk stops at a full pool, so it
 * pays when the pool is expected there; a wider window reads every match it holds
 * (through the GIN index), so the smallest likely to fill the pool is chosen, else the
 * whole table. The estimate only chooses where to look first: a window that turns out
 * short widens as before, and a first round that overruns the budget starts again from
 * the newest rows.
 */
async function startingSteps(
  client: PoolClient,
  sources: PoolSource[],
  tsquery: Prisma.Sql,
  tables: Map<string, TableStats>,
): Promise<{ starts: number[]; estimates: Array<number | undefined> }> {
  const estimated = sources.filter((source) => {
    const { boundaries, rows } = tables.get(source.table)!;
    return boundaries.length > 0 && rows > 0;
  });
  const found = await matchEstimates(client, estimated, tsquery);
  const at = sources.map((source) => estimated.indexOf(source));
  const estimates = at.map((i) => (i === -1 ? undefined : found[i]));
  const starts = sources.map((source, i) => {
    const { boundaries, rows } = tables.get(source.table)!;
    if (at[i] === -1) return 0;
    const estimate = estimates[i] ?? rows;
    const expected = (step: number) => (estimate * RECENCY_WINDOWS[step]!) / rows;
    if (expected(0) >= SEARCH_POOL + 1) return 0;
    const step = boundaries.findIndex((_, step) => step > 0 && expected(step) >= 1.5 * (SEARCH_POOL + 1));
    return step === -1 ? boundaries.length : step;
  });
  return { starts, estimates };
}

type PlanNode = { "Node Type"?: string; "Plan Rows": number; Plans?: PlanNode[] };

/**
 * The planner's estimate of each source's matches, from one EXPLAIN of them all (a round
 * trip each cost a search more than its planning): the branches of a UNION ALL are the
 * children of its Append node, in order. Should the plan have another shape (PostgreSQL
 * leaves out an Append of one child), each source is explained on its own.
 */
async function matchEstimates(client: PoolClient, sources: PoolSource[], tsquery: Prisma.Sql): Promise<Array<number | undefined>> {
  const matching = (source: PoolSource) =>
    Prisma.sql`SELECT 1 FROM ${Prisma.raw(`"${source.table}"`)} t WHERE ${Prisma.join([...source.conditions, Prisma.sql`t."searchVector" @@ ${tsquery}`], " AND ")}`;
  const explain = async (sql: Prisma.Sql) => {
    const explained = Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`;
    const { rows } = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(explained.text, explained.values);
    return rows[0]?.["QUERY PLAN"][0]?.Plan;
  };
  if (sources.length === 0) return [];
  if (sources.length > 1) {
    const plan = await explain(Prisma.join(sources.map((source) => Prisma.sql`(${matching(source)})`), " UNION ALL "));
    if (plan?.["Node Type"] === "Append" && plan.Plans?.length === sources.length) return plan.Plans.map((child) => child["Plan Rows"]);
  }
  const estimates: Array<number | undefined> = [];
  for (const source of sources) estimates.push((await explain(matching(source)))?.["Plan Rows"]);
  return estimates;
}

interface TableStats {
  /** Where each window starts (RECENCY_WINDOWS), newest first; fewer when the table is small. */
  boundaries: string[];
  /** The table's row count, as the planner knows it. */
  rows: number;
}
const statsCache = new Map<string, { at: number; stats: TableStats }>();

/**
 * Where each window starts: the date before which lie all but the newest N rows,
 * read from PostgreSQL's own statistics of the date column (the histogram ANALYZE
 * keeps, and the table's row count), so it costs one catalog read and is kept a
 * minute per process. Approximate by design: a window only says where to look
 * first; what a step returns is exact for the rows it looks at. A table too small
 * or not yet analysed has no windows (everything is looked at at once).
 */
async function tableStats(source: PoolTable): Promise<TableStats> {
  const cached = statsCache.get(source.table);
  if (cached && Date.now() - cached.at < BOUNDARY_TTL_MS) return cached.stats;
  const [stats] = await db.$queryRaw<Array<{ rows: number; bounds: string[] | null }>>`
    SELECT c.reltuples::float8 AS rows,
      (SELECT array(SELECT to_char(b, 'YYYY-MM-DD') FROM unnest(s.histogram_bounds::text::date[]) AS b)
         FROM pg_stats s WHERE s.schemaname = current_schema() AND s.tablename = ${source.table} AND s.attname = ${source.dateColumn}) AS bounds
    FROM pg_class c WHERE c.oid = to_regclass(${`"${source.table}"`})`;
  const dates: string[] = [];
  const bounds = stats?.bounds ?? [];
  if (stats && bounds.length > 1) {
    for (const size of RECENCY_WINDOWS) {
      const newest = size / Number(stats.rows);
      if (newest >= 1) break;
      dates.push(bounds[Math.floor((1 - newest) * (bounds.length - 1))]!);
    }
  }
  const found = { boundaries: dates, rows: Number(stats?.rows ?? 0) };
  statsCache.set(source.table, { at: Date.now(), stats: found });
  return found;
}
