/**
 * `npm run bench:scale`: Chancery on a large record, measured in one run.
 *
 * Starts a throw-away embedded PostgreSQL, loads the demo record and a scale record
 * (BENCH_EVENTS published events, default 100,000; BENCH_STATEMENTS statements,
 * default 200,000; people, organizations, agreements and topics around them; text
 * from a Zipf-distributed 5,000-word vocabulary), starts Chancery on it the
 * production way (`scripts/start.mjs`, as `npm start`: it builds first if the build is stale), and
 * prints, with the machine it ran on:
 *   - search: the previous query shape (rank every match) and the bounded one, called
 *     directly on the same queries, side by side; then /api/v1/search and /search
 *     over HTTP at c10 with unique (uncached) queries of 1–3 words: p50, p99; searches
 *     with the /search form's filters (countries of every size, topics, dates), in-process
 *     (with how many ran out of time) and over HTTP at c10 (BENCH_FILTERED);
 *   - name suggestions for misspelt names;
 *   - API list p50/p99 at c10 with filters; list pages deep in the record (keyset);
 *   - before each HTTP load, WARM_UP requests of other queries or filters, uncounted
 *     (connections, code and catalogs warm; every measured request is still uncached);
 *   - for the search and list loads, the CPU each request cost (Chancery, PostgreSQL, the
 *     load generator, the rest of the machine) and the mean latency it implies at c10;
 *     each load is sent through Node's http client and, beside it in mirrored halves
 *     with as many other queries, through fetch (the load generator shares the cores:
 *     `loadBothClients`);
 *   - the sitemap index and one file: sizes, URL counts;
 *   - first render after a restart of /, /events, /countries, two country pages, the busiest relation,
 *     the busiest topic, person, organization and agreement pages;
 *   - resident memory of each web process after the load;
 *   - the cached event page at c50 with 1 and with 2 web processes, next to a bare Next 16
 *     page of the same size and nginx serving the same HTML as a file, and through
 *     deploy/nginx.conf; the ratios; each process's memory after that load
 *     (BENCH_SECONDS, BENCH_ROUNDS, BENCH_WARM_SECONDS; `scripts/bench-web.ts`, as `bench:servers`);
 *   - the web process's memory during BENCH_DISTINCT_SECONDS (default 600) of requests
 *     to distinct URLs, minute by minute (as `bench:cache`).
 * Needs wrk and nginx (Debian's). BENCH_API_ONLY=1 stops after the list pages (search
 * and lists only: no sitemap, memory, restart or servers). Talks to 127.0.0.1 only, runs for a bounded time and stops
 * everything it started.
 * It takes about twenty minutes. Run it under the heavy-run lock: `flock /work/heavy.lock npm run bench:scale`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { encodeCursor } from "@/lib/api/cursor";
import { parseSearchQuery } from "@/lib/api/list-query";
import { relationPath } from "@/lib/countries/relation-path";
import { createDb, db as appDb } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { readSharedMemory, sharedMemoryLine } from "@/lib/db/shared-memory";
import { searchEntities } from "@/lib/lookup/search-entities";
import { closeSearchPool } from "@/lib/search/pool";
import { chooseWarmUpPages } from "@/lib/server/warm-up-pages";
import { SEARCH_POOL, searchPublishedRecord } from "@/lib/search/search-record";
import { suggestPages } from "@/lib/search/suggest";
import { SITEMAP_FILE_URLS } from "@/lib/sitemap/sitemap";
import { loadCountries } from "@/lib/seed/countries";
import { loadDemoRecord } from "@/lib/seed/load-demo";
import { generateScaleEntities } from "@/lib/testing/scale-entities";
import { scaleSearchQueries } from "@/lib/testing/scale-queries";
import { generateScaleRecord } from "@/lib/testing/scale-record";
import { measureDistinctUrls, measureServers, requireTools, Started } from "./bench-web";
import { SEARCH_CONFIG_SQL } from "@/lib/search/config";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 200_000);
/**
 * Requests of each c10 load whose p50 and p99 are printed. The p99 of 300 requests is their
 * third slowest: the lists' moved between 99 and 147 ms from run to run with the same code
 * (docs/performance.md, "Figures"). Of 1,000 it is the tenth slowest.
 */
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 1_000);
/** Searches through the /search page, and distinct API list requests, measured at c10. */
const PAGE_SEARCHES = 50;
const LISTS = Number(process.env.BENCH_LISTS ?? 1_000);
/** Requests of other queries and filters sent first, uncounted: the web process's and PostgreSQL's connections, code and catalogs warm. */
const WARM_UP = 100;
const DIRECT = Number(process.env.BENCH_DIRECT ?? 20);
/** Searches with the /search form's filters (a country, a topic, dates): in-process one at a time, and over HTTP at c10. */
const FILTERED_DIRECT = 40;
const FILTERED = Number(process.env.BENCH_FILTERED ?? 300);
const CONCURRENCY = 10;
const GOAL_SEARCH_P99 = 100;
const GOAL_LIST_P99 = 50;
const GOAL_FIRST_RENDER = 300;
/** The cached event page of the servers' section: the demo record's, on the scale record. */
const EVENT = "/events/kazakhstan-to-join-the-abraham-accords";
const SERVER_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SERVER_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SERVER_CONNECTIONS = 50;
const DISTINCT_SECONDS = Number(process.env.BENCH_DISTINCT_SECONDS ?? 600);

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Filters a reader picks on /search: the busiest and the quietest countries, a common and a rare topic, date ranges, a pair. */
async function searchFilterSets(pgc: pg.Client): Promise<Array<Record<string, string>>> {
  const countries = (
    await pgc.query<{ c: string }>(
      `(SELECT lower("countryId") AS c FROM "EventCountry" WHERE published GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2)
       UNION ALL (SELECT lower("countryId") FROM "EventCountry" WHERE published GROUP BY 1 ORDER BY count(*), 1 LIMIT 2)`,
    )
  ).rows.map((r) => r.c);
  const topics = (
    await pgc.query<{ slug: string }>(
      `(SELECT tp.slug FROM "Topic" tp JOIN "EventTopic" et ON et."topicId" = tp.id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
       UNION ALL (SELECT tp.slug FROM "Topic" tp JOIN "EventTopic" et ON et."topicId" = tp.id GROUP BY 1 ORDER BY count(*), 1 LIMIT 1)`,
    )
  ).rows.map((r) => r.slug);
  return [...countries.map((country) => ({ country })), ...topics.map((topic) => ({ topic })), { from: "2020" }, { to: "2010" }, { country: countries[0]!, from: "2015" }];
}
function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN };
}
const row = (label: string, s: ReturnType<typeof stats>, extra = "") =>
  console.log(`  ${label.padEnd(44)} n=${String(s.n).padStart(4)}  p50 ${ms(s.p50).padStart(8)}  p99 ${ms(s.p99).padStart(8)}  max ${ms(s.max).padStart(8)}  ${extra}`);

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await run();
  return [value, performance.now() - t0];
}

/**
 * How a c10 load sends its requests. The load generator shares the machine's cores with the
 * server it measures, so its own CPU a request is taken from the server's: Node's http
 * client on kept-alive connections costs about 0.15 ms a request here, fetch (undici, which
 * the bench used until 5 December) about 0.47 ms on an 8 KB answer and more on larger ones.
 * The search and list loads are measured through both, alternating, and the CPU each took
 * printed: what the change of client gave is then in the same run.
 */
type LoadClient = "http" | "fetch";
const keptAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One GET through Node's http client: the status, once the whole body has been read. */
function httpGet(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: keptAlive }, (response) => {
      response.on("data", () => {});
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
  });
}

/** GETs every path with `concurrency` clients; each path once. Returns latencies; counts non-200s. */
async function load(base: string, paths: string[], concurrency: number, client: LoadClient = "http") {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const p = paths[next++]!;
        const t0 = performance.now();
        try {
          let status: number;
          if (client === "http") status = await httpGet(base + p, 30_000);
          else {
            const response = await fetch(base + p, { signal: AbortSignal.timeout(30_000) });
            await response.arrayBuffer();
            status = response.status;
          }
          if (status !== 200) failures++;
        } catch {
          failures++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { ...stats(latencies), failures, rps: latencies.length / ((performance.now() - started) / 1000), latencies };
}

/**
 * The clients of each half of a load, in turn. A web process just started gets faster over
 * its first few thousand requests (V8 optimising its code, PostgreSQL's new sessions mapping
 * shared buffers): in the order http, fetch, http, fetch, http took the two colder quarters
 * every time, and its p99 read 341 ms against fetch's 215 in the same run
 * (docs/performance.md, "The bench's own measuring"). Mirrored, a steady warming weighs on
 * both alike.
 */
const HALVES: LoadClient[][] = [
  ["http", "fetch"],
  ["fetch", "http"],
];
/** The order of the halves as the bench prints it. */
const HALVES_ORDER = HALVES.flat().join(", ");

/**
 * Two sets of paths of one kind, the first through Node's http client and the second
 * through fetch, in halves in the order HALVES gives, each path once; the figures of each
 * client and the CPU each load took (Chancery, PostgreSQL, the load generator), summed over
 * its halves.
 */
async function loadBothClients(app: App, paths: Record<LoadClient, string[]>, concurrency: number) {
  const sums = Object.fromEntries(HALVES[0]!.map((client) => [client, { latencies: [] as number[], failures: 0, seconds: 0, used: { app: 0, postgres: 0, bench: 0, other: 0 } }])) as Record<
    LoadClient,
    { latencies: number[]; failures: number; seconds: number; used: CpuTicks }
  >;
  for (const [half, order] of HALVES.entries()) {
    for (const client of order) {
      const all = paths[client];
      const middle = Math.ceil(all.length / 2);
      const sum = sums[client];
      const before = await cpuSnapshot(app.child.pid!);
      const t0 = performance.now();
      const result = await load(app.base, half === 0 ? all.slice(0, middle) : all.slice(middle), concurrency, client);
      sum.seconds += (performance.now() - t0) / 1000;
      const after = await cpuSnapshot(app.child.pid!);
      sum.latencies.push(...result.latencies);
      sum.failures += result.failures;
      for (const key of Object.keys(sum.used) as Array<keyof CpuTicks>) sum.used[key] += after[key] - before[key];
    }
  }
  const figures = (client: LoadClient) => {
    const { latencies, failures, seconds, used } = sums[client];
    return { ...stats(latencies), failures, rps: latencies.length / seconds, used };
  };
  return { http: figures("http"), fetch: figures("fetch") };
}

/** The query shape before issue 8 (every match of both kinds ranked before the page is cut), through the same client. */
async function legacySearch(q: string) {
  await appDb.$queryRawUnsafe(`SELECT numnode(websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1))::int AS nodes`, q);
  await appDb.$queryRawUnsafe(
    `WITH hits AS (
       SELECT 'event'::text AS kind, t.id, t."date" AS d, ts_rank_cd(t."searchVector", websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1)) AS rank
         FROM "Event" t WHERE t.status = 'PUBLISHED' AND t."searchVector" @@ websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1)
       UNION ALL
       SELECT 'statement'::text AS kind, t.id, t."saidOn" AS d, ts_rank_cd(t."searchVector", websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1)) AS rank
         FROM "Statement" t WHERE t.status = 'PUBLISHED' AND t."searchVector" @@ websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1)
     ), page AS (SELECT hits.*, count(*) OVER () AS total FROM hits ORDER BY rank DESC, d DESC NULLS LAST, id DESC LIMIT 21)
     SELECT page.kind, page.id, page.rank::float8 AS rank, page.total::int AS total,
       ts_headline(${SEARCH_CONFIG_SQL}, COALESCE(e.title, s.title), websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1)) AS title,
       ts_headline(${SEARCH_CONFIG_SQL}, COALESCE(e.summary || E'\n' || e.body, s.text), websearch_to_tsquery(${SEARCH_CONFIG_SQL}, $1)) AS snippet
       FROM page LEFT JOIN "Event" e ON page.kind = 'event' AND e.id = page.id LEFT JOIN "Statement" s ON page.kind = 'statement' AND s.id = page.id`,
    q,
  );
}

/** The processes below `root` (its children, theirs, …), `root` itself included. */
async function processesBelow(root: number): Promise<Set<number>> {
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const below = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (below.has(parent) && !below.has(pid)) {
        below.add(pid);
        grew = true;
      }
    }
  }
  return below;
}

/** Resident memory (MB) of every process below `root` (the launcher): the web server(s). */
async function residentMemory(root: number): Promise<Array<{ pid: number; command: string; mb: number }>> {
  const below = await processesBelow(root);
  below.delete(root);
  const out = [];
  for (const pid of below) {
    try {
      const status = await readFile(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const command = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0").filter(Boolean).slice(0, 3).join(" ");
      if (kb > 0 && !/postgres/.test(command)) out.push({ pid, command: command.slice(0, 70), mb: kb / 1024 });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Linux's clock ticks per second (USER_HZ), the unit of /proc's CPU times. */
const TICKS_PER_SECOND = 100;

async function cpuTicks(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0; // gone meanwhile
  }
}

/** CPU ticks of Chancery, its PostgreSQL, the bench (the load generator) and the rest of the machine. */
type CpuTicks = { app: number; postgres: number; bench: number; other: number };

/**
 * CPU seconds used so far by Chancery (the launcher and its web processes), by the
 * PostgreSQL this bench started, by the bench itself (the load generator), and by
 * everything else on the machine (other users of a shared machine included), from
 * /proc. Two snapshots around a load give each one's share of every request.
 */
async function cpuSnapshot(launcher: number): Promise<CpuTicks> {
  const chancery = await processesBelow(launcher);
  const mine = await processesBelow(process.pid);
  let app = 0;
  let postgres = 0;
  for (const pid of chancery) app += await cpuTicks(pid);
  for (const pid of mine) {
    if (pid === process.pid || chancery.has(pid)) continue;
    const command = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (command.startsWith("postgres")) postgres += await cpuTicks(pid);
  }
  const bench = await cpuTicks(process.pid);
  const machine = (await readFile("/proc/stat", "utf8")).split("\n")[0]!.split(/\s+/).slice(1, 9).map(Number);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait
  const busy = machine.reduce((a, b) => a + b, 0) - machine[3]! - machine[4]!;
  return { app, postgres, bench, other: busy - app - postgres - bench };
}

/**
 * Where the CPU of a load went, per request, and the latency it implies: with `cores`
 * fully used, c clients each waiting for their answer get at best cores ÷ (CPU per
 * request) answers a second, so the mean latency is at least c × (CPU per request) ÷ cores
 * (Little's law), whatever the code's own wait.
 */
function printCpuShare(label: string, used: CpuTicks, requests: number, concurrency: number) {
  const per = (key: keyof CpuTicks) => (used[key] / TICKS_PER_SECOND / requests) * 1000;
  const app = per("app");
  const postgres = per("postgres");
  const bench = per("bench");
  const other = per("other");
  const total = app + postgres + bench + Math.max(0, other);
  const cores = os.cpus().length;
  console.log(
    `  CPU per request (${label}): Chancery ${app.toFixed(1)} ms, PostgreSQL ${postgres.toFixed(1)} ms, this load generator ${bench.toFixed(1)} ms, ` +
      `the rest of the machine ${Math.max(0, other).toFixed(1)} ms; ${total.toFixed(1)} ms on ${cores} cores → mean latency at c${concurrency} ≥ ${ms((concurrency * total) / cores)}`,
  );
}

interface App {
  child: ChildProcess;
  base: string;
}

async function startApp(env: NodeJS.ProcessEnv, port: number): Promise<App> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(line);
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15 * 60_000; // a stale build is rebuilt first
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Chancery exited (${child.exitCode}):\n${lines.join("\n")}`);
    try {
      const response = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return { child, base };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`Chancery did not become ready:\n${lines.join("\n")}`);
}

async function stopApp(app: App) {
  if (app.child.exitCode !== null) return;
  const exited = new Promise((r) => app.child.once("exit", r));
  app.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  if (app.child.exitCode === null) app.child.kill("SIGKILL");
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "chancery-bench-scale-"));
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), ephemeral: true });
  let app: App | null = null;
  let client: pg.Client | null = null;
  const webBench = new Started();
  try {
    if (!process.env.BENCH_API_ONLY && !process.env.BENCH_DIRECT_ONLY) requireTools(); // before the record is written, not after
    console.log(`bench:scale — ${new Date().toISOString()}`);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    await server.createDatabase("scale");
    const url = server.urlFor("scale");
    await migrate({ connectionString: url });
    const db = createDb(url, { max: 1 });
    await loadCountries(db);
    await loadDemoRecord(db);
    await db.$disconnect();
    const pgc = new pg.Client({ connectionString: url });
    client = pgc;
    pgc.on("error", () => {});
    await pgc.connect();
    // Huge pages or not changes PostgreSQL's CPU a request (docs/deployment.md, "Huge pages for PostgreSQL").
    console.log(sharedMemoryLine(await readSharedMemory(pgc)));
    const [, buildMs] = await timed(async () => {
      await generateScaleRecord(pgc, { events: EVENTS, statements: STATEMENTS });
      await generateScaleEntities(pgc, { events: EVENTS, statements: STATEMENTS, namedPeople: false });
      await pgc.query("VACUUM ANALYZE");
    });
    const counts = (await pgc.query<{ e: number; s: number; p: number }>(`SELECT (SELECT count(*) FROM "Event" WHERE status = 'PUBLISHED')::int AS e, (SELECT count(*) FROM "Statement" WHERE status = 'PUBLISHED')::int AS s, (SELECT count(*) FROM "Person")::int AS p`)).rows[0]!;
    console.log(`record: ${counts.e.toLocaleString("en")} published events, ${counts.s.toLocaleString("en")} statements, ${counts.p.toLocaleString("en")} people (written in ${(buildMs / 1000).toFixed(0)} s)\n`);

    // ── search, called directly: the previous shape and the bounded one, same queries ──
    process.env.DATABASE_URL = url;
    // The last SEARCHES go through fetch, beside the same number through http (loadBothClients).
    const queries = scaleSearchQueries(SEARCHES + DIRECT * 2 + PAGE_SEARCHES + WARM_UP + SEARCHES, { seed: 8 });
    const direct = queries.slice(0, DIRECT);
    await searchPublishedRecord(parseSearchQuery({ q: "warm up" })); // connections, catalog caches
    const legacy: number[] = [];
    const bounded: number[] = [];
    let cut = 0;
    for (const q of direct) {
      legacy.push((await timed(() => legacySearch(q)))[1]);
      const [outcome, t] = await timed(() => searchPublishedRecord(parseSearchQuery({ q })));
      bounded.push(t);
      if (outcome.kind === "results" && outcome.cutShort) cut++;
    }
    console.log(`search, called in-process through the app's database client, one at a time (${DIRECT} queries of 1–3 words; pool ${SEARCH_POOL} per kind):`);
    const ls = stats(legacy);
    const bs = stats(bounded);
    row("before: rank every match", ls);
    row("now: newest matches in widening windows", bs, `(${cut} cut short by the time budget)`);
    console.log(`  ratio p50 ${(ls.p50 / bs.p50).toFixed(1)}×, p99 ${(ls.p99 / bs.p99).toFixed(1)}× faster\n`);

    // With filters: countries of every size, topics, date ranges, and a pair; new queries.
    const filterSets = await searchFilterSets(pgc);
    const filteredQueries = scaleSearchQueries(FILTERED_DIRECT + FILTERED, { seed: 9 }).map((q, i) => ({ q, ...filterSets[i % filterSets.length]! }));
    const filteredTimes: number[] = [];
    let filteredCut = 0;
    for (const params of filteredQueries.slice(0, FILTERED_DIRECT)) {
      const [outcome, t] = await timed(() => searchPublishedRecord(parseSearchQuery(params)));
      filteredTimes.push(t);
      if (outcome.kind === "results" && outcome.cutShort) filteredCut++;
    }
    row(`with filters (${filterSets.length} kinds, ${FILTERED_DIRECT} queries)`, stats(filteredTimes), `(${filteredCut} cut short by the time budget)`);
    console.log("");

    const names = ["Kazakstan", "Tokaev", "Netanyahou", "Azerbaidjan", "Macrone", "abraham acords"];
    console.log("name suggestions (pg_trgm word similarity):");
    for (const q of names) {
      const [found, t] = await timed(() => suggestPages(q));
      console.log(`  ${`“${q}”`.padEnd(20)} → ${found.map((f) => `${f.name} (${f.kind})`).join(", ") || "nothing"}  ${ms(t)}`);
    }
    console.log("");

    // The desk's pickers: what an editor types to link a record, one keystroke's request each.
    // An open picker (""), one or two letters, and longer strings.
    const typed = ["", "k", "ka", "zq", "kaz", "tokay", "netanyahou", "ministry", "abraham acords", "uzbek", "trade", "zzqq"];
    console.log(`the desk's pickers, in-process (${typed.length} typed strings each, the second of two runs):`);
    for (const kind of ["participant", "event", "statement", "agreement", "topic"] as const) {
      for (const q of typed) await searchEntities({ kind, q, limit: 10 });
      const times: number[] = [];
      for (const q of typed) times.push((await timed(() => searchEntities({ kind, q, limit: 10 })))[1]);
      times.sort((a, b) => a - b);
      console.log(`  ${kind.padEnd(12)} median ${ms(times[Math.floor(times.length / 2)]!)}, slowest ${ms(times.at(-1)!)}`);
    }
    console.log("");

    if (process.env.BENCH_DIRECT_ONLY) return;

    // ── the app, the production way ──
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: url,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      CHANCERY_DATA_DIR: path.join(dir, "data"),
      EMBEDDED_PG_PORT: String(await freePort()),
      ADMIN_EMAIL: "bench@example.org",
      ADMIN_PASSWORD: "bench-scale-password-1234",
      SEED_DEMO: "false",
    };
    const [started, startMs] = await timed(() => startApp(env, port));
    app = started;
    console.log(`Chancery started in ${(startMs / 1000).toFixed(1)} s at ${app.base}\n`);
    const busy = (await pgc.query<{ c: string }>(`SELECT lower("countryId") AS c FROM "Event" WHERE "countryId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0]!.c;
    // The relation page of the busiest country and the partner it shares most events with.
    const partner = (
      await pgc.query<{ p: string }>(
        `SELECT p FROM "EventCountry" ec, unnest(ec.partners) p WHERE ec."countryId" = upper($1) AND ec.published GROUP BY p ORDER BY count(*) DESC, p LIMIT 1`,
        [busy],
      )
    ).rows[0]?.p;

    // ── search over HTTP at c10, unique queries ──
    const web = queries.slice(DIRECT * 2);
    // Uncounted: other queries than those measured, so every measured one is still uncached.
    const warmUp = web.slice(SEARCHES + PAGE_SEARCHES, SEARCHES + PAGE_SEARCHES + WARM_UP);
    await load(app.base, warmUp.map((q, i) => `${i % 5 ? "/api/v1/search" : "/search"}?q=${encodeURIComponent(q)}`), CONCURRENCY);
    const searchPath = (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}`;
    const searches = await loadBothClients(app, { http: web.slice(0, SEARCHES).map(searchPath), fetch: web.slice(SEARCHES + PAGE_SEARCHES + WARM_UP).map(searchPath) }, CONCURRENCY);
    const api = searches.http;
    const page = await load(app.base, web.slice(SEARCHES, SEARCHES + PAGE_SEARCHES).map((q) => `/search?q=${encodeURIComponent(q)}`), CONCURRENCY);
    console.log(`search over HTTP, c${CONCURRENCY}, every query different (uncached; ${warmUp.length} other queries sent first, uncounted) — goal p99 ≤ ${GOAL_SEARCH_P99} ms:`);
    row("/api/v1/search?q=…", api, `${api.rps.toFixed(1)} req/s, ${api.failures} failed`);
    row("  the same load sent through fetch", searches.fetch, `${searches.fetch.rps.toFixed(1)} req/s, ${searches.fetch.failures} failed (other queries; halves in the order ${HALVES_ORDER})`);
    row("/search?q=… (the page)", page, `${page.rps.toFixed(1)} req/s, ${page.failures} failed`);
    printCpuShare("/api/v1/search", api.used, api.n, CONCURRENCY);
    printCpuShare("/api/v1/search through fetch", searches.fetch.used, searches.fetch.n, CONCURRENCY);
    console.log(`  vs goal: API p99 ${ms(api.p99)} = ${(api.p99 / GOAL_SEARCH_P99).toFixed(2)}× the goal`);
    const withFilters = await load(app.base, filteredQueries.slice(FILTERED_DIRECT).map((params) => `/api/v1/search?${new URLSearchParams(params)}`), CONCURRENCY);
    row("/api/v1/search?q=…&<filters>", withFilters, `${withFilters.rps.toFixed(1)} req/s, ${withFilters.failures} failed (${filterSets.length} kinds of filter)`);
    console.log("");

    // ── lists: API with filters at c10 (unique combinations), pages deep in the record ──
    const codes = (await pgc.query<{ c: string }>(`SELECT DISTINCT lower("countryId") AS c FROM "Event" WHERE "countryId" IS NOT NULL ORDER BY 1`)).rows.map((r) => r.c);
    const topicSlugs = (await pgc.query<{ slug: string }>(`SELECT tp.slug FROM "Topic" tp WHERE EXISTS (SELECT 1 FROM "EventTopic" et WHERE et."topicId" = tp.id) ORDER BY 1`)).rows.map((r) => r.slug);
    const types = ["PHONE_CALL", "VISIT", "MEETING", "SUMMIT", "NEGOTIATION", "PROTEST", "COOPERATION", "SANCTIONS"];
    const listPaths: string[] = [];
    // Every address once: the country, year and shape repeat together after the least common
    // multiple of the countries', years' and shapes' counts (2,340 requests with the scale
    // record's 45 countries), and from then on each turn of them asks for a page of another
    // size. One request in four is a topic's (events or statements, from or to a year).
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    const turn = [codes.length, 26, 4].reduce((a, b) => (a * b) / gcd(a, b));
    for (let i = 0; listPaths.length < 2 * LISTS + WARM_UP; i++) {
      const c = codes[i % codes.length]!;
      const topic = topicSlugs[Math.floor(i / 4) % topicSlugs.length]!;
      const year = 2000 + (i % 26);
      const shape = i % 4;
      const limit = i >= turn ? `&limit=${50 - Math.floor(i / turn)}` : "";
      listPaths.push(
        (shape === 0
          ? `/api/v1/events?country=${c}&from=${year}`
          : shape === 1
            ? `/api/v1/events?type=${types[i % types.length]}&to=${year}&country=${c}`
            : shape === 2
              ? `/api/v1/statements?country=${c}&from=${year}&to=${year + 1}`
              : i % 8 === 3
                ? `/api/v1/events?topic=${topic}&from=${year}`
                : `/api/v1/statements?topic=${topic}&to=${year}`) + limit,
      );
    }
    if (new Set(listPaths).size !== listPaths.length) throw new Error("bench:scale: the list addresses repeat");
    await load(app.base, listPaths.slice(2 * LISTS), CONCURRENCY); // uncounted, as for search
    // The first LISTS through http, the next LISTS through fetch, in halves (HALVES).
    const listLoads = await loadBothClients(app, { http: listPaths.slice(0, LISTS), fetch: listPaths.slice(LISTS, 2 * LISTS) }, CONCURRENCY);
    const lists = listLoads.http;
    console.log(`API lists, c${CONCURRENCY}, filters (country, topic, type, from/to), every request different (${WARM_UP} others sent first, uncounted) — goal p99 ≤ ${GOAL_LIST_P99} ms:`);
    row("/api/v1/events|statements?…", lists, `${lists.rps.toFixed(1)} req/s, ${lists.failures} failed`);
    row("  the same load sent through fetch", listLoads.fetch, `${listLoads.fetch.rps.toFixed(1)} req/s, ${listLoads.fetch.failures} failed (other addresses; halves in the order ${HALVES_ORDER})`);
    printCpuShare("API lists", lists.used, lists.n, CONCURRENCY);
    printCpuShare("API lists through fetch", listLoads.fetch.used, listLoads.fetch.n, CONCURRENCY);
    const deep = async (table: string, col: string, fraction: number) => {
      const { rows } = await pgc.query<{ d: string; id: string }>(
        `SELECT to_char("${col}", 'YYYY-MM-DD') AS d, id FROM "${table}" WHERE status = 'PUBLISHED' AND "${col}" IS NOT NULL ORDER BY "${col}" DESC, id DESC OFFSET $1 LIMIT 1`,
        [Math.floor((table === "Event" ? counts.e : counts.s) * fraction)],
      );
      return encodeCursor({ direction: "after", date: rows[0]!.d, id: rows[0]!.id });
    };
    const deepPaths = [
      ["/events (first page)", "/events"],
      ["/events at the middle of the record", `/events?cursor=${await deep("Event", "date", 0.5)}`],
      ["/events near the end", `/events?cursor=${await deep("Event", "date", 0.99)}`],
      ["/statements near the end", `/statements?cursor=${await deep("Statement", "saidOn", 0.99)}`],
      ["/api/v1/events near the end", `/api/v1/events?cursor=${await deep("Event", "date", 0.98)}`],
    ];
    console.log("list pages deep in the record (keyset: a cursor, never OFFSET), first request each:");
    for (const [label, p] of deepPaths) {
      const [response, t] = await timed(() => fetch(app!.base + p!));
      const body = await response.text();
      console.log(`  ${label!.padEnd(44)} ${String(response.status)}  ${ms(t).padStart(8)}  ${(body.length / 1024).toFixed(0)} KB`);
    }
    console.log("");
    if (process.env.BENCH_API_ONLY) return;

    // ── sitemap ──
    const [indexResponse, indexMs] = await timed(() => fetch(`${app!.base}/sitemap.xml`));
    const indexXml = await indexResponse.text();
    const fileUrls = [...indexXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const total = { urls: 0, bytes: 0, largest: 0 };
    let firstFile = { ms: 0, bytes: 0, urls: 0, name: "" };
    for (const [i, loc] of fileUrls.entries()) {
      const [response, t] = await timed(() => fetch(loc.replace(/^https?:\/\/[^/]+/, app!.base)));
      const xml = await response.text();
      const urls = (xml.match(/<url>/g) ?? []).length;
      total.urls += urls;
      total.bytes += xml.length;
      total.largest = Math.max(total.largest, urls);
      if (i === 1) firstFile = { ms: t, bytes: xml.length, urls, name: loc.slice(loc.lastIndexOf("/") + 1) };
    }
    console.log(`sitemap (protocol: at most 50,000 URLs per file; files here hold at most ${SITEMAP_FILE_URLS.toLocaleString("en")}):`);
    console.log(`  before: one /sitemap.xml with every URL: ${total.urls.toLocaleString("en")} URLs, ${(total.bytes / 1e6).toFixed(1)} MB`);
    console.log(`  now: /sitemap.xml index ${(indexXml.length / 1024).toFixed(1)} KB, ${fileUrls.length} files (${ms(indexMs)} first request)`);
    console.log(`  one file, ${firstFile.name}: ${firstFile.urls.toLocaleString("en")} URLs, ${(firstFile.bytes / 1e6).toFixed(2)} MB, ${ms(firstFile.ms)} first request; largest file ${total.largest.toLocaleString("en")} URLs\n`);

    const memory = await residentMemory(app.child.pid!);
    console.log("resident memory after the load:");
    for (const m of memory) console.log(`  pid ${m.pid} ${m.command.padEnd(70)} ${m.mb.toFixed(0).padStart(5)} MB`);
    console.log("");

    // ── first render after a restart ──
    // With the index pages, the busiest record page of each other kind: a topic's, a person's
    // (most statements), an organization's (most events) and an agreement's (most events).
    const busiest = async (sql: string) => (await pgc.query<{ slug: string }>(sql)).rows[0]?.slug;
    const recordPages = [
      ["topics", await busiest(`SELECT tp.slug FROM "Topic" tp JOIN "EventTopic" et ON et."topicId" = tp.id GROUP BY tp.slug ORDER BY count(*) DESC, 1 LIMIT 1`)],
      ["people", await busiest(`SELECT pe.slug FROM "Person" pe JOIN "Statement" s ON s."speakerId" = pe.id GROUP BY pe.slug ORDER BY count(*) DESC, 1 LIMIT 1`)],
      ["organizations", await busiest(`SELECT o.slug FROM "Organization" o JOIN "EventParticipant" p ON p."organizationId" = o.id GROUP BY o.slug ORDER BY count(*) DESC, 1 LIMIT 1`)],
      ["agreements", await busiest(`SELECT a.slug FROM "Agreement" a LEFT JOIN "Event" e ON e."agreementId" = a.id GROUP BY a.slug ORDER BY count(e.id) DESC, 1 LIMIT 1`)],
    ].flatMap(([kind, slug]) => (slug ? [`/${kind}/${slug}`] : []));
    await stopApp(app);
    app = await startApp(env, port);
    // A page the web process rendered to itself at start is likely in its cache: said, not hidden.
    const warmed = new Set(await chooseWarmUpPages(url, { timeoutMs: 5_000 }));
    console.log(`first render after a restart — goal ≤ ${GOAL_FIRST_RENDER} ms (warm-up pages: ${[...warmed].join(", ")}):`);
    for (const p of ["/", "/events", "/statements", "/countries", "/countries/kz", `/countries/${busy}`, ...(partner ? [relationPath(busy, partner)] : []), ...recordPages, "/search?q=kazakhstan", "/sitemap.xml"]) {
      const [response, t] = await timed(() => fetch(app!.base + p));
      const body = await response.text();
      console.log(`  ${p.padEnd(44)} ${String(response.status)}  ${ms(t).padStart(8)}  ${(body.length / 1024).toFixed(0)} KB${t > GOAL_FIRST_RENDER ? `  (${(t / GOAL_FIRST_RENDER).toFixed(1)}× the goal)` : ""}${warmed.has(p) ? "  (rendered by the warm-up)" : ""}`);
    }
    console.log("");
    await stopApp(app);
    app = null;

    // ── the cached event page: 1 and 2 web processes, bare Next, deploy/nginx.conf, nginx serving a file;
    //    then memory under distinct URLs (scripts/bench-web.ts, as bench:servers and bench:cache) ──
    const servers = await measureServers(webBench, { databaseUrl: url, eventPath: EVENT, seedDemo: false, seconds: SERVER_SECONDS, rounds: SERVER_ROUNDS, connections: SERVER_CONNECTIONS });
    console.log("");
    measureDistinctUrls(webBench, { server: servers.one, seconds: DISTINCT_SECONDS, connections: SERVER_CONNECTIONS, bareMb: servers.bareMb, afterLoadMb: servers.oneAfterLoadMb });
  } finally {
    if (app) await stopApp(app);
    await webBench.stop().catch((error: unknown) => console.error(error));
    await client?.end().catch(() => {});
    if (process.env.DATABASE_URL) await appDb.$disconnect().catch(() => {});
    await closeSearchPool().catch(() => {});
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
