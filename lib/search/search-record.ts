import "server-only";
import { PREPARED, Prisma, db, statementName } from "@/lib/db/client";
import { assertFiltersExist, eventConditions, publishedListSource, statementConditions } from "@/lib/api/filters";
import { walkedPart, walkedRows, type FilterWalk } from "@/lib/api/keyset";
import type { SearchQuery } from "@/lib/api/list-query";
import { MARK_START, MARK_STOP } from "./snippet";
import type { PoolClient } from "pg";
import { SEARCH_STATEMENT_MS, isStatementTimeout, setStatementTimeout, withSearchConnection } from "./pool";
import { SEARCH_CONFIG_SQL, searchConfig } from "@/lib/search/config";

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
 * newest SEARCH_POOL matches of each kind and says its count is a lower bound. A phrase
 * whose words are common and rarely side by side is found through an index of the rows'
 * pairs of adjacent words (`stepQuery`'s `pairs`), not by reading every row holding its words.
 */
export const SEARCH_POOL = 200;
/** How many of the newest rows each widening step looks at; the last step is the whole table. */
export const RECENCY_WINDOWS = [2_000, 10_000, 50_000];
const BOUNDARY_TTL_MS = 60_000;
/** Time the widening steps after the first may take together, and the least one is given. */
export const SEARCH_BUDGET_MS = 100;
const MIN_STEP_MS = 20;
/**
 * The most rows the first window's walk may look at. With filters, the first window holds
 * RECENCY_WINDOWS[0] of the rows they leave, which for a filter that keeps one row in forty
 * is 80,000 rows of the table, each read for its words before the filter is checked: a
 * phrase that is rarer than its words took 0.8 s there. Measured on the scale record.
 */
export const MAX_WALK_ROWS = 5 * 2_000;
/** The first step looks at the newest RECENCY_WINDOWS[0] rows (at most MAX_WALK_ROWS): bounded by itself; this is a safety net, and search's connections' own limit. */
const FIRST_STEP_MS = SEARCH_STATEMENT_MS;
/**
 * What reading one matching row from the table costs, in rows of a window put into a
 * bitmap from the date index. Measured on the scale record (docs/performance.md, "Wide
 * windows through the GIN index alone"): 16-20.
 */
export const ROW_READ_IN_WINDOW_ROWS = 18;
/**
 * What one entry of a country's or a topic's walk costs (the index entry, its row read by
 * id and tested), in rows read through the GIN index. Measured on the scale record for the
 * busiest country (docs/performance.md, "A country's first window in its own index"):
 * 6.5-9 µs a walked entry against 2.1-2.4 µs a row read through the GIN index.
 */
export const WALKED_ROW_IN_GIN_ROWS = 3;

/**
 * Whether a search filtered by a country or a topic should start by walking that part of
 * its filter index (`PoolSource.indexWalk`), and if so how many of its entries the walk
 * is expected to read before its pool is full: the rows the filters leave, divided among
 * the query's matches in them. It starts there when that walk costs less than reading
 * every match of the words in the whole table through the GIN index (`ginRows`, the
 * planner's estimate), which is what a wide step does.
 */
export function indexWalkRows(options: { matches: number | undefined; filtered: number | undefined; ginRows: number | undefined }): number | undefined {
  const { matches, filtered, ginRows } = options;
  if (matches === undefined || filtered === undefined || ginRows === undefined || matches <= 0 || filtered <= 0) return undefined;
  const walk = Math.min(filtered, ((SEARCH_POOL + 1) * filtered) / matches);
  return walk * WALKED_ROW_IN_GIN_ROWS < ginRows ? walk : undefined;
}

/**
 * Whether a wide window's step through the index of word pairs (a phrase whose pairs are
 * rarer than its words) should read every row the pairs' index finds, the window then only
 * a filter on them, rather than intersect that index with the window's rows from the date
 * index (BitmapAnd). The intersection costs a bitmap of every row of the window (50,000
 * rows: ~5 ms); the index alone reads every match of the whole table instead of the
 * window's. So: alone when the matches the window leaves out cost less to read than the
 * window's bitmap. (A step through the words' own index has the window in that index,
 * `searchWindowQuery`, and needs neither.)
 */
export function windowThroughGinAlone(options: { estimate: number | undefined; window: number; rows: number }): boolean {
  const { estimate, window, rows } = options;
  if (estimate === undefined || rows <= 0 || window >= rows) return false;
  return estimate * (1 - window / rows) * ROW_READ_IN_WINDOW_ROWS < window;
}

/**
 * The months, years and decades a window from `boundary` (YYYY-MM-DD) on holds, as a
 * tsquery for `search_window(date)`, the second column of the words' GIN index (migration
 * 20261205200000_search_windows): a row dated on or after the first of the boundary's month
 * matches it, and no row before (search_window gives each row its month "m201311", year
 * "y2013" and decade "c201"; "after" from 2100 on, "before" until 1800). A wide step then
 * finds the window's matches in that index alone: it neither reads the matches outside the
 * window from the table to drop them (the GIN index alone) nor builds a bitmap of every
 * row of the window from the date index (the intersection), and the window's first days
 * are left to the step's own date test. Decades, not years, for the years after the
 * boundary's decade: each key of the query is a look-up in the index, and a window from
 * 2013 to 2099 in years was 86 keys (docs/performance.md, "The window in the words'
 * index"). Undefined for a boundary before 1800, whose rows all share one key: the step
 * then reads the words' matches and tests their dates.
 */
export function searchWindowQuery(boundary: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(boundary);
  if (!match) return undefined;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (year < 1800) return undefined;
  if (year >= 2100) return "after";
  const keys: string[] = [];
  for (let m = month; m <= 12; m++) keys.push(`m${year * 100 + m}`);
  for (let y = year + 1; y % 10 !== 0; y++) keys.push(`y${y}`);
  for (let decade = Math.floor(year / 10) + 1; decade < 210; decade++) keys.push(`c${decade}`);
  keys.push("after");
  return keys.join(" | ");
}

/**
 * Whether what a reader typed may hold a phrase: a quotation, or letters or digits joined
 * by anything but a space (PostgreSQL searches "well-known" as the phrase 'well-known' <->
 * 'well' <-> 'known', and "o'clock" as 'o' <-> 'clock'). It saves the pairs' estimate for
 * queries that cannot have one (a query without a phrase has no pairs, and its pairs'
 * estimate is every row).
 */
export function mayHavePhrase(q: string): boolean {
  return /"|[\p{L}\p{N}][^\s\p{L}\p{N}]+[\p{L}\p{N}]/u.test(q);
}

/** That a row holds every pair of adjacent words the query's phrases require (migration 20261205010000_search_phrase_pairs). */
const pairsMatch = (tsquery: Prisma.Sql) => Prisma.sql`search_phrase_pairs(t."searchVector") @> search_query_pairs(${tsquery})`;

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
  const tsquery = Prisma.sql`websearch_to_tsquery(${searchConfig}, ${q})`;
  const phrases = mayHavePhrase(q);
  const sources: PoolSource[] = [];
  const dates = { from: query.from?.start, to: query.to?.end };
  if (!query.speaker) sources.push({ ...EVENT_SOURCE, conditions: eventConditions(query), dates, indexWalk: indexWalk("Event", query) });
  if (!query.type) sources.push({ ...STATEMENT_SOURCE, conditions: statementConditions(query), dates, indexWalk: indexWalk("Statement", query) });
  const tables = new Map<string, TableStats>();
  for (const source of sources) tables.set(source.table, await tableStats(source));
  const found = await withSearchConnection(async (client) => {
    const plans = await sourcePlans(client, sources, tsquery, tables, phrases);
    const matches = await newestMatches(client, plans, tsquery);
    // Nothing found: was there anything to look for? Only stop words ("the and of") or only
    // punctuation make an empty tsquery, which matches nothing (the planner expects one row
    // and the GIN index answers at once). Asked only then: each statement is a round trip,
    // and a search that finds something no longer pays for this one.
    if (matches.candidates.length === 0 && !matches.cutShort && !(await hasTerms(client, q))) return null;
    return matches;
  });
  // A filter naming nothing (a typo) finds nothing, so it is looked for only then, as the
  // lists do (`listPublishedPage`): a search that finds something does not pay for it.
  if (!found || found.candidates.length === 0) await assertFiltersExist(db, query);
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
  // shared buffers cost it more than later ones; lib/db/client.ts, createPool). Its text
  // is fixed and its plan an index look-up by id whatever the values, so it is prepared
  // once a connection: planning it cost PostgreSQL 0.43 ms a search against 2.3 ms of
  // running it (docs/performance.md, "Search's headlines prepared").
  const sql = Prisma.sql`${PREPARED}
    SELECT e.id, e.slug, to_char(e."date", 'YYYY-MM-DD') AS d, e."datePrecision"::text AS precision,
      ts_headline(${searchConfig}, e.title, ${tsquery}, ${TITLE_HEADLINE}) AS title,
      ts_headline(${searchConfig}, e.summary || E'\n' || e.body, ${tsquery}, ${HEADLINE}) AS snippet
      FROM "Event" e WHERE e.id = ANY(${ids("event")}::text[]) AND e.status = 'PUBLISHED'
    UNION ALL
    SELECT s.id, s.slug, to_char(s."saidOn", 'YYYY-MM-DD') AS d, s."saidPrecision"::text AS precision,
      ts_headline(${searchConfig}, s.title, ${tsquery}, ${TITLE_HEADLINE}) AS title,
      ts_headline(${searchConfig}, s.text || COALESCE(E'\n' || s.translation, '') || COALESCE(E'\n' || s.context, ''), ${tsquery}, ${HEADLINE}) AS snippet
      FROM "Statement" s WHERE s.id = ANY(${ids("statement")}::text[]) AND s.status = 'PUBLISHED'`;
  type Row = { id: string; slug: string; title: string; snippet: string; d: string | null; precision: string };
  const rows = await withSearchConnection(async (client) => (await client.query<Row>({ name: statementName({ sql: sql.text }), text: sql.text, values: sql.values })).rows);
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
  /** The date filters' bounds, which place the windows. */
  dates?: { from?: Date; to?: Date };
  /**
   * A country or topic filter's first window, when it is walked in that part of its filter
   * index (`indexWalk`, `indexWalkRows`): the part, and the walk's conditions on the index
   * entries (alias `k`) and the rows (alias `t`), instead of `conditions`.
   */
  indexWalk?: { walk: FilterWalk; conditions: Prisma.Sql[] };
}

/**
 * How the first window of a search filtered by a country or a topic is walked: in that
 * part of its filter index (EventCountry, StatementConcern, EventTopic, StatementTopic;
 * the lists' own walk, `publishedListSource`), newest first, each entry's row read and
 * tested. Walked in the table's date index instead, a country in one row of thirteen
 * made the walk read thirteen rows for each of the country's, so the first window was cut
 * to MAX_WALK_ROWS of the table, and a word of middling frequency in the busiest
 * countries jumped to reading every match of the whole table through the GIN index (a
 * fifth of the record for some words; 45 ms a kind on the scale record, against 8-16 ms
 * for this walk; docs/performance.md, "A country's first window in its own index"). A
 * topic, in one row of sixty, read each of its rows by id and sorted them instead (12 and
 * 20 ms for a common word, "A topic's rows in date order"). Only when the other filters
 * are dates (and for a country an event's type), which the index entries hold: an
 * agreement, a speaker, or a topic beside a country would be tested row by row, and the
 * walk would read rows the filters then drop.
 */
export function indexWalk(table: "Event" | "Statement", query: SearchQuery): PoolSource["indexWalk"] {
  if (query.agreement || query.speaker || (query.country && query.topic)) return undefined;
  if (query.topic && table === "Event" && query.type) return undefined;
  const source = publishedListSource(table, query);
  return source.walk ? { walk: source.walk, conditions: source.where } : undefined;
}
/** Whether a source's conditions filter more than the status (a country, a topic, dates…): then its windows count the rows they leave. */
const isFiltered = (source: PoolSource) => source.conditions.length > 1;

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

/** Whether what a reader typed holds words to look for (PostgreSQL's reading of it has any). */
async function hasTerms(client: PoolClient, q: string): Promise<boolean> {
  try {
    const { rows } = await client.query<{ nodes: number }>(`SELECT numnode(websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1))::int AS nodes`, [q]);
    return Boolean(rows[0]?.nodes);
  } catch (error) {
    // Under the last step's limit (at least MIN_STEP_MS) on a very busy server: no matches stands.
    if (isStatementTimeout(error)) return true;
    throw error;
  }
}

async function newestMatches(
  client: PoolClient,
  /** Each kind's windows, estimates and first window (sourcePlans). */
  plans: SourcePlan[],
  tsquery: Prisma.Sql,
): Promise<{ candidates: Candidate[]; capped: boolean; cutShort: boolean }> {
  const candidates: Candidate[] = [];
  let capped = false;
  let open = plans.map((plan) => ({ plan, step: plan.start }));
  /** What the last finished step found for kinds still short of a pool. */
  let partial: Candidate[] = [];
  // The first round starts in the newest RECENCY_WINDOWS[0] rows for every kind (bounded by
  // itself; FIRST_STEP_MS is a safety net), or, when a kind starts in a wider window, it is
  // the first of the rounds that share SEARCH_BUDGET_MS.
  let deadline = open.some((o) => o.step > 0) ? performance.now() + SEARCH_BUDGET_MS : Infinity;
  /** The connection's time limit: its own until a step sets one (pool.ts puts it back). */
  let limit = SEARCH_STATEMENT_MS;
  for (let round = 0; open.length > 0; round++) {
    const parts = open.map(({ plan, step }) => {
      const { boundaries, windowRows, rows, pairMatches, viaPairs } = plan;
      // A wide step through the words' index has its window in that index ("gin" with the
      // window's keys, `searchWindowQuery`). Through the pairs' index, whose rows are a
      // phrase's matches (give or take a few), the window is a filter or an intersection.
      const ginAlone = step > 0 && (!viaPairs || windowThroughGinAlone({ estimate: pairMatches, window: windowRows[step] ?? rows, rows }));
      return stepQuery(plan.source, boundaries[step], step === 0 ? "walk" : ginAlone ? "gin" : "intersect", tsquery, { pairs: viaPairs, indexWalk: plan.walksIndex, matchesFirst: plan.source.indexWalk !== undefined && !plan.walksIndex });
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
      // A first round in the newest rows (or a restart there, the `jumped` case below) runs
      // under FIRST_STEP_MS, the connection's own limit until a step sets another: no
      // statement is spent on it.
      const wanted = round === 0 ? (jumped ? SEARCH_BUDGET_MS : FIRST_STEP_MS) : Math.max(MIN_STEP_MS, deadline - performance.now());
      if (wanted !== limit) await setStatementTimeout(client, wanted);
      limit = wanted;
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
    for (const { plan, step } of open) {
      const mine = rows.filter((r) => r.kind === plan.source.kind);
      const last = plan.boundaries[step] === undefined;
      if (mine.length > SEARCH_POOL) {
        // The oldest row only says there are more (dateless rows count as newest).
        mine.sort((a, b) => (a.d === null ? -1 : b.d === null ? 1 : b.d.localeCompare(a.d)) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
        candidates.push(...mine.slice(0, SEARCH_POOL));
        capped = true;
      } else if (last) candidates.push(...mine);
      else {
        still.push({ plan, step: step + 1 });
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
 *   at a full pool; for a country or topic filter (`indexWalk`), that part of its filter
 *   index instead;
 * - "intersect": the GIN index intersected with the window's rows from the date index;
 * - "gin": the GIN index alone, the window a filter on the rows it finds (written on an
 *   expression, `date + 0`, which no index answers).
 * Every way finds the same rows. A wide step is ordered on an expression so that a
 * misjudged phrase cannot make the planner walk a whole window row by row.
 *
 * With `pairs` (a query whose phrases' pairs of words are rarer than its words), a wide
 * step finds its rows through the index of the rows' pairs of adjacent words
 * (migration 20261205010000_search_phrase_pairs), and each is then tested against the
 * query. The query's own test is then written as the function behind `@@`, which no
 * index answers: combined with the words' index, every row of the intersection would be
 * tested again on both indexes' conditions (PostgreSQL rechecks a phrase's rows), and
 * working out a row's pairs costs 0.1-0.2 ms where the test costs microseconds. The walk
 * never uses them, for the same reason.
 *
 * With `matchesFirst` (a country or topic filter whose walk costs more than reading the
 * words' matches: `indexWalkRows` did not choose it), a wide step, or a first window that
 * is the whole table, reads the words' matches first, behind a fence the planner does not
 * see through (`OFFSET 0`), and tests only those for the filters (a hash of the country's
 * or the topic's entries). Left to itself, the planner read every one of a topic's rows by
 * id and tested it for the words (7 µs a row, its search vector read from TOAST), where
 * the words' matches through their index cost 2-3 µs a row (docs/performance.md, "A
 * topic's rows in date order").
 */
export function stepQuery(
  source: PoolSource,
  boundary: string | undefined,
  read: "walk" | "intersect" | "gin",
  tsquery: Prisma.Sql,
  options: { pairs?: boolean; indexWalk?: boolean; matchesFirst?: boolean } = {},
): Prisma.Sql {
  const col = Prisma.raw(`t."${source.dateColumn}"`);
  const rank = (inner: Prisma.Sql) => Prisma.sql`(SELECT ${source.kind}::text AS kind, m.id, to_char(m.d, 'YYYY-MM-DD') AS d, ts_rank_cd(m.v, ${tsquery})::float8 AS rank
    FROM (${inner} LIMIT ${SEARCH_POOL + 1}) m)`;
  if (read === "walk" && options.indexWalk && source.indexWalk) {
    const entryDate = Prisma.raw(`k."${source.dateColumn}"`);
    const where = Prisma.join(
      [
        walkedPart(source.indexWalk.walk),
        ...source.indexWalk.conditions,
        ...(boundary ? [Prisma.sql`${entryDate} >= ${boundary}::date`] : []),
        Prisma.sql`t."searchVector" @@ ${tsquery}`,
      ],
      " AND ",
    );
    return rank(Prisma.sql`SELECT t.id, ${col} AS d, t."searchVector" AS v
          FROM ${walkedRows(source.table, source.indexWalk.walk)} WHERE ${where}
          ORDER BY ${entryDate} DESC NULLS FIRST, t.id DESC`);
  }
  const windowKeys = read === "gin" && boundary && !options.pairs ? searchWindowQuery(boundary) : undefined;
  const window = !boundary
    ? []
    : read === "gin"
      ? [Prisma.sql`(${col} + 0) >= ${boundary}::date`, ...(windowKeys ? [Prisma.sql`search_window(${col}) @@ ${windowKeys}::tsquery`] : [])]
      : [Prisma.sql`${col} >= ${boundary}::date`];
  const order = read === "walk" && boundary ? Prisma.sql`${col} DESC, t.id DESC` : Prisma.sql`(${col} + 0) DESC NULLS FIRST, t.id DESC`;
  const matchesFirst = options.matchesFirst && (read !== "walk" || !boundary) && isFiltered(source);
  const matches =
    options.pairs && (read !== "walk" || matchesFirst) ? [pairsMatch(tsquery), Prisma.sql`ts_match_vq(t."searchVector", ${tsquery})`] : [Prisma.sql`t."searchVector" @@ ${tsquery}`];
  if (matchesFirst) {
    const [published, ...filters] = source.conditions;
    const inner = Prisma.join([published!, ...window, ...matches], " AND ");
    return rank(Prisma.sql`SELECT t.id, ${col} AS d, t."searchVector" AS v
          FROM (SELECT * FROM ${Prisma.raw(`"${source.table}"`)} t WHERE ${inner} OFFSET 0) t WHERE ${Prisma.join(filters, " AND ")}
          ORDER BY ${order}`);
  }
  const where = Prisma.join([...source.conditions, ...window, ...matches], " AND ");
  return rank(Prisma.sql`SELECT t.id, ${col} AS d, t."searchVector" AS v FROM ${Prisma.raw(`"${source.table}"`)} t WHERE ${where}
          ORDER BY ${order}`);
}

/**
 * Where each kind's windows lie and which it starts in. Windows count the rows the
 * filters leave, not the table's: with a country in one event of twenty, the newest
 * 2,000 of its events lie among about the newest 40,000 rows, and a window of the
 * newest 2,000 rows would hold only a hundred of them, so that a common word was
 * looked for in ever wider windows until the time budget ran out, with nothing found
 * (docs/performance.md, "Search with filters"). The share of the table the filters leave
 * is the planner's estimate (a country through the tables of each event's and each
 * statement's countries, whose statistics give it); dates place the windows: they count back from
 * the newest date a filter allows, and end at the oldest. The first window is walked
 * row by row, so it is cut to MAX_WALK_ROWS of the table.
 *
 * The start: from PostgreSQL's own estimate of the query's matches (the planner's, from
 * the statistics ANALYZE keeps of the words in `searchVector`). Starting in the newest
 * window always, a word of middling frequency paid for three or four steps, each
 * reading the GIN index again. The first window is walked in date order and the walk
 * stops at a full pool, so it pays when the pool is expected there; a wider window
 * reads every match it holds (through the GIN index), so the smallest likely to fill
 * the pool is chosen, else the whole table. The estimate only chooses where to look
 * first: a window that turns out short widens as before, and a first round that
 * overruns the budget starts again from the newest rows.
 */
export interface SourcePlan {
  source: PoolSource;
  /** The planner's estimate of the rows holding the query's phrases' pairs of words (none: the query has no phrase). */
  pairMatches: number | undefined;
  /** Whether wide steps find their rows through the pairs' index: the pairs are rarer than the words (`stepQuery`). */
  viaPairs: boolean;
  /** Whether the first window is walked in a country's or a topic's part of its filter index (`indexWalkRows`). */
  walksIndex: boolean;
  /** The oldest date of each window, newest window first; fewer when the filtered rows are few. */
  boundaries: string[];
  /** The table rows each window spans. */
  windowRows: number[];
  /** The table's row count, as the planner knows it. */
  rows: number;
  /** The window the search starts in. */
  start: number;
}

async function sourcePlans(client: PoolClient, sources: PoolSource[], tsquery: Prisma.Sql, tables: Map<string, TableStats>, phrases: boolean): Promise<SourcePlan[]> {
  const estimated = sources.filter((source) => {
    const { bounds, rows } = tables.get(source.table)!;
    return bounds.length > 1 && rows > 0;
  });
  const found = await matchEstimates(client, estimated, tsquery, phrases);
  return sources.map((source): SourcePlan => {
    const { bounds, rows } = tables.get(source.table)!;
    const i = estimated.indexOf(source);
    if (i === -1) return { source, boundaries: [], windowRows: [], rows, pairMatches: undefined, viaPairs: false, walksIndex: false, start: 0 };
    const { matches, filtered, word, pairs } = found[i]!;
    // The planner takes a phrase's words to stand side by side wherever they are all
    // found; its pairs' rows are nearer the truth, and the matches are at most those.
    const viaPairs = pairs !== undefined && word !== undefined && pairs < word;
    const estimate = viaPairs && matches !== undefined ? (matches * pairs) / Math.max(1, word) : (matches ?? rows);
    // A country's or a topic's walk, when it is cheaper than the words' matches: its first window
    // holds what the walk is expected to read and half as much again (the walk stops at a full pool).
    const walk = source.indexWalk ? indexWalkRows({ matches: estimate, filtered, ginRows: viaPairs ? pairs : word }) : undefined;
    const walksIndex = walk !== undefined;
    const first = walksIndex ? Math.max(RECENCY_WINDOWS[0]!, Math.ceil(1.5 * walk)) : RECENCY_WINDOWS[0]!;
    const sizes = [first, ...RECENCY_WINDOWS.slice(1).filter((size) => size > first)];
    const windows = searchWindows({ bounds, rows, filtered, dates: source.dates, sizes, walksFiltered: walksIndex });
    // A window holds its share of the matches in the dates the filters allow.
    const expected = (step: number) => (estimate * windows.windowRows[step]!) / Math.max(1, windows.rowsInRange);
    let start: number;
    if (windows.boundaries.length === 0 || expected(0) >= SEARCH_POOL + 1) start = 0;
    else {
      const step = windows.boundaries.findIndex((_, step) => step > 0 && expected(step) >= 1.5 * (SEARCH_POOL + 1));
      start = step === -1 ? windows.boundaries.length : step;
    }
    return { source, boundaries: windows.boundaries, windowRows: windows.windowRows, rows, pairMatches: pairs, viaPairs, walksIndex, start };
  });
}

/**
 * The windows of one kind: RECENCY_WINDOWS of the rows its filters leave, newest first,
 * as the oldest date each holds and the table rows it spans. `filtered` is the planner's
 * estimate of the rows the filters leave (undefined: no filters); a date range places
 * the windows (they start at its newest date, and none reaches past its oldest), and its
 * own share of the table is taken out of the filters' (within the range, rows are not
 * thinned by it). From the histogram of the date column: approximate by design, as a
 * window only says where to look first.
 */
export function searchWindows(options: {
  bounds: string[];
  rows: number;
  filtered?: number;
  dates?: { from?: Date; to?: Date };
  /** How many of the rows the filters leave each window holds, newest first (RECENCY_WINDOWS unless a country's walk asks for more). */
  sizes?: readonly number[];
  /** The first window is walked in the filtered rows' own index (a country's or a topic's: `indexWalk`), reading only those rows: not cut to MAX_WALK_ROWS of the table. */
  walksFiltered?: boolean;
}): {
  boundaries: string[];
  windowRows: number[];
  /** The table rows within the dates the filters allow. */
  rowsInRange: number;
} {
  const { bounds, rows, filtered, dates = {}, sizes = RECENCY_WINDOWS, walksFiltered = false } = options;
  const last = bounds.length - 1;
  if (last < 1 || rows <= 0) return { boundaries: [], windowRows: [], rowsInRange: rows };
  const day = (date: Date | undefined) => date?.toISOString().slice(0, 10);
  // The share of rows newer than a date, from the histogram (its bounds split the rows into equal parts).
  const newerThan = (date: string) => bounds.filter((bound) => bound > date).length / last;
  const to = day(dates.to);
  const from = day(dates.from);
  const newer = to ? newerThan(to) : 0;
  const inRange = Math.max(1 / last, 1 - newer - (from ? 1 - newerThan(from) : 0));
  const share = filtered === undefined ? 1 : Math.min(1, Math.max(filtered, 1) / (rows * inRange));
  const boundaries: string[] = [];
  const windowRows: number[] = [];
  for (const [step, size] of sizes.entries()) {
    // The table rows that hold `size` of the rows the filters leave; none when that is all of them.
    const full = size / share;
    if (full / rows >= inRange || newer + full / rows >= 1) break;
    // The first window is walked row by row in date order: no more than MAX_WALK_ROWS of
    // the table, unless the walk reads only the filtered rows (then it reads `size` of them).
    const span = step === 0 && !walksFiltered ? Math.min(full, MAX_WALK_ROWS) : full;
    const reach = newer + span / rows;
    // (A boundary that falls on a bound is that bound, whatever the rounding of the product.)
    boundaries.push(bounds[Math.floor((1 - reach) * last + 1e-9)]!);
    windowRows.push(Math.round(span));
  }
  return { boundaries, windowRows, rowsInRange: rows * inRange };
}

type PlanNode = { "Node Type"?: string; "Plan Rows": number; Plans?: PlanNode[] };

/**
 * The planner's estimates for each source: its matches (the query and the filters), and
 * for a filtered source the rows its filters leave and the query's matches without them.
 * With `phrases`, also the rows holding the query's phrases' pairs of words (its pairs'
 * index alone; all rows when it has none). One EXPLAIN of them all (a round trip each
 * cost a search more than its planning): the branches of a UNION ALL are the children of
 * its Append node, in order. Should the plan have another shape (PostgreSQL leaves out
 * an Append of one child), each is explained on its own.
 */
async function matchEstimates(
  client: PoolClient,
  sources: PoolSource[],
  tsquery: Prisma.Sql,
  phrases: boolean,
): Promise<Array<{ matches: number | undefined; filtered: number | undefined; word: number | undefined; pairs: number | undefined }>> {
  const select = (source: PoolSource, conditions: Prisma.Sql[]) => Prisma.sql`SELECT 1 FROM ${Prisma.raw(`"${source.table}"`)} t WHERE ${Prisma.join(conditions, " AND ")}`;
  const matchesWord = Prisma.sql`t."searchVector" @@ ${tsquery}`;
  const branches: Prisma.Sql[] = [];
  for (const source of sources) {
    branches.push(select(source, [...source.conditions, matchesWord]));
    if (isFiltered(source)) branches.push(select(source, source.conditions), select(source, [source.conditions[0]!, matchesWord]));
    if (phrases) branches.push(select(source, [source.conditions[0]!, pairsMatch(tsquery)]));
  }
  const explain = async (sql: Prisma.Sql) => {
    const explained = Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`;
    const { rows } = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(explained.text, explained.values);
    return rows[0]?.["QUERY PLAN"][0]?.Plan;
  };
  if (branches.length === 0) return [];
  let counts: Array<number | undefined> | undefined;
  if (branches.length > 1) {
    const plan = await explain(Prisma.join(branches.map((branch) => Prisma.sql`(${branch})`), " UNION ALL "));
    if (plan?.["Node Type"] === "Append" && plan.Plans?.length === branches.length) counts = plan.Plans.map((child) => child["Plan Rows"]);
  }
  if (!counts) {
    counts = [];
    for (const branch of branches) counts.push((await explain(branch))?.["Plan Rows"]);
  }
  let at = 0;
  return sources.map((source) => {
    const matches = counts[at++];
    const filtered = isFiltered(source) ? counts[at++] : undefined;
    const word = isFiltered(source) ? counts[at++] : matches;
    return { matches, filtered, word, pairs: phrases ? counts[at++] : undefined };
  });
}

interface TableStats {
  /** The histogram of the date column (ANALYZE's), oldest first: its bounds split the rows into equal parts. */
  bounds: string[];
  /** The table's row count, as the planner knows it. */
  rows: number;
}
const statsCache = new Map<string, { at: number; stats: TableStats }>();

/**
 * The histogram of a table's date column and its row count, from PostgreSQL's own
 * statistics (what ANALYZE keeps), so it costs one catalog read and is kept a minute per
 * process. A table too small or not yet analysed has no histogram (then everything is
 * looked at at once).
 */
async function tableStats(source: PoolTable): Promise<TableStats> {
  const cached = statsCache.get(source.table);
  if (cached && Date.now() - cached.at < BOUNDARY_TTL_MS) return cached.stats;
  const [stats] = await db.$queryRaw<Array<{ rows: number; bounds: string[] | null }>>`
    SELECT c.reltuples::float8 AS rows,
      (SELECT array(SELECT to_char(b, 'YYYY-MM-DD') FROM unnest(s.histogram_bounds::text::date[]) AS b)
         FROM pg_stats s WHERE s.schemaname = current_schema() AND s.tablename = ${source.table} AND s.attname = ${source.dateColumn}) AS bounds
    FROM pg_class c WHERE c.oid = to_regclass(${`"${source.table}"`})`;
  const found = { bounds: stats?.bounds ?? [], rows: Number(stats?.rows ?? 0) };
  statsCache.set(source.table, { at: Date.now(), stats: found });
  return found;
}
