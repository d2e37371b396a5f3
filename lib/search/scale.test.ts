import pg from "pg";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSearchQuery } from "@/lib/api/list-query";
import { db } from "@/lib/db/client";
import { listSitemapFiles, readSitemapFile, sitemapFileXml, sitemapIndexXml } from "@/lib/sitemap/sitemap";
import { generateScaleEntities } from "@/lib/testing/scale-entities";
import { generateScaleRecord, scaleVocabulary } from "@/lib/testing/scale-record";
import { Prisma } from "@/lib/db/client";
import { eventConditions, statementConditions } from "@/lib/api/filters";
import { SEARCH_POOL, indexWalk, searchPublishedRecord, stepQuery, type PoolSource } from "./search-record";
import { CORRECTION_SIMILARITY, LONG_TERM, acronymKeys, SHORT_TERM_THRESHOLD, correctedQuery, correctionOf, suggestPages, suggestionTerms } from "./suggest";
import { WORD_SIMILARITY_THRESHOLD } from "./pool";
import { newestTitles } from "@/lib/lookup/search-entities";
import { DESK_WINDOW_ROWS, deskContentStatements, findDeskContent } from "@/lib/desk/content-search";
import { parseDeskListQuery } from "@/lib/desk/list-query";
import { SEARCH_CONFIG_SQL, searchConfig } from "@/lib/search/config";

/**
 * Search, suggestions and the sitemap on a record large enough that search looks in
 * windows of the newest rows (more rows than RECENCY_WINDOWS[0]) and the sitemap has
 * several files. Real PostgreSQL; no timing here (that is `npm run bench:scale`).
 */
const EVENTS = 3_000;
const STATEMENTS = 2_500;
const words = scaleVocabulary(5_000);
const COMMON = words[0]!; // in nearly every item
const DRAFT_WORD = "zqdraftonlyword";

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await generateScaleRecord(client, { events: EVENTS, statements: STATEMENTS, prefix: "t" });
  await generateScaleEntities(client, { events: EVENTS, statements: STATEMENTS, prefix: "t", people: 300, topics: 10, agreements: 20, organizations: 10 });
  // Drafts and a retraction carrying the common word and a word of their own, dated
  // newest of all, so the newest-first pool would meet them first if it could.
  await client.query(
    `INSERT INTO "Event" (id, slug, title, summary, body, type, date, status, "updatedAt")
     SELECT 'draft_' || s, 'draft-' || s, 'Draft ' || $1 || ' ' || $2, $1, $2, 'MEETING', date '2030-01-01', s::"PublicationStatus", now()
       FROM unnest(ARRAY['DRAFT', 'IN_REVIEW', 'SCHEDULED', 'RETRACTED']) AS s`,
    [COMMON, DRAFT_WORD],
  );
  await client.query(
    `INSERT INTO "Statement" (id, slug, title, text, medium, "speakerLabel", "saidOn", status, "updatedAt")
     VALUES ('draft_st', 'draft-st', 'Draft ' || $1, $1 || ' ' || $2, 'SPEECH', 'an official', date '2030-01-01', 'DRAFT', now())`,
    [COMMON, DRAFT_WORD],
  );
  // Vacuumed as autovacuum would: the GIN indexes' pending rows merged and their statistics
  // kept, which the planner prices them by.
  await client.query(`VACUUM ANALYZE "Event", "Statement"`);
}, 120_000);

afterAll(async () => {
  await client?.end();
});

const search = (params: Record<string, string>) => searchPublishedRecord(parseSearchQuery(params, { strict: true }));

async function publishedMatches(table: "Event" | "Statement", q: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "${table}" WHERE status = 'PUBLISHED' AND "searchVector" @@ websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1)`,
    [q],
  );
  return rows[0]!.n;
}

/**
 * That a search's pool is the newest published matches of each kind under its filters
 * (written plainly, as the lists write them): its hits are among them, and its total
 * counts them up to SEARCH_POOL a kind.
 */
async function expectNewestMatches(params: Record<string, string>, result: Awaited<ReturnType<typeof search>>): Promise<number> {
  const label = JSON.stringify(params);
  if (result.kind !== "results") throw new Error(`${label}: ${result.kind}`);
  const query = parseSearchQuery(params, { strict: true });
  let expected = 0;
  let more = false;
  for (const kind of ["event", "statement"] as const) {
    const [table, col] = kind === "event" ? ['"Event"', 't."date"'] : ['"Statement"', 't."saidOn"'];
    const conditions = [...(kind === "event" ? eventConditions(query) : statementConditions(query)), Prisma.sql`t."searchVector" @@ websearch_to_tsquery(${searchConfig}, ${query.q})`];
    const sql = Prisma.sql`SELECT t.id FROM ${Prisma.raw(table)} t WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY ${Prisma.raw(col)} DESC NULLS FIRST, t.id DESC LIMIT ${SEARCH_POOL + 1}`;
    const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(sql.text, ...sql.values);
    expected += Math.min(rows.length, SEARCH_POOL);
    more ||= rows.length > SEARCH_POOL;
    const newest = new Set(rows.slice(0, SEARCH_POOL).map((r) => r.id));
    for (const hit of result.hits.filter((h) => h.kind === kind)) expect(newest.has(hit.id), `${label}: ${hit.id}`).toBe(true);
  }
  expect(result.total, label).toBe(expected);
  expect(result.totalIsAtLeast, label).toBe(more);
  return expected;
}

/** The statements a search sends, counted on the search pool's real connections as it sends them. */
async function statementsSent(run: () => Promise<void>): Promise<string[]> {
  const pool = (globalThis as unknown as { chancerySearchPool: pg.Pool }).chancerySearchPool;
  const sent: string[] = [];
  const counting = new WeakSet<pg.PoolClient>();
  let active = true;
  const count = (client: pg.PoolClient) => {
    if (counting.has(client)) return;
    counting.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (active) sent.push(typeof args[0] === "string" ? args[0] : String((args[0] as { text?: string }).text));
      return query(...args);
    };
  };
  pool.on("acquire", count);
  try {
    await run();
  } finally {
    pool.off("acquire", count);
    active = false;
  }
  return sent;
}

describe("search on a large record", () => {
  it("ranks the newest matches of a common word, says the count is a lower bound, and keeps the best first", async () => {
    const result = await search({ q: COMMON, limit: "20" });
    if (result.kind !== "results") throw new Error(result.kind);
    expect(await publishedMatches("Event", COMMON)).toBeGreaterThan(SEARCH_POOL);
    expect(result.totalIsAtLeast).toBe(true);
    expect(result.total).toBeLessThanOrEqual(2 * SEARCH_POOL);
    expect(result.hits).toHaveLength(20);
    const ranks = result.hits.map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // Every hit is among the SEARCH_POOL newest published matches of its kind.
    for (const kind of ["event", "statement"] as const) {
      const [table, col] = kind === "event" ? ["Event", "date"] : ["Statement", "saidOn"];
      const { rows } = await client.query<{ d: Date }>(
        `SELECT "${col}" AS d FROM "${table}" WHERE status = 'PUBLISHED' AND "searchVector" @@ websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1)
          ORDER BY "${col}" DESC NULLS FIRST, id DESC OFFSET ${SEARCH_POOL - 1} LIMIT 1`,
        [COMMON],
      );
      for (const hit of result.hits.filter((h) => h.kind === kind)) expect(hit.date!.getTime()).toBeGreaterThanOrEqual(rows[0]!.d.getTime());
    }
  });

  it("counts and ranks a rare word's matches exactly, all of them", async () => {
    // A word from the rare tail, found in a handful of items.
    let rare = "";
    for (const w of words.slice(3_000)) {
      const n = (await publishedMatches("Event", w)) + (await publishedMatches("Statement", w));
      if (n >= 3 && n <= 30) {
        rare = w;
        break;
      }
    }
    expect(rare).not.toBe("");
    const result = await search({ q: rare, limit: "50" });
    if (result.kind !== "results") throw new Error(result.kind);
    expect(result.totalIsAtLeast).toBe(false);
    expect(result.total).toBe((await publishedMatches("Event", rare)) + (await publishedMatches("Statement", rare)));
    expect(result.hits).toHaveLength(result.total);
  });

  it("whatever window a search starts in, its pool is the newest matches of each kind", async () => {
    // Words of every frequency, and combinations: the planner's estimate sends each to a
    // different first window (the newest rows, or the whole table), and none may lose a match.
    const queries = [words[1]!, words[40]!, words[300]!, words[1_500]!, `${words[2]!} ${words[120]!}`, `"${words[0]!} ${words[1]!}"`, `${words[5]!} -${words[3]!}`];
    for (const q of queries) {
      const result = await search({ q, limit: "100" });
      const expected = await expectNewestMatches({ q }, result);
      if (result.kind === "results") expect(result.hits).toHaveLength(Math.min(100, expected));
    }
  });

  it("a search of both kinds asks the planner once, and makes three statements when one round in the newest rows finds what it looks for", async () => {
    // Every statement is a round trip (a write, a wake-up of the server, a read); a
    // search made seven of them at least, then five, now three: one EXPLAIN of both kinds,
    // the round (under the connections' own limit), and the headlines. A search that
    // starts in wider windows sets the time budget first and puts the limit back after:
    // five. Counted on the search pool's real connections as the search sends them.
    await search({ q: COMMON }); // the connections' one-time settings are not counted
    for (const [q, count] of [
      [COMMON, 3],
      [words[1_500]!, 5],
    ] as const) {
      const sent = await statementsSent(async () => expect((await search({ q })).kind, q).toBe("results"));
      expect(sent.filter((text) => text.startsWith("EXPLAIN")), q).toHaveLength(1);
      expect(sent, `${q}:\n${sent.join("\n")}`).toHaveLength(count);
    }
    // Words that are all stop words: nothing found, then the one check that says there was nothing to look for.
    const sent = await statementsSent(async () => expect((await search({ q: "the and of" })).kind).toBe("no-terms"));
    expect(sent.filter((text) => text.includes("numnode"))).toHaveLength(1);
  });

  it("with filters, looks in windows of the rows they leave: one round for a common word in one country, and the newest matches under every filter", async () => {
    // Windows of the newest rows of the whole table held few of a country's items: a
    // common word in one country's items went through every window, and on the scale
    // record ran out of time with nothing found. Counted like the test above: one round.
    const { rows: countries } = await client.query<{ country: string }>(
      `SELECT "countryId" AS country FROM "EventCountry" WHERE published GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const country = countries[0]!.country.toLowerCase();
    const { rows: topics } = await client.query<{ slug: string }>(
      `SELECT tp.slug FROM "Topic" tp JOIN "EventTopic" et ON et."topicId" = tp.id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const { rows: dates } = await client.query<{ early: string; late: string }>(
      `SELECT to_char(percentile_disc(0.2) WITHIN GROUP (ORDER BY date), 'YYYY-MM-DD') AS early,
              to_char(percentile_disc(0.8) WITHIN GROUP (ORDER BY date), 'YYYY-MM-DD') AS late FROM "Event" WHERE status = 'PUBLISHED'`,
    );
    await search({ q: COMMON, country });
    const sent = await statementsSent(async () => {
      const result = await search({ q: COMMON, country });
      if (result.kind !== "results") throw new Error(result.kind);
      expect(result.cutShort).toBe(false);
    });
    expect(sent, sent.join("\n")).toHaveLength(3);
    const filters: Array<Record<string, string>> = [
      { country },
      { topic: topics[0]!.slug },
      { from: dates[0]!.early },
      { to: dates[0]!.late },
      { country, from: dates[0]!.early },
    ];
    for (const filter of filters) {
      for (const q of [COMMON, words[40]!, words[1_500]!]) {
        const result = await search({ q, ...filter, limit: "100" });
        expect(result.kind === "results" && result.cutShort, `${q} ${JSON.stringify(filter)}`).toBe(false);
        await expectNewestMatches({ q, ...filter }, result);
      }
    }
  });

  it("walks a country's or a topic's first window in its filter index: the same rows as the table's walk and the wide reads, one round for a common word", async () => {
    const { rows: countries } = await client.query<{ country: string }>(
      `SELECT "countryId" AS country FROM "EventCountry" WHERE published GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const country = countries[0]!.country.toLowerCase();
    const { rows: topics } = await client.query<{ topic: string }>(
      `SELECT tp.slug AS topic FROM "EventTopic" et JOIN "Topic" tp ON tp.id = et."topicId" WHERE et.published GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const topic = topics[0]!.topic;
    const { rows: dates } = await client.query<{ early: string }>(
      `SELECT to_char(percentile_disc(0.3) WITHIN GROUP (ORDER BY date), 'YYYY-MM-DD') AS early FROM "Event" WHERE status = 'PUBLISHED'`,
    );
    const INDEX_NAMES = {
      country: { event: "EventCountry_country_newest_idx", statement: "StatementConcern_countryId_published_saidOn_statementId_idx" },
      topic: { event: "EventTopic_topic_newest_idx", statement: "StatementTopic_topic_newest_idx" },
    };
    const cases = [{ country }, { country, from: dates[0]!.early }, { country, type: "MEETING" }, { topic }, { topic, from: dates[0]!.early }, { topic, to: dates[0]!.early }];
    for (const params of cases) {
      const by = "country" in params ? "country" : "topic";
      const filters = parseSearchQuery({ q: "x", ...params }, { strict: true });
      for (const [kind, table, col, conditions] of [
        ["event", "Event", "date", eventConditions(filters)],
        ["statement", "Statement", "saidOn", statementConditions(filters)],
      ] as const) {
        if (kind === "statement" && "type" in params) continue; // a type keeps events only
        const source: PoolSource = { kind, table, dateColumn: col, conditions, indexWalk: indexWalk(table, filters) };
        expect(source.indexWalk?.walk).toEqual({ by, value: by === "country" ? country.toUpperCase() : topic });
        // A window of the filtered rows' newest half, and the whole of them.
        const where = Prisma.join(conditions, " AND ");
        const half = Prisma.sql`SELECT to_char(t.${Prisma.raw(`"${col}"`)}, 'YYYY-MM-DD') AS d FROM ${Prisma.raw(`"${table}"`)} t WHERE ${where} AND t.${Prisma.raw(`"${col}"`)} IS NOT NULL
            ORDER BY t.${Prisma.raw(`"${col}"`)} DESC OFFSET (SELECT count(*) / 2 FROM ${Prisma.raw(`"${table}"`)} t WHERE ${where}) LIMIT 1`;
        const { rows } = await client.query<{ d: string }>(half.text, half.values);
        for (const boundary of [rows[0]!.d, undefined]) {
          for (const q of [COMMON, words[1]!, words[40]!, words[300]!, `${words[2]!} ${words[120]!}`, `"${words[0]!} ${words[1]!}"`, `${words[5]!} -${words[3]!}`]) {
            const tsquery = Prisma.sql`websearch_to_tsquery(${searchConfig}, ${q})`;
            const read = async (how: "walk" | "intersect" | "gin", options: { indexWalk?: boolean; matchesFirst?: boolean } = {}) => {
              const sql = stepQuery(source, boundary, how, tsquery, options);
              return (await client.query<{ id: string; d: string; rank: number }>(sql.text, sql.values)).rows;
            };
            const label = `${q}, ${kind}, ${JSON.stringify(params)}, ${boundary}`;
            const walked = await read("walk", { indexWalk: true });
            expect(walked, label).toEqual(await read("walk"));
            expect(walked, label).toEqual(await read("intersect"));
            // The words' matches read first, then tested for the filters: the same rows.
            expect(await read("intersect", { matchesFirst: true }), label).toEqual(walked);
            expect(await read("gin", { matchesFirst: true }), label).toEqual(walked);
            if (!boundary) expect(await read("walk", { matchesFirst: true }), label).toEqual(walked);
            if (q === COMMON) expect(walked.length, label).toBeGreaterThan(0);
            const sql = stepQuery(source, boundary, "walk", tsquery, { indexWalk: true });
            const plan = JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values)).rows);
            expect(plan, label).toContain(`"Index Name":"${INDEX_NAMES[by][kind]}"`);
          }
        }
      }
    }
    // A common word in the busiest country, or the biggest topic: one round, walked in its index for both kinds.
    for (const [params, event, statement] of [
      [{ country }, "EventCountry", "StatementConcern"],
      [{ topic }, "EventTopic", "StatementTopic"],
    ] as const) {
      await search({ q: COMMON, ...params });
      const sent = await statementsSent(async () => {
        const result = await search({ q: COMMON, ...params });
        await expectNewestMatches({ q: COMMON, ...params }, result);
      });
      const rounds = sent.filter((text) => text.includes("ts_rank_cd"));
      expect(rounds, sent.join("\n")).toHaveLength(1);
      expect(rounds[0]).toContain(`"${event}" k JOIN "Event" t`);
      expect(rounds[0]).toContain(`"${statement}" k JOIN "Statement" t`);
    }
    // A rare word in a topic: fewer matches in the whole table than the topic's rows cost to
    // walk, so its matches are read first (through the words' index, not row by row by id)
    // and then tested for the topic, in one round.
    const rare = words[1_500]!;
    const sent = await statementsSent(async () => {
      const result = await search({ q: rare, topic });
      await expectNewestMatches({ q: rare, topic }, result);
    });
    const rounds = sent.filter((text) => text.includes("ts_rank_cd"));
    expect(rounds, sent.join("\n")).toHaveLength(1);
    expect(rounds[0]).toContain(`OFFSET 0) t WHERE EXISTS (SELECT 1 FROM "EventTopic"`);
    expect(rounds[0]).toContain(`OFFSET 0) t WHERE EXISTS (SELECT 1 FROM "StatementTopic"`);
    const filters = parseSearchQuery({ q: rare, topic }, { strict: true });
    const source: PoolSource = { kind: "event", table: "Event", dateColumn: "date", conditions: eventConditions(filters), indexWalk: indexWalk("Event", filters) };
    const fenced = stepQuery(source, undefined, "gin", Prisma.sql`websearch_to_tsquery(${searchConfig}, ${rare})`, { matchesFirst: true });
    // (This record is small enough for a sequential scan: priced out, the plan shows the indexes used.)
    await client.query("SET enable_seqscan = off");
    const plan = await client
      .query(`EXPLAIN (FORMAT JSON) ${fenced.text}`, fenced.values)
      .then(({ rows }) => JSON.stringify(rows))
      .finally(() => client.query("RESET enable_seqscan"));
    expect(plan).toContain(`"Index Name":"Event_searchWindow_idx"`);
    expect(plan).not.toContain(`"Index Name":"Event_pkey"`);
    // With a topic beside a country, or an event's type beside a topic, the index would hold rows the other filter then drops: no walk.
    expect(indexWalk("Event", parseSearchQuery({ q: "x", country, topic }, { strict: true }))).toBeUndefined();
    expect(indexWalk("Event", parseSearchQuery({ q: "x", topic, type: "MEETING" }, { strict: true }))).toBeUndefined();
    expect(indexWalk("Statement", parseSearchQuery({ q: "x", topic, speaker: "t-person-1" }, { strict: true }))).toBeUndefined();
  });

  it("a window read through the GIN index, its dates among the index's keys, finds the same rows as the other ways, without the date index", async () => {
    const filters = parseSearchQuery({ q: "x" }, { strict: true });
    const sources: Array<PoolSource & { boundary: string }> = [];
    for (const [source, table, col] of [
      [{ kind: "event", table: "Event", dateColumn: "date", conditions: eventConditions(filters) }, "Event", "date"],
      [{ kind: "statement", table: "Statement", dateColumn: "saidOn", conditions: statementConditions(filters) }, "Statement", "saidOn"],
    ] as const) {
      // A window of the newest fifth of the table.
      const { rows } = await client.query<{ d: string }>(
        `SELECT to_char("${col}", 'YYYY-MM-DD') AS d FROM "${table}" WHERE status = 'PUBLISHED' AND "${col}" IS NOT NULL ORDER BY "${col}" DESC OFFSET (SELECT count(*) / 5 FROM "${table}") LIMIT 1`,
      );
      sources.push({ ...source, boundary: rows[0]!.d });
    }
    // The ordinary form does use a date index for some of these, so its absence below is the expression's doing.
    const intersected = new Set<string>();
    for (const q of [words[1]!, words[40]!, words[300]!, `${words[2]!} ${words[120]!}`, `${words[5]!} -${words[3]!}`, `"${words[0]!} ${words[1]!}"`, `"${words[1]!} ${words[0]!}" ${words[2]!}`]) {
      const tsquery = Prisma.sql`websearch_to_tsquery(${searchConfig}, ${q})`;
      for (const source of sources) {
        const read = async (how: "walk" | "intersect" | "gin", options: { pairs?: boolean } = {}) => {
          const sql = stepQuery(source, source.boundary, how, tsquery, options);
          return (await client.query<{ id: string; d: string; rank: number }>(sql.text, sql.values)).rows;
        };
        const intersect = await read("intersect");
        expect(intersect.length, q).toBeGreaterThan(0);
        expect(intersect.every((r) => r.d >= source.boundary), q).toBe(true);
        expect(await read("gin"), `${q}, ${source.kind}`).toEqual(intersect);
        expect(await read("walk"), `${q}, ${source.kind}`).toEqual(intersect);
        // Through the index of pairs of adjacent words (a phrase's; the others have none).
        if (q.includes('"')) {
          expect(await read("gin", { pairs: true }), `${q}, ${source.kind}`).toEqual(intersect);
          expect(await read("intersect", { pairs: true }), `${q}, ${source.kind}`).toEqual(intersect);
        }
        // With sequential scans priced out, the planner shows which indexes each form can use.
        const plan = async (how: "intersect" | "gin") => {
          const sql = stepQuery(source, source.boundary, how, tsquery);
          await client.query("SET enable_seqscan = off");
          try {
            return JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values)).rows);
          } finally {
            await client.query("RESET enable_seqscan");
          }
        };
        const dateIndex = /"Index Name":"[^"]*(_date_|_date"|_saidOn_|_saidOn")/;
        if (dateIndex.test(await plan("intersect"))) intersected.add(source.kind);
        const gin = await plan("gin");
        expect(gin, `${q}, ${source.kind}`).not.toMatch(dateIndex);
        // The window is in the words' index: its months, years and decades are in the index's condition.
        expect(gin, `${q}, ${source.kind}`).toContain(`"Index Name":"${source.table}_searchWindow_idx"`);
        expect(gin, `${q}, ${source.kind}`).toMatch(/"Index Cond":"(?:[^"\\]|\\.)*search_window\((?:[^"\\]|\\.)*'m\d{6}'/);
      }
    }
    expect([...intersected].sort()).toEqual(["event", "statement"]);
  });

  it("a row holding a phrase holds the phrase's pairs of adjacent words, whatever the query's form", async () => {
    // The pairs' index may only leave out rows the phrase does not match. Phrases taken
    // from the record's own text (so each matches), in every form a reader can type.
    const { rows: texts } = await client.query<{ text: string }>(
      `(SELECT title || ' ' || summary AS text FROM "Event" WHERE status = 'PUBLISHED' ORDER BY id LIMIT 12)
       UNION ALL (SELECT title || ' ' || text FROM "Statement" WHERE status = 'PUBLISHED' ORDER BY id LIMIT 12)`,
    );
    const queries: string[] = [];
    for (const [i, { text }] of texts.entries()) {
      const w = text.split(/\s+/).filter(Boolean);
      const at = (i * 3) % Math.max(1, w.length - 3);
      queries.push(`"${w[at]} ${w[at + 1]}"`, `"${w[at]} ${w[at + 1]} ${w[at + 2]}"`, `${w[at + 3]} "${w[at + 1]} ${w[at + 2]}"`);
    }
    queries.push(`"${words[0]} ${words[1]}" -"${words[1]} ${words[0]}"`, `"${words[0]} ${words[1]}" or ${words[2]}`, `-"${words[0]} ${words[1]}" ${words[2]}`);
    for (const q of queries) {
      for (const table of ["Event", "Statement"]) {
        const { rows } = await client.query<{ missed: number; matches: number }>(
          `SELECT count(*) FILTER (WHERE NOT search_phrase_pairs("searchVector") @> search_query_pairs(websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1)))::int AS missed, count(*)::int AS matches
             FROM "${table}" WHERE "searchVector" @@ websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1)`,
          [q],
        );
        expect(rows[0]!.missed, `${q} in ${table}`).toBe(0);
      }
    }
    // Which pairs a query requires: a phrase's, outside a negation, in a query without OR;
    // words a stop word apart (<2>) and words merely both present are no pair.
    const cases: Array<[string, string, number]> = [
      ["The envoys of Norway met in Oslo", '"envoys of Norway"', 0],
      ["Norway and Oslo signed", '"Norway Oslo" or signed', 0],
      ["a well-known envoy", "well-known envoy", 2],
      ["Oslo talks ended", '"Oslo talks ended"', 2],
      ["Oslo talks ended", '"Oslo talks" -"talks ended"', 1],
      ["Oslo talks ended", "Oslo talks", 0],
    ];
    for (const [text, q, count] of cases) {
      const { rows } = await client.query<{ matches: boolean; held: boolean; pairs: number }>(
        `SELECT to_tsvector(${SEARCH_CONFIG_SQL}, $1) @@ websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $2) AS matches,
                search_phrase_pairs(to_tsvector(${SEARCH_CONFIG_SQL}, $1)) @> search_query_pairs(websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $2)) AS held,
                cardinality(search_query_pairs(websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $2)))::int AS pairs`,
        [text, q],
      );
      expect(rows[0], q).toEqual({ matches: rows[0]!.matches, held: true, pairs: count });
    }
    expect(queries.length).toBeGreaterThan(60);
  });

  it("finds a phrase of common words through its pairs' index in one round: its newest matches, none cut short", async () => {
    // Both words are in most rows and side by side in few: every row with both had to be
    // read again for the words' positions, and on the scale record such phrases ran out
    // of time with their newest matches unfound. Phrases of this record's commonest words
    // whose matches are too few for the newest rows' walk to find a pool of them.
    const { rows: phrases } = await client.query<{ q: string }>(
      `SELECT '"' || a || ' ' || b || '"' AS q FROM unnest($1::text[]) AS a, unnest($1::text[]) AS b
        WHERE (SELECT count(*) FROM "Event" WHERE "searchVector" @@ phraseto_tsquery(${SEARCH_CONFIG_SQL}, a || ' ' || b)) BETWEEN 20 AND 120
        ORDER BY 1 LIMIT 3`,
      [words.slice(0, 8)],
    );
    expect(phrases).toHaveLength(3);
    for (const { q } of phrases) {
      await search({ q });
      const sent = await statementsSent(async () => {
        const result = await search({ q, limit: "100" });
        if (result.kind !== "results") throw new Error(result.kind);
        expect(result.cutShort, q).toBe(false);
        await expectNewestMatches({ q, limit: "100" }, result);
      });
      const steps = sent.filter((text) => text.includes("ts_rank_cd"));
      expect(steps, q).toHaveLength(1);
      expect(steps[0], q).toContain("search_phrase_pairs");
    }
  });

  it("never finds or counts a draft, scheduled or retracted item, even the newest", async () => {
    const own = await search({ q: DRAFT_WORD });
    expect(own.kind === "results" && own.total).toBe(0);
    for (let page = 1; page <= 3; page++) {
      const common = await search({ q: COMMON, page: String(page), limit: "100" });
      if (common.kind !== "results") throw new Error(common.kind);
      expect(common.hits.map((h) => h.slug).filter((s) => s.startsWith("draft"))).toEqual([]);
    }
  });

  it("pages without gaps or repeats: pages 1 and 2 of 10 are the first 20", async () => {
    const q = `${words[1]} ${words[2]}`;
    const [one, two, both] = await Promise.all([search({ q, limit: "10" }), search({ q, limit: "10", page: "2" }), search({ q, limit: "20" })]);
    if (one.kind !== "results" || two.kind !== "results" || both.kind !== "results") throw new Error("expected results");
    expect([...one.hits, ...two.hits].map((h) => h.id)).toEqual(both.hits.map((h) => h.id));
    expect(one.hasNext).toBe(true);
    const again = await search({ q, limit: "10", page: "2" });
    expect(again.kind === "results" && again.hits.map((h) => h.id)).toEqual(two.hits.map((h) => h.id));
  });
});

describe("name suggestions", () => {
  beforeAll(async () => {
    await db.person.create({ data: { slug: "kassym-jomart-tokayev-t", name: "Kassym-Jomart Tokayev", countryId: "KZ" } });
    await db.agreement.create({ data: { slug: "abraham-accords-t", name: "Abraham Accords", kind: "DECLARATION" } });
    await db.person.create({ data: { slug: "recep-tayyip-erdogan-t", name: "Recep Tayyip Erdoğan", countryId: "TR" } });
    await db.agreement.create({ data: { slug: "bahrain-israel-declaration-t", name: "Declaration of Peace (Bahrain–Israel)", kind: "DECLARATION" } });
    await db.agreement.create({ data: { slug: "uae-peace-agreement-t", name: "Abraham Accords Peace Agreement: Treaty of Peace", kind: "TREATY" } });
    await db.organization.createMany({
      data: [
        { slug: "european-union-t", name: "European Union", acronym: "EU", kind: "INTERGOVERNMENTAL" },
        { slug: "united-nations-t", name: "United Nations", acronym: "UN", kind: "INTERGOVERNMENTAL" },
        { slug: "state-department-t", name: "United States Department of State", acronym: "State Department", kind: "GOVERNMENT_BODY", countryId: "US" },
      ],
    });
  });

  it("finds a country and a person from misspelt or partial names", async () => {
    const kz = await suggestPages("Kazakstan");
    expect(kz[0]).toMatchObject({ kind: "country", path: "/countries/kz", name: "Kazakhstan" });
    const tokaev = await suggestPages("Tokaev");
    expect(tokaev.map((s) => s.path)).toContain("/people/kassym-jomart-tokayev-t");
    const partial = await suggestPages("tokayev visit");
    expect(partial.map((s) => s.path)).toContain("/people/kassym-jomart-tokayev-t");
    const accords = await suggestPages("abraham acords");
    expect(accords[0]?.path).toBe("/agreements/abraham-accords-t");
  });

  it("puts a misspelt name right in a query, leaving the rest as typed", async () => {
    const corrected = async (q: string) => correctedQuery(q, await suggestPages(q));
    expect(await corrected("Tokaev")).toBe("Tokayev");
    expect(await corrected("tokaev")).toBe("tokayev");
    expect(await corrected('"Kazakstan" -Tokaev')).toBe('"Kazakhstan" -Tokaev');
    expect(await corrected("abraham acords")).toBe("abraham accords");
    // Spelt right, or naming nothing: nothing to offer.
    expect(await corrected("Tokayev")).toBeNull();
    expect(await corrected("zzqqxx")).toBeNull();
    expect(await correctedQuery("Tokaev", [])).toBeNull();
    // The desk's one call: the pages named, then the words put right.
    expect(await correctionOf("tokaev visit")).toBe("tokayev visit");
    expect(await correctionOf("zzqqxx")).toBeNull();
  });

  it("reads every kind's names through its trigram index and the acronyms through theirs, never a whole table, and finds what a whole table's read finds", async () => {
    const q = "kazakstan tokaev abraham acords scale topic EU";
    const terms = suggestionTerms(q);
    // Each kind of named record: its key column and its table.
    const kinds = [["country", "iso2::text", "Country"], ["person", "slug", "Person"], ["organization", "slug", "Organization"], ["agreement", "slug", "Agreement"], ["topic", "slug", "Topic"]] as const;
    const tables = kinds.map(([, , table]) => table).sort();
    // In one transaction, so that PostgreSQL's count of this session's scans covers the call alone.
    await client.query("BEGIN");
    try {
      await client.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
      // The matches before they are judged (name_suggestion_candidates keeps those that stand).
      const { rows: found } = await client.query<{ kind: string; key: string }>(`SELECT DISTINCT kind, key FROM name_suggestion_matches($1::text[], $2::int, $3::real, $4::real)`, [terms, LONG_TERM, WORD_SIMILARITY_THRESHOLD, SHORT_TERM_THRESHOLD]);
      const { rows: offered } = await client.query<{ kind: string; key: string }>(`SELECT kind, key FROM name_suggestion_candidates($1::text[], $6::text[], $2::int, $3::real, $4::real, $5::real)`, [terms, LONG_TERM, WORD_SIMILARITY_THRESHOLD, SHORT_TERM_THRESHOLD, CORRECTION_SIMILARITY, acronymKeys(q)]);
      const { rows: scans } = await client.query<{ relname: string; seq_scan: string; idx_scan: string }>(
        `SELECT relname, seq_scan, idx_scan FROM pg_stat_xact_user_tables WHERE relname = ANY($1::text[]) ORDER BY relname`,
        [tables],
      );
      expect(scans.map((t) => [t.relname, Number(t.seq_scan), Number(t.idx_scan) > 0])).toEqual(tables.map((table) => [table, 0, true]));
      // The same candidates as the plain join, which the planner reads in full.
      const { rows: whole } = await client.query<{ kind: string; key: string }>(
        kinds
          .map(([kind, key, table]) => `SELECT '${kind}' AS kind, n.${key} AS key FROM unnest($1::text[]) AS t(term), "${table}" n
             WHERE name_folded(t.term) <% name_folded(n.name) AND word_similarity(name_folded(t.term), name_folded(n.name)) >= CASE WHEN char_length(t.term) >= $2::int THEN $3::real ELSE $4::real END`)
          .join(" UNION "),
        [terms, LONG_TERM, WORD_SIMILARITY_THRESHOLD, SHORT_TERM_THRESHOLD],
      );
      const keys = (rows: Array<{ kind: string; key: string }>) => rows.map((r) => `${r.kind}:${r.key.trim()}`).sort();
      expect(keys(found)).toEqual(keys(whole));
      expect(keys(offered)).toEqual(expect.arrayContaining(["country:KZ", "person:kassym-jomart-tokayev-t", "agreement:abraham-accords-t", "organization:european-union-t"]));
    } finally {
      await client.query("ROLLBACK");
    }
    // The function's own setting ends with it: the connection plans as before.
    expect((await client.query<{ enable_seqscan: string }>("SHOW enable_seqscan")).rows[0]!.enable_seqscan).toBe("on");
  });

  it("takes a word the published record uses for that word, not for a name it looks like; a misspelling or a word only a draft uses still names", async () => {
    const paths = async (q: string) => (await suggestPages(q)).map((s) => s.path);
    // At the threshold of `<%` that search's connections set.
    const matched = async (term: string) => {
      await client.query("BEGIN");
      try {
        await client.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
        const { rows } = await client.query<{ key: string }>(`SELECT key FROM name_suggestion_matches($1::text[], $2::int, $3::real, $4::real)`, [[term], LONG_TERM, WORD_SIMILARITY_THRESHOLD, SHORT_TERM_THRESHOLD]);
        return rows.map((r) => r.key.trim());
      } finally {
        await client.query("ROLLBACK");
      }
    };
    // By trigrams alone these words are names: "call" shares "  c", " ca" and "cal" with
    // "Caledonia", "many" "  m"-"man" with "Germany" and "Isle of Man".
    expect(await matched("call")).toContain("NC");
    expect(await matched("many")).toEqual(expect.arrayContaining(["DE", "IM"]));
    expect(await matched("bahrein")).toContain("BH");
    const before = { call: await paths("call"), many: await paths("many"), bahrein: await paths("Bahrein") };
    // Nor are they near spellings of those names: "call" is 0.25 of "Caledonia" by pg_trgm's
    // similarity of the two words, "many" 0.3 of "Germany". But "many" is 0.5 of "Man".
    expect(before.call).not.toContain("/countries/nc");
    expect(before.many).not.toContain("/countries/de");
    expect(before.many).toContain("/countries/im");
    await client.query(
      `INSERT INTO "Event" (id, slug, title, summary, body, type, date, status, "updatedAt") VALUES
         ('words_published', 'words-published', 'A call with many partners', 'Israeli and Kazakh officials spoke.', 'The call was one of many.', 'PHONE_CALL', date '2020-01-01', 'PUBLISHED', now()),
         ('words_draft', 'words-draft', 'Bahrein in a draft', 'Bahrein, spelt so in a draft.', '', 'MEETING', date '2020-01-01', 'DRAFT', now())`,
    );
    try {
      // A word of the published record is that word, however like a name's word it is.
      expect(await paths("many")).not.toContain("/countries/im");
      const tokaevCall = await paths("Tokaev call");
      expect(tokaevCall).toContain("/people/kassym-jomart-tokayev-t");
      expect(tokaevCall).not.toContain("/countries/nc");
      // Words of the record that begin a name's word, or are one with a few letters more.
      expect((await paths("Kazakh"))[0]).toBe("/countries/kz");
      expect(await paths("Israeli")).toContain("/countries/il");
      // A misspelling, and a word only a draft uses: names as before.
      expect((await paths("Kazakstan"))[0]).toBe("/countries/kz");
      expect(await paths("Bahrein")).toEqual(before.bahrein);
      expect(before.bahrein).toContain("/countries/bh");
    } finally {
      await client.query(`DELETE FROM "Event" WHERE id IN ('words_published', 'words_draft')`);
    }
    expect(await paths("many")).toEqual(before.many);
  });

  it("compares names without accents, takes a word of one name for a misspelling of no other, and finds an organization by its acronym", async () => {
    const paths = async (q: string) => (await suggestPages(q)).map((s) => s.path);
    expect(await paths("Erdogan")).toEqual(["/people/recep-tayyip-erdogan-t"]);
    expect(await paths("erdoğan")).toEqual(["/people/recep-tayyip-erdogan-t"]);
    // "turkiye" is a word of "Türkiye": not a misspelt "Turks" (0.4 of it), nor "Turkmenistan".
    expect(await paths("Turkiye")).toEqual(["/countries/tr"]);
    // "nato" begins "Nations" by three trigrams, but is not like the word (0.3).
    expect(await paths("NATO")).toEqual([]);
    expect(await paths("EU")).toEqual(["/organizations/european-union-t"]);
    expect(await paths("UN")).toEqual(["/organizations/united-nations-t"]);
    // Three letters or fewer in lower case are words ("un", "eu"); a longer acronym in any case.
    expect(await paths("un eu")).toEqual([]);
    // Named by its acronym and three terms, the Department of State leaves out the names that
    // share only "state" with the query (the State of Palestine, the Holy See's Vatican City State).
    expect(await paths("State Department")).toEqual(["/organizations/state-department-t"]);
    expect(await paths("the state department said")).toEqual(["/organizations/state-department-t"]);
    // But a page the query names whole stays, and comes first.
    expect(await paths("Bahrain Israel")).toEqual(["/countries/bh", "/countries/il", "/agreements/bahrain-israel-declaration-t"]);
    // A name the query shares only a word of its kind with is not named by it; a word of its own names it.
    expect(await paths("Paris agreement")).toEqual([]);
    expect(await paths("a treaty")).toEqual([]);
    expect(await paths("peace treaty")).toContain("/agreements/uae-peace-agreement-t");
    // A misspelt name put right with its accents, a folded one left as typed.
    expect(await correctedQuery("Erdgan", await suggestPages("Erdgan"))).toBe("Erdoğan");
    expect(await correctedQuery("Turkiye", await suggestPages("Turkiye"))).toBeNull();
  });

  it("finds a country by the name readers use for it, once, beside what its words name", async () => {
    const uae = await suggestPages("UAE");
    expect(uae[0]).toEqual({ kind: "country", path: "/countries/ae", name: "United Arab Emirates", score: 1, whole: true, terms: 1 });
    const paths = (await suggestPages("Kazakhstan Turkey")).map((s) => s.path);
    expect(paths).toEqual(expect.arrayContaining(["/countries/kz", "/countries/tr"]));
    // "Iran" is the name it is recorded under and a word of "Islamic Republic of Iran": one suggestion.
    expect((await suggestPages("Iran")).filter((s) => s.path === "/countries/ir")).toHaveLength(1);
    // The words of another name name that country alone: "United States" is a part of the names of
    // the Virgin Islands and the Minor Outlying Islands too, "United States of America" of neither.
    expect((await suggestPages("United States of America")).map((s) => s.path)).toEqual(["/countries/us"]);
    expect((await suggestPages("Russian Federation")).map((s) => s.path)).toEqual(["/countries/ru"]);
    expect((await suggestPages("United States")).map((s) => s.path)[0]).toBe("/countries/us");
    expect(await suggestPages("join us")).toEqual([]);
  });

  it("offers nothing for words that name nothing, and never more than a few", async () => {
    expect(await suggestPages("zzqqxx")).toEqual([]);
    expect(await suggestPages("the of")).toEqual([]);
    expect((await suggestPages("Topic")).length).toBeLessThanOrEqual(4);
    expect(suggestionTerms("-excluded words")).not.toContain("-excluded");
  });
});

describe("the desk's event and statement pickers", () => {
  it("open, or given one or two letters, read no table whole: the newest rows by date, or the titles' trigram index", async () => {
    const rare = "zq";
    const plan = async (sql: Prisma.Sql) => {
      const { rows } = await client.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
      return JSON.stringify(rows[0]!["QUERY PLAN"]);
    };
    for (const table of ["Event", "Statement"] as const) {
      // Common letters and an open picker: the newest rows, walked until there are enough.
      for (const q of ["", COMMON.slice(0, 2), COMMON.slice(0, 1)]) {
        const walked = await plan(newestTitles(table, q, 8));
        expect(walked, `${table} ${JSON.stringify(q)}`).not.toContain("Seq Scan");
        expect(walked, `${table} ${JSON.stringify(q)}`).toContain(`${table}_${table === "Event" ? "date" : "saidOn"}_picker_idx`);
      }
      // Rare letters: through the titles' trigram index. On this record's few thousand rows
      // the planner rightly reads the table or the date index whole instead; on the scale
      // record it chooses the trigram index (bench:scale prints the pickers' times). Here:
      // that the index answers the letters' patterns.
      await client.query("BEGIN");
      try {
        await client.query("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off");
        const found = await plan(newestTitles(table, rare, 8));
        expect(found, table).not.toContain("Seq Scan");
        expect(found, table).toContain(`${table}_title_trgm_idx`);
      } finally {
        await client.query("ROLLBACK");
      }
    }
  });
});

describe("the desk on a large record", () => {
  const plan = async (sql: { text: string; values: unknown[] }) => {
    const { rows } = await client.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
    return JSON.stringify(rows[0]!["QUERY PLAN"]);
  };

  it("the dashboard's newest published and staged items come from their indexes, not a read of every row", async () => {
    for (const table of ["Event", "Statement"] as const) {
      // As lib/desk/dashboard.ts asks for them (through Prisma).
      const published = await plan({ text: `SELECT id FROM "${table}" WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 10`, values: [] });
      expect(published, table).not.toContain("Seq Scan");
      expect(published, table).toContain(`${table}_status_publishedAt_idx`);
      const staged = await plan({ text: `SELECT id FROM "${table}" WHERE status = 'PUBLISHED' AND "stagedAt" IS NOT NULL ORDER BY "stagedAt" DESC LIMIT 50`, values: [] });
      expect(staged, table).not.toContain("Seq Scan");
      expect(staged, table).toContain(`${table}_status_stagedAt_idx`);
    }
  });

  it("a list's page walks the latest changes, but not for words, which a walk could read whole", async () => {
    for (const kind of ["event", "statement"] as const) {
      const table = kind === "event" ? "Event" : "Statement";
      const newest = await plan(deskContentStatements(kind, parseDeskListQuery({})).page);
      expect(newest, kind).not.toContain("Seq Scan");
      expect(newest, kind).toContain(`${table}_updatedAt_id_idx`);
      // A rare word: the walk would read every row to find none.
      const rare = await plan(deskContentStatements(kind, parseDeskListQuery({ q: DRAFT_WORD })).page);
      expect(rare, kind).not.toContain(`${table}_updatedAt_id_idx`);
    }
  });
});

describe("the desk's word search on a large record", () => {
  it("counts a word in many items by estimate, with the exact page; a rare word, or a page past the newest rows, exactly", async () => {
    for (const kind of ["event", "statement"] as const) {
      const exact = async (params: Record<string, string>) => {
        const { page, count } = deskContentStatements(kind, parseDeskListQuery(params));
        const ids = (await client.query<{ id: string }>(page.text, page.values)).rows.map((r) => r.id);
        const total = (await client.query<{ n: number }>(count.text, count.values)).rows[0]!.n;
        return { ids, total };
      };
      const common = await findDeskContent(kind, parseDeskListQuery({ q: COMMON }));
      const commonExact = await exact({ q: COMMON });
      expect(commonExact.total, kind).toBeGreaterThan(DESK_WINDOW_ROWS);
      expect(common.totalIsEstimate, kind).toBe(true);
      expect(common.ids, kind).toEqual(commonExact.ids);
      expect(Math.abs(common.total - commonExact.total) / commonExact.total, kind).toBeLessThan(0.2);

      // Page 2 is still among the newest rows; a page past them is read and counted exactly.
      const second = await findDeskContent(kind, parseDeskListQuery({ q: COMMON, page: "2" }));
      expect(second.ids, kind).toEqual((await exact({ q: COMMON, page: "2" })).ids);
      const far = await findDeskContent(kind, parseDeskListQuery({ q: COMMON, page: "90" }));
      expect(far.totalIsEstimate, kind).toBe(false);
      expect({ ids: far.ids, total: far.total }, kind).toEqual(await exact({ q: COMMON, page: "90" }));

      const rare = await findDeskContent(kind, parseDeskListQuery({ q: DRAFT_WORD }));
      expect(rare.totalIsEstimate, kind).toBe(false);
      expect({ ids: rare.ids, total: rare.total }, kind).toEqual(await exact({ q: DRAFT_WORD }));
    }
  });
});

describe("sitemap index", () => {
  it("splits each section into files of at most the given size, published items only, each URL once", async () => {
    const perFile = 1_000;
    const files = await listSitemapFiles(perFile);
    expect(files[0]!.name).toBe("pages");
    expect(files.filter((f) => f.name.startsWith("events-")).map((f) => f.name)).toEqual(["events-1", "events-2", "events-3"]);
    expect(files.filter((f) => f.name.startsWith("statements-"))).toHaveLength(3);
    const seen: string[] = [];
    for (const file of files) {
      const urls = (await readSitemapFile(files, file.name, perFile))!;
      expect(urls.length, file.name).toBeLessThanOrEqual(perFile);
      seen.push(...urls.map((u) => u.path));
      const xml = sitemapFileXml(urls, "https://chancery.example");
      expect(XMLValidator.validate(xml), file.name).toBe(true);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((p) => p.startsWith("/events/"))).toHaveLength(EVENTS);
    expect(seen.filter((p) => p.startsWith("/statements/"))).toHaveLength(STATEMENTS);
    expect(seen.filter((p) => p.includes("draft"))).toEqual([]);
    expect(seen).toContain("/countries/ad");
    expect(seen).toContain("/people/t-person-1");
    expect(await readSitemapFile(files, "events-9", perFile)).toBeNull();

    const index = sitemapIndexXml(files, "https://chancery.example");
    expect(XMLValidator.validate(index)).toBe(true);
    expect(index).toContain("<sitemapindex");
    expect(index).toContain("<loc>https://chancery.example/sitemaps/events-3.xml</loc>");
  });
});
