import "server-only";
import { z } from "zod";
import { db, Prisma } from "@/lib/db/client";
import { FOLDED_FROM, containing, likeEscape } from "@/lib/db/names";
import { foldText as folded } from "@/lib/records/fold";
import { formatDate } from "@/lib/format/date";
import { cleanString, wholeNumber } from "@/lib/records/fields";
import { AGREEMENT_KIND_LABELS } from "@/lib/format/labels";
import { ORGANIZATION_KIND_LABELS } from "@/lib/lookup/labels";
import { STATUS_LABELS, label } from "@/lib/format/labels";
import { WORD_SIMILARITY_THRESHOLD } from "@/lib/search/pool";
import { LONG_TERM } from "@/lib/search/suggest";
import { listCountryOtherNames } from "@/lib/seed/countries";
import { agreementPath, countryPath, eventPath, organizationPath, personPath, statementPath } from "@/lib/site/paths";

/** `participant` searches people, organizations and countries at once (an event's one participant picker). */
export const LOOKUP_KINDS = ["country", "person", "organization", "event", "statement", "agreement", "topic", "participant"] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

export const LookupQuerySchema = z
  .object({
    kind: z.enum(LOOKUP_KINDS, { error: `kind must be one of ${LOOKUP_KINDS.join(", ")}` }),
    q: cleanString().trim().max(200, { error: "q must be at most 200 characters" }).default(""),
    limit: wholeNumber({ min: 1, max: 50, message: "limit must be between 1 and 50", typeMessage: "limit must be a whole number" }).default(10),
  })
  .strict();
export type LookupQuery = z.infer<typeof LookupQuerySchema>;

export interface LookupResult {
  id: string;
  label: string;
  detail?: string;
  /** The kind of record, where one picker searches several (participants). */
  kind?: "country" | "person" | "organization";
  /** The country a person or organization belongs to (a participant's country). */
  country?: { id: string; name: string };
  /** The public page's path, for links in a Markdown body (a draft's page exists once it is published). */
  path?: string;
}

interface Row {
  id: string;
  label: string;
  a: string | null;
  b: string | null;
  d: Date | null;
  p: string | null;
  s?: string | null;
  c?: string | null;
}

interface Target {
  table: Prisma.Sql;
  id: Prisma.Sql;
  column: Prisma.Sql;
  /**
   * A name, compared without accents or case ("Turkiye" is Türkiye, "Erdogan" Erdoğan) from
   * FOLDED_FROM characters (lib/db/names.ts), and found misspelt a little more loosely when
   * long (LONG_NAME_TERM). Titles are compared as written.
   */
  name?: boolean;
  /** Matches that go before everything else (an ISO code, an acronym, a country's other name). */
  exact?: Prisma.Sql;
  /** Rows known by another name that starts with what was typed: ranked with the names that do. */
  alsoStarting?: Prisma.Sql;
}

/** From this many letters a name's near spelling may be looser (the public search's name suggestions' rule): "Tokaev" is 0.57 of "Tokayev". */
export const LONG_NAME_TERM = LONG_TERM;
export const LONG_NAME_SIMILARITY = WORD_SIMILARITY_THRESHOLD;

/*
 * Ranking, the same for every kind: an exact code, acronym or other name, an exact name,
 * names starting with what was typed, names with a word starting with it, other names
 * containing it; then, only if that leaves room, near misses by trigram word similarity
 * (typos: "Netanyahou"). Sorting on cheap keys first and asking for similarity only when
 * needed keeps a 20,000-name table fast: `LIKE '%q%'` and `q <% name` both use a pg_trgm
 * GIN index (on the folded names, on the titles as written).
 */
async function rankedIds(target: Target, q: string, limit: number): Promise<string[]> {
  const { table, id } = target;
  // A name and what was typed both folded; a title, or one or two letters (FOLDED_FROM), as written, in any case.
  const fold = target.name && q.length >= FOLDED_FROM;
  const column = fold ? Prisma.sql`name_folded(${target.column})` : target.column;
  const typed = (text: string) => (fold ? Prisma.sql`name_folded(${text})` : Prisma.sql`${text}`);
  const like = Prisma.raw(fold ? "LIKE" : "ILIKE");
  const same = fold ? Prisma.sql`${column} = ${typed(q)}` : Prisma.sql`lower(${column}) = lower(${q})`;
  const contains = typed(containing(q));
  const starting = Prisma.sql`(${column} ${like} ${typed(`${likeEscape(q)}%`)}${target.alsoStarting ? Prisma.sql` OR ${target.alsoStarting}` : Prisma.empty})`;
  const wordStarting = typed(`% ${likeEscape(q)}%`);
  const exactWhere = target.exact ? Prisma.sql`${target.exact} OR` : Prisma.empty;
  const alsoWhere = target.alsoStarting ? Prisma.sql`OR ${target.alsoStarting}` : Prisma.empty;
  const exactOrder = target.exact ? Prisma.sql`(${target.exact}) DESC,` : Prisma.empty;
  const hits = await db.$queryRaw<Array<{ id: string }>>`SELECT ${id} AS id FROM ${table}
    WHERE ${exactWhere} ${column} ${like} ${contains} ${alsoWhere}
    ORDER BY ${exactOrder} (${same}) DESC, ${starting} DESC,
      (${column} ${like} ${wordStarting}) DESC, length(${target.column}) ASC, ${target.column} ASC
    LIMIT ${limit}`;
  const ids = hits.map((h) => h.id.trim());
  if (ids.length >= limit || q.length < 3) return ids;
  const near = Prisma.sql`SELECT ${id} AS id FROM ${table}
    WHERE ${typed(q)} <% ${column} AND NOT (${column} ${like} ${contains}) AND ${id} <> ALL(${ids})
    ORDER BY word_similarity(${typed(q)}, ${column}) DESC, ${target.column} ASC
    LIMIT ${limit - ids.length}`;
  const rows = target.name && q.length >= LONG_NAME_TERM
    ? // `<%` reads its threshold from the session: set for this query's transaction only.
      (await db.$transaction([db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(LONG_NAME_SIMILARITY)}, true)`, db.$queryRaw<Array<{ id: string }>>(near)]))[1]
    : await db.$queryRaw<Array<{ id: string }>>(near);
  return [...ids, ...rows.map((h) => h.id.trim())];
}

/** A table's ids by name: ranked for what is typed (`exact` matches first), else the first by name. */
async function idsByName(table: string, q: string, limit: number, options: { id?: string; exact?: Prisma.Sql; alsoStarting?: Prisma.Sql } = {}): Promise<string[]> {
  const from = Prisma.raw(`"${table}"`);
  const id = Prisma.raw(`"${options.id ?? "id"}"`);
  if (q) return rankedIds({ table: from, id, column: Prisma.sql`"name"`, name: true, exact: options.exact, alsoStarting: options.alsoStarting }, q, limit);
  return (await db.$queryRaw<Array<{ id: string }>>`SELECT ${id} AS id FROM ${from} ORDER BY "name" LIMIT ${limit}`).map((r) => r.id.trim());
}

/** Rows come back in any order; put them back in ranking order. */
function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id.trim(), r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Every kind's results, best first: the rows `read` finds for the ranked ids (no query
 * when nothing matched), each as its id and label and what `more` adds for its kind.
 */
async function resultsOf<R extends Row>(ids: string[], read: (ids: string[]) => Promise<R[]>, more: (row: R) => Omit<LookupResult, "id" | "label"> = () => ({})): Promise<LookupResult[]> {
  if (!ids.length) return [];
  return inOrder(ids, await read(ids)).map((row) => ({ id: row.id.trim(), label: row.label, ...more(row) }));
}

/** A row's date (`d`) cut to its precision (`p`). */
const rowDate = (row: Row) => formatDate(row.d, (row.p ?? "DAY") as "DAY");

/** Each other name a country is known by ("UAE", "Turkey", "Ivory Coast", "UK"; listCountryOtherNames), folded. */
const OTHER_NAMES = listCountryOtherNames().flatMap(({ iso2, otherNames }) => otherNames.map((name) => ({ iso2, name: folded(name) })));

/** The countries known by another name that is what was typed, or starts with it or has a word that does ("Turk": Türkiye). */
export function countriesCalled(q: string): { exactly: string[]; starting: string[] } {
  const typed = folded(q.trim());
  if (!typed) return { exactly: [], starting: [] };
  const exactly = OTHER_NAMES.filter((o) => o.name === typed).map((o) => o.iso2);
  const starting = OTHER_NAMES.filter((o) => o.name !== typed && (o.name.startsWith(typed) || o.name.includes(` ${typed}`))).map((o) => o.iso2);
  return { exactly: [...new Set(exactly)], starting: [...new Set(starting)].filter((iso2) => !exactly.includes(iso2)) };
}

async function searchCountries(q: string, limit: number): Promise<LookupResult[]> {
  const code = q.toUpperCase();
  const called = countriesCalled(q);
  return resultsOf(
    await idsByName("Country", q, limit, {
      id: "iso2",
      exact: Prisma.sql`("iso2" = ${code} OR "iso3" = ${code} OR "iso2" = ANY(${called.exactly}))`,
      alsoStarting: called.starting.length ? Prisma.sql`"iso2" = ANY(${called.starting})` : undefined,
    }),
    (ids) => db.$queryRaw<Row[]>`SELECT c."iso2" AS id, c."name" AS label, c."iso3" AS a FROM "Country" c WHERE c."iso2" = ANY(${ids})`,
    (row) => ({
      detail: `${row.id.trim()} · ${row.a}`,
      kind: "country",
      // A country taking part is its own country (a participant row shows it).
      country: { id: row.id.trim(), name: row.label },
      path: countryPath(row.id.trim()),
    }),
  );
}

async function searchPeople(q: string, limit: number): Promise<LookupResult[]> {
  return resultsOf(
    await idsByName("Person", q, limit),
    // The latest office says which of two namesakes this is.
    (ids) => db.$queryRaw<Row[]>`SELECT p."id", p."name" AS label, c."name" AS a, p."slug" AS s, p."countryId" AS c,
      (SELECT o."title" FROM "Office" o WHERE o."personId" = p."id" ORDER BY o."endDate" DESC NULLS FIRST, o."startDate" DESC NULLS LAST, o."position" LIMIT 1) AS b
    FROM "Person" p LEFT JOIN "Country" c ON c."iso2" = p."countryId" WHERE p."id" = ANY(${ids})`,
    (row) => ({
      detail: [row.b, row.a].filter(Boolean).join(" · ") || undefined,
      kind: "person",
      country: row.c && row.a ? { id: row.c.trim(), name: row.a } : undefined,
      path: personPath(row.s!),
    }),
  );
}

async function searchOrganizations(q: string, limit: number): Promise<LookupResult[]> {
  return resultsOf(
    await idsByName("Organization", q, limit, { exact: Prisma.sql`(upper("acronym") IS NOT DISTINCT FROM ${q.toUpperCase()})` }),
    (ids) => db.$queryRaw<Array<Row & { cn: string | null }>>`SELECT o."id", o."name" AS label, o."acronym" AS a, o."kind"::text AS b, o."slug" AS s,
      o."countryId" AS c, c."name" AS cn
    FROM "Organization" o LEFT JOIN "Country" c ON c."iso2" = o."countryId" WHERE o."id" = ANY(${ids})`,
    (row) => ({
      detail: [row.a, label(ORGANIZATION_KIND_LABELS, row.b ?? ""), row.cn].filter(Boolean).join(" · "),
      kind: "organization",
      country: row.c && row.cn ? { id: row.c.trim(), name: row.cn } : undefined,
      path: organizationPath(row.s!),
    }),
  );
}

async function searchAgreements(q: string, limit: number): Promise<LookupResult[]> {
  return resultsOf(
    await idsByName("Agreement", q, limit),
    (ids) => db.$queryRaw<Row[]>`SELECT a."id", a."name" AS label, a."kind"::text AS a, a."concludedOn" AS d, a."concludedPrecision"::text AS p, a."slug" AS s
    FROM "Agreement" a WHERE a."id" = ANY(${ids})`,
    (row) => ({ detail: [label(AGREEMENT_KIND_LABELS, row.a ?? ""), row.d ? rowDate(row) : null].filter(Boolean).join(" · "), path: agreementPath(row.s!) }),
  );
}

/** Fewer typed characters than this find, in events and statements, titles with a word starting with them (`contentIds`). */
export const SHORT_TITLE_QUERY = 3;
/** What may stand before a word in a title, besides the title's start: a space, an opening quote or bracket, a hyphen. */
const WORD_STARTS = [" ", "“", "‘", '"', "(", "-"];

/**
 * Events or statements: ranked by title for what is typed, else the newest of every status
 * by the date they happened or were said (drafts too: the desk links them).
 *
 * One or two typed letters are a word's start, not a fragment: titles with a word starting
 * with them, newest first. Ranked as longer strings are, they would be looked for inside
 * every title (a trigram index has nothing to look up for fewer than three letters) and
 * every match sorted: 100-400 ms a keystroke on the scale record. As a word's start they
 * are found through the titles' trigram index when rare, or by walking the newest rows
 * when common (the date indexes of migration 20261205140000_picker_newest_indexes, which
 * an open picker walks too): under a millisecond (docs/performance.md, "The desk's pickers
 * on a large record").
 */
async function contentIds(table: "Event" | "Statement", q: string, limit: number): Promise<string[]> {
  if (q.length >= SHORT_TITLE_QUERY || (q && !/[\p{L}\p{N}]/u.test(q))) {
    return rankedIds({ table: Prisma.raw(`"${table}"`), id: Prisma.sql`"id"`, column: Prisma.sql`"title"` }, q, limit);
  }
  return (await db.$queryRaw<Array<{ id: string }>>(newestTitles(table, q, limit))).map((r) => r.id);
}

/** The newest items of every status, or, for one or two letters, those with a title word starting with them (`contentIds`). */
export function newestTitles(table: "Event" | "Statement", q: string, limit: number): Prisma.Sql {
  const newest = Prisma.raw(table === "Event" ? `"date" DESC NULLS LAST, "title"` : `"saidOn" DESC NULLS LAST, "title"`);
  const start = likeEscape(q);
  const where = q
    ? Prisma.sql`WHERE ${Prisma.join([Prisma.sql`"title" ILIKE ${`${start}%`}`, ...WORD_STARTS.map((before) => Prisma.sql`"title" ILIKE ${`%${before}${start}%`}`)], " OR ")}`
    : Prisma.empty;
  return Prisma.sql`SELECT "id" FROM ${Prisma.raw(`"${table}"`)} ${where} ORDER BY ${newest} LIMIT ${limit}`;
}

async function searchEvents(q: string, limit: number): Promise<LookupResult[]> {
  return resultsOf(
    await contentIds("Event", q, limit),
    (ids) => db.$queryRaw<Row[]>`SELECT e."id", e."title" AS label, e."status"::text AS a, e."date" AS d, e."datePrecision"::text AS p, e."slug" AS s
    FROM "Event" e WHERE e."id" = ANY(${ids})`,
    // The desk links drafts too, so the status is part of the detail line.
    (row) => ({ detail: `${rowDate(row)} · ${label(STATUS_LABELS, row.a ?? "")}`, path: eventPath(row.s!) }),
  );
}

async function searchStatements(q: string, limit: number): Promise<LookupResult[]> {
  return resultsOf(
    await contentIds("Statement", q, limit),
    (ids) => db.$queryRaw<Row[]>`SELECT s."id", s."title" AS label, s."status"::text AS a, s."saidOn" AS d, s."saidPrecision"::text AS p, s."slug" AS s,
      coalesce(pe."name", s."speakerLabel") AS b
    FROM "Statement" s LEFT JOIN "Person" pe ON pe."id" = s."speakerId" WHERE s."id" = ANY(${ids})`,
    (row) => ({ detail: [row.b, row.d ? rowDate(row) : null, label(STATUS_LABELS, row.a ?? "")].filter(Boolean).join(" · "), path: statementPath(row.s!) }),
  );
}

/** People, organizations and countries in one list: a name typed into a participant row may be any of them. */
async function searchParticipants(q: string, limit: number): Promise<LookupResult[]> {
  const [people, organizations, countries] = await Promise.all([searchPeople(q, limit), searchOrganizations(q, limit), searchCountries(q, limit)]);
  const calledExactly = countriesCalled(q).exactly;
  const exact = (r: LookupResult) =>
    folded(r.label) === folded(q) || (r.kind === "country" && (r.id === q.toUpperCase() || calledExactly.includes(r.id)));
  // Each list is ranked already; interleave them so the best of each kind shows, exact names first.
  const merged: LookupResult[] = [];
  for (let i = 0; i < limit; i++) for (const list of [people, organizations, countries]) if (list[i]) merged.push(list[i]!);
  return [...merged.filter(exact), ...merged.filter((r) => !exact(r))].slice(0, limit);
}

async function searchTopics(q: string, limit: number): Promise<LookupResult[]> {
  return resultsOf(
    await idsByName("Topic", q, limit, { exact: Prisma.sql`("slug" = ${q.toLowerCase()})` }),
    (ids) => db.$queryRaw<Row[]>`SELECT t."id", t."name" AS label FROM "Topic" t WHERE t."id" = ANY(${ids})`,
  );
}

const SEARCHERS: Record<LookupKind, (q: string, limit: number) => Promise<LookupResult[]>> = {
  country: searchCountries,
  person: searchPeople,
  organization: searchOrganizations,
  event: searchEvents,
  statement: searchStatements,
  participant: searchParticipants,
  agreement: searchAgreements,
  topic: searchTopics,
};

/** The desk's pickers: records of one kind matching what was typed, best first. */
export async function searchEntities(query: { kind: LookupKind; q?: string; limit?: number }): Promise<LookupResult[]> {
  const q = (query.q ?? "").trim().slice(0, 200);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 10), 1), 50);
  return SEARCHERS[query.kind](q, limit);
}
