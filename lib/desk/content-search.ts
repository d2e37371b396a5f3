import "server-only";
import { eventFilterConditions, statementFilterConditions } from "@/lib/api/filters";
import { Prisma, db } from "@/lib/db/client";
import { containing, nameHolds } from "@/lib/db/names";
import { DESK_PAGE_SIZE, type DeskListQuery } from "./list-query";
import { searchConfig } from "@/lib/search/config";

/**
 * The desk's lists of events and statements, every status: one page of ids and
 * the count, newest change first. The words are looked up the way the public
 * search does (the generated, GIN-indexed `searchVector` columns, with
 * websearch_to_tsquery: "quoted phrases", -exclusions, OR), drafts included, plus:
 * - the last word as a prefix ("Toka" finds Tokayev) when the words use no operators;
 * - the names of the people, organizations and countries an event involves, and a
 *   statement's speaker and countries (through their trigram-indexed names);
 * - an item's exact id or slug (pasted from an address).
 * Every branch is an index condition, so the planner can OR them as bitmaps.
 *
 * Words found in many items are counted by estimate (`totalIsEstimate`). Counting a word
 * in nearly every one of 100,000 events took 145 ms and sorting its matches 160 ms, at
 * each search (docs/performance.md, "The desk on a large record"). So a search first reads
 * the newest DESK_WINDOW_ROWS rows by their latest change: when at least DESK_COMMON_SHARE
 * of them match and the page is among them, that page is exactly the list's (every match
 * in the window comes before every match outside it), and the count is the window's share
 * of the table. A rarer word, a later page or a small table: matches through the indexes,
 * sorted, and counted exactly.
 */
export async function findDeskContent(
  kind: "event" | "statement",
  given: DeskListQuery,
): Promise<{ query: DeskListQuery; total: number; totalIsEstimate: boolean; ids: string[] }> {
  const query = await checkDeskFilters(given);
  const { page, count, newest } = deskContentStatements(kind, query);
  if (newest) {
    const found = await db.$queryRaw<Array<{ id: string; matches: number; rows: number }>>(newest);
    const matches = found[0]?.matches ?? 0;
    const rows = found[0]?.rows ?? 0;
    if (rows > DESK_WINDOW_ROWS && matches >= DESK_WINDOW_ROWS * DESK_COMMON_SHARE && found.length === DESK_PAGE_SIZE) {
      const estimate = Math.round((matches / DESK_WINDOW_ROWS) * rows);
      return { query, total: Math.max(estimate, (query.page - 1) * DESK_PAGE_SIZE + found.length), totalIsEstimate: true, ids: found.map((r) => r.id) };
    }
  }
  const [listed, counted] = await Promise.all([db.$queryRaw<Array<{ id: string }>>(page), db.$queryRaw<Array<{ n: number }>>(count)]);
  return { query, total: counted[0]?.n ?? 0, totalIsEstimate: false, ids: listed.map((r) => r.id) };
}

/** How many of the newest rows a word search reads first (`findDeskContent`). */
export const DESK_WINDOW_ROWS = 1_000;
/** The share of those rows a word must match to be counted by estimate. */
export const DESK_COMMON_SHARE = 0.1;

/**
 * A desk list's statements (filters already checked): the page's ids, the count of all
 * that match, and for words, the page among the newest DESK_WINDOW_ROWS rows with the
 * number of matches there and the table's size (PostgreSQL's estimate, from its statistics).
 */
export function deskContentStatements(kind: "event" | "statement", query: DeskListQuery): { page: Prisma.Sql; count: Prisma.Sql; newest?: Prisma.Sql } {
  const isEvent = kind === "event";
  const tableName = isEvent ? "Event" : "Statement";
  const table = Prisma.raw(`"${tableName}"`);
  const filters = { country: query.country, from: query.from, to: query.to };
  const where = isEvent ? eventFilterConditions(filters) : statementFilterConditions(filters);
  // Every type the desk can record (the public vocabulary in lib/api lacks the newest).
  if (isEvent && query.type) where.push(Prisma.sql`t.type::text = ${query.type}`);
  if (query.status) where.push(Prisma.sql`t.status = ${query.status}::"PublicationStatus"`);
  if (query.author) where.push(Prisma.sql`t."createdById" = ${query.author}`);
  if (!isEvent && query.kind) where.push(Prisma.sql`t.medium::text = ${query.kind}`);
  if (query.q) where.push(isEvent ? eventWords(query.q) : statementWords(query.q));
  const whereSql = where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  const offset = (query.page - 1) * DESK_PAGE_SIZE;
  // Latest change first, through the (updatedAt, id) index, which the planner walks until the
  // page is full. Not with words: their matches are found through their indexes and sorted,
  // since the planner cannot tell a rare word (whose walk would read every row) from a common
  // one (docs/performance.md, "The desk on a large record").
  const order = query.q ? Prisma.sql`(t."updatedAt" + interval '0') DESC, t.id DESC` : Prisma.sql`t."updatedAt" DESC, t.id DESC`;
  return {
    page: Prisma.sql`SELECT t.id FROM ${table} t ${whereSql} ORDER BY ${order} LIMIT ${DESK_PAGE_SIZE} OFFSET ${offset}`,
    count: Prisma.sql`SELECT count(*)::int AS n FROM ${table} t ${whereSql}`,
    newest: query.q
      ? Prisma.sql`SELECT t.id, (count(*) OVER ())::int AS matches,
          (SELECT GREATEST(c.reltuples, 0)::float8 FROM pg_class c WHERE c.oid = ${`"${tableName}"`}::regclass) AS rows
        FROM (SELECT * FROM ${table} ORDER BY "updatedAt" DESC, id DESC LIMIT ${DESK_WINDOW_ROWS}) t ${whereSql}
        ORDER BY t."updatedAt" DESC, t.id DESC LIMIT ${DESK_PAGE_SIZE} OFFSET ${offset}`
      : undefined,
  };
}

/** What a row of either desk list shows, whatever the kind. */
export const DESK_ROW_COLUMNS = {
  id: true,
  title: true,
  slug: true,
  status: true,
  version: true,
  updatedAt: true,
  stagedAt: true,
  scheduledAt: true,
  createdBy: { select: { name: true } },
} as const;

/**
 * One page of a desk list: the ids findDeskContent finds, read by `load`, in the
 * page's order. `query` comes back with any filter that named nothing dropped.
 */
export async function listDeskContent<R extends { id: string }>(kind: "event" | "statement", given: DeskListQuery, load: (ids: string[]) => Promise<R[]>) {
  const { query, total, totalIsEstimate, ids } = await findDeskContent(kind, given);
  const byId = new Map((await load(ids)).map((r) => [r.id, r]));
  return { query, total, totalIsEstimate, rows: ids.flatMap((id) => byId.get(id) ?? []) };
}

/** "Toka" → 'toka':*, "Tokayev Tru" → 'tokayev' & 'tru':*; null when the words use websearch operators. */
export function prefixQuery(q: string): string | null {
  if (/["-]|\bor\b/i.test(q)) return null;
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, 8);
  if (!words?.length) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}

function textMatch(q: string): Prisma.Sql {
  const prefix = prefixQuery(q);
  return Prisma.sql`(t."searchVector" @@ websearch_to_tsquery(${searchConfig}, ${q})${prefix ? Prisma.sql` OR t."searchVector" @@ to_tsquery(${searchConfig}, ${prefix})` : Prisma.empty} OR t.id = ${q} OR t.slug = ${q.toLowerCase()})`;
}

function eventWords(q: string): Prisma.Sql {
  const countries = Prisma.sql`ARRAY(SELECT c.iso2 FROM "Country" c WHERE ${nameHolds(Prisma.sql`c.name`, q)})`;
  return Prisma.sql`(${textMatch(q)}
    OR t."countryId" = ANY(${countries})
    OR t.id = ANY(ARRAY(SELECT p."eventId" FROM "EventParticipant" p
      WHERE p."personId" = ANY(ARRAY(SELECT pe.id FROM "Person" pe WHERE ${nameHolds(Prisma.sql`pe.name`, q)}))
         OR p."organizationId" = ANY(ARRAY(SELECT o.id FROM "Organization" o WHERE ${nameHolds(Prisma.sql`o.name`, q)} OR o.acronym ILIKE ${containing(q)}))
         OR p."countryId" = ANY(${countries}))))`;
}

function statementWords(q: string): Prisma.Sql {
  return Prisma.sql`(${textMatch(q)}
    OR t."speakerId" = ANY(ARRAY(SELECT pe.id FROM "Person" pe WHERE ${nameHolds(Prisma.sql`pe.name`, q)}))
    OR t.id = ANY(ARRAY(SELECT sc."statementId" FROM "StatementCountry" sc
      WHERE sc."countryId" = ANY(ARRAY(SELECT c.iso2 FROM "Country" c WHERE ${nameHolds(Prisma.sql`c.name`, q)})))))`;
}

/**
 * Drops a country or author the address names that does not exist, saying so in
 * `problems` (a select cannot show a value it does not list, so the filter would
 * otherwise hide every row without a visible reason).
 */
export async function checkDeskFilters(query: DeskListQuery): Promise<DeskListQuery> {
  const [country, author] = await Promise.all([
    query.country ? db.country.findUnique({ where: { iso2: query.country }, select: { iso2: true } }) : true,
    query.author ? db.user.findUnique({ where: { id: query.author }, select: { id: true } }) : true,
  ]);
  const problems = { ...query.problems };
  if (!country) problems.country = `There is no country with the code ${query.country}.`;
  if (!author) problems.author = "There is no such author: choose one from the list.";
  return { ...query, country: country ? query.country : undefined, author: author ? query.author : undefined, problems };
}
