import { describe, expect, it } from "vitest";
import { parseSearchQuery, MAX_QUERY_LENGTH } from "@/lib/api/list-query";
import { db } from "@/lib/db/client";
import { MAX_WALK_ROWS, RECENCY_WINDOWS, ROW_READ_IN_WINDOW_ROWS, SEARCH_POOL, WALKED_ROW_IN_GIN_ROWS, indexWalkRows, mayHavePhrase, searchPublishedRecord, searchWindowQuery, searchWindows, windowThroughGinAlone } from "./search-record";
import { seedPublicRecordBeforeAll } from "@/lib/testing/public-record";
import { onEverySearchConnection } from "@/lib/testing/search-connections";
import { snippetText, snippetToHtml } from "./snippet";
import { searchConfig } from "@/lib/search/config";

/** Whether a tsquery's text (as PostgreSQL prints it) has a phrase operator, <-> or <N>, outside its quoted lexemes. */
function hasPhraseOperator(tsqueryText: string): boolean {
  return /<(?:-|\d+)>/.test(tsqueryText.replace(/'(?:[^']|'')*'/g, "''"));
}

const leak = seedPublicRecordBeforeAll("srch");

const search = async (params: Record<string, string>) => searchPublishedRecord(parseSearchQuery(params, { strict: true }));

describe("searchPublishedRecord", () => {
  it("finds the Kazakhstan accession, ranks title matches first and highlights them", async () => {
    const result = await search({ q: "Kazakhstan Abraham Accords" });
    expect(result.kind).toBe("results");
    if (result.kind !== "results") return;
    expect(result.hits.map((h) => h.slug)).toContain("kazakhstan-to-join-the-abraham-accords");
    expect(snippetToHtml(result.hits[0]!.title)).toContain("<mark>");
    const ranks = result.hits.map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("reads a page's headlines with a statement prepared once a connection, which PostgreSQL no longer plans", async () => {
    for (let i = 0; i < 8; i++) expect((await search({ q: "Kazakhstan" })).kind).toBe("results");
    type Prepared = { statement: string; generic_plans: string; custom_plans: string };
    const prepared = (await onEverySearchConnection(async (client) => (await client.query<Prepared>("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements")).rows))
      .flat()
      .filter((row) => row.statement.includes("ts_headline"));
    expect(prepared.length).toBeGreaterThan(0);
    const runs = prepared.reduce((sum, row) => sum + Number(row.generic_plans) + Number(row.custom_plans), 0);
    expect(runs).toBeGreaterThanOrEqual(8);
    // After its first five runs on a connection PostgreSQL keeps the generic plan.
    expect(prepared.some((row) => Number(row.generic_plans) > 0)).toBe(true);
  });

  it("gives each hit its item's date and precision exactly as the record has them", async () => {
    const result = await search({ q: "Kazakhstan" });
    if (result.kind !== "results") throw new Error("expected results");
    const events = await db.event.findMany({ where: { id: { in: result.hits.map((h) => h.id) } }, select: { id: true, date: true, datePrecision: true } });
    const statements = await db.statement.findMany({ where: { id: { in: result.hits.map((h) => h.id) } }, select: { id: true, saidOn: true, saidPrecision: true } });
    const record = new Map([...events.map((e) => [e.id, { date: e.date, precision: e.datePrecision }] as const), ...statements.map((s) => [s.id, { date: s.saidOn, precision: s.saidPrecision }] as const)]);
    expect(result.hits.length).toBeGreaterThan(2);
    expect(result.hits.some((h) => h.kind === "event") && result.hits.some((h) => h.kind === "statement")).toBe(true);
    for (const hit of result.hits) expect({ date: hit.date, precision: hit.precision }, hit.slug).toEqual(record.get(hit.id));
  });

  it("finds words whatever their accents, either way, and marks them as written", async () => {
    const event = await db.event.create({
      data: { slug: "srch-accents", title: "Erdoğan receives the envoys in Ankara", summary: "Türkiye and Côte d’Ivoire sign a trade memorandum.", type: "MEETING", status: "PUBLISHED", date: new Date("2025-05-05"), publishedAt: new Date() },
    });
    try {
      for (const q of ["Erdogan", "ERDOĞAN", "turkiye", "Türkiye", "cote d'ivoire", '"erdogan receives"']) {
        const result = await search({ q });
        expect(result.kind === "results" && result.hits.map((h) => h.slug), q).toContain("srch-accents");
      }
      const marked = await search({ q: "erdogan" });
      if (marked.kind !== "results") throw new Error("expected results");
      expect(snippetToHtml(marked.hits.find((h) => h.slug === "srch-accents")!.title)).toContain("<mark>Erdoğan</mark>");
      // Words in plain ASCII are read as before: stemmed, and a different word is not the same one.
      expect((await search({ q: "receiving envoy" })).kind === "results").toBe(true);
      const other = await search({ q: "Erdogen" });
      expect(other.kind === "results" && other.hits.some((h) => h.slug === "srch-accents")).toBe(false);
    } finally {
      await db.event.delete({ where: { id: event.id } });
    }
  });

  it("understands quoted phrases and minus signs", async () => {
    const phrase = await search({ q: '"natural and logical continuation"' });
    expect(phrase.kind === "results" && phrase.hits.map((h) => h.slug)).toContain("kazakhstan-natural-and-logical-continuation");
    const all = await search({ q: "Kazakhstan" });
    const minus = await search({ q: "Kazakhstan -Rubio" });
    if (all.kind !== "results" || minus.kind !== "results") throw new Error("expected results");
    expect(minus.total).toBeLessThan(all.total);
    expect(minus.hits.some((h) => snippetText(h.title).includes("Rubio"))).toBe(false);
  });

  it("answers empty, stop-word-only, punctuation and absurdly long queries without failing", async () => {
    expect((await search({})).kind).toBe("empty");
    expect((await search({ q: "   " })).kind).toBe("empty");
    expect((await search({ q: "the and of" })).kind).toBe("no-terms");
    expect((await search({ q: "!!! ((( ''' -" })).kind).toBe("no-terms");
    const long = parseSearchQuery({ q: "kazakhstan ".repeat(500) });
    expect(long.q!.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect((await searchPublishedRecord(long)).kind).toBe("results");
    expect((await search({ q: "a:* & | ! <-> 'x" })).kind).not.toBe("error");
    // A control character is refused with the field's message, before any query (PostgreSQL refuses a NUL in text).
    expect(() => parseSearchQuery({ q: "tok\u0000aev" })).toThrow(/invisible control character \(U\+0000\) at character 4/);
  });

  it("never returns unpublished, staged or retracted text", async () => {
    for (const fixture of leak.fixtures) {
      const result = await search({ q: fixture.marker });
      expect(result.kind === "results" ? result.hits : [], fixture.status).toEqual([]);
    }
    const staged = await search({ q: leak.stagedMarker });
    expect(staged.kind === "results" ? staged.hits : []).toEqual([]);
    const live = await search({ q: leak.publishedMarker });
    expect(live.kind === "results" && live.hits.length).toBe(2);
  });

  it("applies the list filters: type keeps events only, speaker keeps statements only", async () => {
    const calls = await search({ q: "Kazakhstan", type: "PHONE_CALL" });
    expect(calls.kind === "results" && calls.hits.every((h) => h.kind === "event")).toBe(true);
    const trump = await search({ q: "Abraham", speaker: "donald-trump" });
    expect(trump.kind === "results" && trump.hits.map((h) => h.slug)).toEqual(["trump-kazakhstan-first-of-many"]);
    const older = await search({ q: "Kazakhstan", to: "1999" });
    expect(older.kind === "results" && older.hits.every((h) => h.date && h.date.getUTCFullYear() <= 1999)).toBe(true);
    // A filter naming nothing is the reader's typo: a 400 naming it, whatever the words (common, absent, stop words only).
    for (const q of ["Kazakhstan", "x", "the and of"]) {
      await expect(search({ q, country: "zz" }), q).rejects.toMatchObject({ parameter: "country" });
      await expect(search({ q, topic: "no-such-topic" }), q).rejects.toMatchObject({ parameter: "topic" });
      await expect(search({ q, agreement: "no-such-agreement" }), q).rejects.toMatchObject({ parameter: "agreement" });
      await expect(search({ q, speaker: "no-such-person" }), q).rejects.toMatchObject({ parameter: "speaker" });
    }
  });

  it("escapes the snippet before adding marks", () => {
    expect(snippetToHtml("<script>\uE000alert\uE001</script> & 'x'")).toBe("&lt;script&gt;<mark>alert</mark>&lt;/script&gt; &amp; &#39;x&#39;");
  });
});

describe("how a wide window is read", () => {
  it("tells a phrase from PostgreSQL's own printing of the reader's query, quotes and all", async () => {
    const cases: Array<[string, boolean]> = [
      ['"natural and logical continuation"', true],
      ['"state of the union"', true], // stop words inside: <3>
      ["Kassym-Jomart", true], // a hyphenated word is a phrase of its parts
      ["Kazakhstan Abraham", false],
      ["Kazakhstan -Rubio or accords", false],
      ["o'clock", true], // so is a word with an apostrophe
      ["Tokayev <-> Astana", false], // an operator typed by a reader is punctuation
      ["'<->' \\<2>", false],
      ["snake_case", true],
      ["U.S.-led talks", true],
    ];
    for (const [q, phrase] of cases) {
      const rows = await db.$queryRaw<Array<{ text: string }>>`SELECT websearch_to_tsquery(${searchConfig}, ${q})::text AS text`;
      expect(hasPhraseOperator(rows[0]!.text), `${q} → ${rows[0]!.text}`).toBe(phrase);
      // What the reader typed says beforehand that the query may hold a phrase (its pairs are then estimated).
      if (phrase) expect(mayHavePhrase(q), q).toBe(true);
    }
    expect(mayHavePhrase("Kazakhstan -Rubio or accords")).toBe(false);
    expect(hasPhraseOperator("'a<->b' & 'c'")).toBe(false);
    expect(hasPhraseOperator("'it''s' <-> 'x'")).toBe(true);
    expect(hasPhraseOperator("'it''s <-> x'")).toBe(false);
  });

  it("reads a phrase's wide window through the pairs' index alone only when the matches outside it cost less than its bitmap", () => {
    const rows = 100_000;
    const window = 50_000;
    // The break-even: estimate × (1 − window/rows) × ROW_READ_IN_WINDOW_ROWS = window.
    const even = window / ((1 - window / rows) * ROW_READ_IN_WINDOW_ROWS);
    expect(windowThroughGinAlone({ estimate: even * 0.9, window, rows })).toBe(true);
    expect(windowThroughGinAlone({ estimate: even * 1.1, window, rows })).toBe(false);
    expect(windowThroughGinAlone({ estimate: undefined, window, rows })).toBe(false);
    expect(windowThroughGinAlone({ estimate: 500, window: rows, rows })).toBe(false);
    // A narrower window's bitmap is cheaper: the same estimate goes through the intersection.
    expect(windowThroughGinAlone({ estimate: 1_500, window: 50_000, rows })).toBe(true);
    expect(windowThroughGinAlone({ estimate: 1_500, window: 10_000, rows })).toBe(false);
  });

  it("keys a window of dates in the index so that every date from the boundary's month on matches it, and none before", async () => {
    // Boundaries at the edges of months, years, decades and the keys' range, and some in between.
    const boundaries = ["1800-01-01", "1800-01-31", "1809-12-31", "1810-01-01", "1899-06-15", "1969-12-01", "1999-12-31", "2000-01-01", "2013-11-12"];
    boundaries.push("2019-12-31", "2020-01-01", "2020-02-29", "2024-07-04", "2089-10-10", "2099-12-31", "2100-01-01", "2100-01-02", "2250-05-05");
    const keys = boundaries.map((boundary) => searchWindowQuery(boundary)!);
    expect(keys.every(Boolean)).toBe(true);
    // From the first of the boundary's month (or 2100, where every later date shares one key).
    const from = boundaries.map((boundary) => (boundary >= "2100-01-01" ? "2100-01-01" : `${boundary.slice(0, 8)}01`));
    // The first and last day of every month from 1795 to 2110 (search_window keys a date by its
    // month alone, so they stand for every day between: checking all 115,000 days took 15-19 s
    // and timed out under a loaded run), and dates far outside the keys' range; each day's keys
    // worked out once.
    const rows = await db.$queryRaw<Array<{ boundary: string; wrong: number; matched: number; total: number }>>`
      WITH days AS MATERIALIZED (
        SELECT d, search_window(d) AS w FROM (
          SELECT m::date AS d FROM generate_series(date '1795-01-01', date '2110-12-01', interval '1 month') m
          UNION ALL SELECT (m + interval '1 month' - interval '1 day')::date FROM generate_series(date '1795-01-01', date '2110-12-01', interval '1 month') m
          UNION ALL SELECT unnest(ARRAY[date '0044-03-15', date '4713-01-01 BC', date '9999-12-31', date '200000-01-01'])) all_days
      )
      SELECT b.boundary, count(*) FILTER (WHERE (days.w @@ b.keys::tsquery) IS DISTINCT FROM (days.d >= b.from::date))::int AS wrong,
             count(*) FILTER (WHERE days.w @@ b.keys::tsquery)::int AS matched, count(*)::int AS total
      FROM unnest(${boundaries}::text[], ${keys}::text[], ${from}::text[]) AS b(boundary, keys, "from") CROSS JOIN days
      GROUP BY b.boundary`;
    expect(rows).toHaveLength(boundaries.length);
    for (const row of rows) {
      expect(row.wrong, row.boundary).toBe(0);
      expect(row.matched, row.boundary).toBeGreaterThan(0);
      expect(row.matched, row.boundary).toBeLessThan(row.total);
    }
    // A dateless row is in no window; a boundary before the keys' range, or not a date, has no keys (the step tests dates instead).
    const dateless = await db.$queryRaw<Array<{ matched: boolean | null }>>`SELECT search_window(NULL::date) @@ ${searchWindowQuery("2013-11-12")}::tsquery AS matched`;
    expect(dateless[0]!.matched).toBeNull();
    expect(searchWindowQuery("1799-12-31")).toBeUndefined();
    expect(searchWindowQuery("0044-03-15")).toBeUndefined();
    expect(searchWindowQuery("2013-11")).toBeUndefined();
    // Decades after the boundary's own, not years: a window from November 2013 asks for 17 keys, not 89.
    expect(searchWindowQuery("2013-11-12")!.split(" | ")).toEqual(["m201311", "m201312", ...["y2014", "y2015", "y2016", "y2017", "y2018", "y2019"], ...Array.from({ length: 8 }, (_, i) => `c${202 + i}`), "after"]);
  });

  it("counts windows in the rows the filters leave, from the newest date they allow", () => {
    // A histogram of 101 bounds over 100,000 rows: one bound a thousand rows, a day apart.
    const bounds = Array.from({ length: 101 }, (_, i) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10));
    const rows = 100_000;
    const windows = (options: Omit<Parameters<typeof searchWindows>[0], "bounds" | "rows">) => {
      const found = searchWindows({ bounds, rows, ...options });
      return { ...found, rowsInRange: Math.round(found.rowsInRange) };
    };
    // No filters: the newest 2,000, 10,000 and 50,000 rows.
    expect(windows({})).toEqual({ boundaries: ["2000-04-08", "2000-03-31", "2000-02-20"], windowRows: RECENCY_WINDOWS, rowsInRange: rows });
    // A country in one item of twenty: its newest 2,000 items lie among the newest 40,000
    // rows, more than a walk may look at (MAX_WALK_ROWS); its 10,000th would be older than the table.
    expect(MAX_WALK_ROWS).toBe(10_000);
    expect(windows({ filtered: 5_000 })).toEqual({ boundaries: ["2000-03-31"], windowRows: [10_000], rowsInRange: rows });
    // One row in two: 4,000 and 20,000 rows.
    expect(windows({ filtered: 50_000 })).toEqual({ boundaries: ["2000-04-06", "2000-03-21"], windowRows: [4_000, 20_000], rowsInRange: rows });
    // Filters that leave fewer rows than the first window: everything at once.
    expect(windows({ filtered: 1_500 })).toEqual({ boundaries: [], windowRows: [], rowsInRange: rows });
    expect(windows({ filtered: 0 })).toEqual({ boundaries: [], windowRows: [], rowsInRange: rows });
    // An end date (30,000 rows are newer): the windows count back from it. A date range
    // alone thins nothing within it, so its windows are as many rows as the table's.
    const to = new Date(Date.UTC(2000, 0, 71));
    expect(windows({ filtered: 70_000, dates: { to } })).toEqual({ boundaries: ["2000-03-09", "2000-03-01", "2000-01-21"], windowRows: RECENCY_WINDOWS, rowsInRange: 70_000 });
    // And a start date (40,000 rows are older): 30,000 rows in range, no window past it.
    const from = new Date(Date.UTC(2000, 0, 41));
    expect(windows({ filtered: 30_000, dates: { from, to } })).toEqual({ boundaries: ["2000-03-09", "2000-03-01"], windowRows: [2_000, 10_000], rowsInRange: 30_000 });
    // Within that range, a filter that keeps one row in ten: its 2,000 rows span 20,000, more than a walk's.
    expect(windows({ filtered: 3_000, dates: { from, to } })).toEqual({ boundaries: ["2000-03-01"], windowRows: [10_000], rowsInRange: 30_000 });
    // No histogram (a small or unanalysed table): no windows.
    expect(searchWindows({ bounds: [], rows })).toEqual({ boundaries: [], windowRows: [], rowsInRange: rows });
    // A country's walk reads only its own rows: its first window is not cut to MAX_WALK_ROWS of
    // the table, and holds what the walk asks for (here 3,000 of the country's rows, 60,000 of the table's).
    expect(windows({ filtered: 5_000, walksFiltered: true })).toEqual({ boundaries: ["2000-03-01"], windowRows: [40_000], rowsInRange: rows });
    expect(windows({ filtered: 5_000, sizes: [3_000], walksFiltered: true })).toEqual({ boundaries: ["2000-02-10"], windowRows: [60_000], rowsInRange: rows });
  });

  it("walks a country's index first when that reads fewer rows than the words' matches in the whole table", () => {
    // Figures of the scale record's busiest country: 7,481 events, 1,400 of them holding a
    // word found in 18,723 events in all. The walk reads ~1,074 entries to find 201 matches.
    const walk = indexWalkRows({ matches: 1_400, filtered: 7_481, ginRows: 18_723 });
    expect(walk).toBeCloseTo(((SEARCH_POOL + 1) * 7_481) / 1_400, 6);
    // The break-even: a walked entry costs WALKED_ROW_IN_GIN_ROWS rows read through the GIN index.
    expect(indexWalkRows({ matches: 1_400, filtered: 7_481, ginRows: walk! * WALKED_ROW_IN_GIN_ROWS * 1.01 })).toBeDefined();
    expect(indexWalkRows({ matches: 1_400, filtered: 7_481, ginRows: walk! * WALKED_ROW_IN_GIN_ROWS * 0.99 })).toBeUndefined();
    // A word that is rare in the country would make the walk read most of it: the GIN index instead.
    expect(indexWalkRows({ matches: 250, filtered: 6_925, ginRows: 3_300 })).toBeUndefined();
    // Fewer matches than a pool: the walk would read every row of the country.
    expect(indexWalkRows({ matches: 100, filtered: 300, ginRows: 5_000 })).toBe(300);
    expect(indexWalkRows({ matches: 0, filtered: 300, ginRows: 5_000 })).toBeUndefined();
    expect(indexWalkRows({ matches: undefined, filtered: 300, ginRows: 5_000 })).toBeUndefined();
  });
});
