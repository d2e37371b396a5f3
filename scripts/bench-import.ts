/**
 * `npm run bench:import`: the bulk import of BENCH_ROWS rows (default 10,000) of
 * events with countries, CAMEO codes and sources, into a throw-away embedded
 * PostgreSQL: the dry run, the import (batches of 500 written set-wise through the
 * desk's create rule for many, a revision and an audit row per row) with the time of
 * each batch, and a second import of the same file (every row unchanged).
 * Side by side in the same database, BENCH_COMPARE_ROWS rows (default 500, one batch) are
 * imported both row by row (the fallback path: the desk's create rule per row,
 * under savepoints) and set-wise, and the ratio printed. Database round trips are
 * counted at the driver. The goal (issue #12): 10,000 rows in under a minute.
 */
import pg from "pg";
import { createDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { loadCountries } from "@/lib/seed/countries";
import { machineLine, startBenchPostgres } from "./bench-support";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const COMPARE_ROWS = Number(process.env.BENCH_COMPARE_ROWS ?? 500);

// Every statement the app sends goes through pg's Client#query: counting there counts round trips.
// Their time, from sending to the answer, is the database's share (with the local socket's).
let roundTrips = 0;
let databaseNs = 0n;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  roundTrips++;
  const start = process.hrtime.bigint();
  const result = (query as (...a: unknown[]) => unknown).apply(this, args);
  if (result instanceof Promise) void result.finally(() => (databaseNs += process.hrtime.bigint() - start)).catch(() => {});
  return result;
} as typeof query;
const COUNTRIES = ["KZ", "IL", "US", "AE", "MA", "BH", "SD", "FR", "DE", "GB", "RU", "CN", "IN", "TR", "EG"];
const CODES = ["036", "040", "041", "042", "046", "057", "051", "0431"];

function file(rows: number, prefix = "bench"): string {
  const lines = ["external_id,title,summary,cameo_code,date,countries,place,source_url,source_title"];
  for (let i = 0; i < rows; i++) {
    const a = COUNTRIES[i % COUNTRIES.length]!;
    const b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length]!;
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${prefix}-${i},"${prefix} event ${i}: ${a} and ${b}","${a} and ${b} met, row ${i} of the benchmark.",${CODES[i % CODES.length]},${day},${a}; ${b},"Astana, Kazakhstan",https://example.org/${prefix}/${i},Article ${i}`);
  }
  return lines.join("\n") + "\n";
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

function line(label: string, rows: number, s: number, trips: number, dbNs: bigint, extra = "") {
  const inDb = Number(dbNs) / 1e9;
  console.log(
    `${label.padEnd(44)} ${s.toFixed(1).padStart(6)} s  ${Math.round(rows / s).toLocaleString("en").padStart(7)} rows/s  ${(trips / rows).toFixed(2).padStart(6)} round trips/row  ${Math.round((100 * inDb) / s)}% waiting on the database${extra}`,
  );
  return rows / s;
}

async function timed<T>(label: string, rows: number, run: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const [trips, dbNs] = [roundTrips, databaseNs];
  const result = await run();
  line(label, rows, seconds(start), roundTrips - trips, databaseNs - dbNs);
  return result;
}

async function main() {
  const { server, remove } = await startBenchPostgres("import");
  try {
    console.log(machineLine());
    await server.createDatabase("bench");
    const url = server.urlFor("bench");
    await migrate({ connectionString: url });
    const setup = createDb(url, { max: 1 });
    await loadCountries(setup);
    const user = await setup.user.create({ data: { email: "bench@chancery.local", name: "Bench", role: "EDITOR" } });
    await setup.$disconnect();
    process.env.DATABASE_URL = url;
    // Loaded after DATABASE_URL is set: the one client reads it.
    const { planImport } = await import("@/lib/import/plan-import");
    const { importFile } = await import("@/lib/import/run-import");
    const { db } = await import("@/lib/db/client");
    const text = file(ROWS);
    const request = { kind: "events" as const, fileName: "bench.csv", text };
    const actor = { id: user.id, email: user.email, role: user.role };
    console.log(`file: ${ROWS.toLocaleString("en")} rows, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB`);
    const plan = await timed("dry run (read, match, check)", ROWS, () => planImport(request));
    if (plan.counts.ready !== ROWS) throw new Error(`expected every row ready, got ${JSON.stringify(plan.counts)}`);
    type Importer = typeof importFile;
    /** Imports a file in one mode, timing each batch; prints and returns rows/s. */
    const run = async (label: string, rows: number, options: Omit<Parameters<Importer>[0], "onProgress">) => {
      const batches: number[] = [];
      const start = process.hrtime.bigint();
      const [trips, dbNs] = [roundTrips, databaseNs];
      let batchStart = start;
      let last = 0;
      const results = await importFile({
        ...options,
        onProgress: (done, total) => {
          const now = process.hrtime.bigint();
          batches.push(Number(now - batchStart) / 1e9);
          batchStart = now;
          if (done - last >= 2000 || done === total) process.stderr.write(`  ${done}/${total}\n`);
          if (done - last >= 2000) last = done;
        },
      });
      const sorted = [...batches].sort((a, b) => a - b);
      const perBatch = `  batch of ${Math.min(500, rows)}: median ${quantile(sorted, 0.5).toFixed(2)} s, p99 ${quantile(sorted, 0.99).toFixed(2)} s (${batches.length} batches)`;
      return { results, rate: line(label, rows, seconds(start), roundTrips - trips, databaseNs - dbNs, perBatch) };
    };

    // Side by side on the same database: the row-by-row path and the set-wise one on COMPARE_ROWS rows each.
    const oneByOne = await run(`row by row, ${COMPARE_ROWS.toLocaleString("en")} rows (old path)`, COMPARE_ROWS, {
      actor,
      request: { kind: "events", fileName: "rows.csv", text: file(COMPARE_ROWS, "rows") },
      createKeys: [],
      publish: false,
      mode: "row",
    });
    const setWise = await run(`set-wise, ${COMPARE_ROWS.toLocaleString("en")} rows`, COMPARE_ROWS, {
      actor,
      request: { kind: "events", fileName: "set.csv", text: file(COMPARE_ROWS, "set") },
      createKeys: [],
      publish: false,
    });
    console.log(`set-wise / row by row: ${(setWise.rate / oneByOne.rate).toFixed(1)}× the rows per second`);

    const start = process.hrtime.bigint();
    const { results } = await run(`import ${ROWS.toLocaleString("en")} rows as drafts (set-wise)`, ROWS, { actor, request, createKeys: [], publish: false });
    const total = seconds(start);
    const created = results.filter((r) => r.outcome === "created").length;
    const again = await timed("import the same file again", ROWS, () => importFile({ actor, request, createKeys: [], publish: false }));
    const unchanged = again.filter((r) => r.outcome === "unchanged").length;
    // Another wire's file of the same events (other ids): every row's day now holds an event with its countries.
    const wire = await timed("dry run of another wire's copy", ROWS, () => planImport({ kind: "events", fileName: "wire.csv", text: file(ROWS, "wire") }));
    const flagged = wire.rows.filter((r) => r.recorded).length;
    console.log(`  rows it names as recorded already: ${flagged.toLocaleString("en")} of ${ROWS.toLocaleString("en")}`);
    if (flagged !== ROWS) throw new Error(`expected every row of the wire's copy named as recorded already, got ${flagged}`);
    const [events, revisions, audits] = await Promise.all([
      db.event.count({ where: { externalSource: "file", externalId: { startsWith: "bench-" } } }),
      db.revision.count(),
      db.auditLog.count({ where: { action: "event.create" } }),
    ]);
    const expected = ROWS + 2 * COMPARE_ROWS;
    console.log(`created ${created}, unchanged on the second import ${unchanged}; in the database: ${events} bench events, ${revisions} revisions, ${audits} event.create audit rows (${expected} expected)`);
    console.log(`goal: ${ROWS.toLocaleString("en")} rows in under 60 s — ${total.toFixed(1)} s: ${total < 60 ? "met" : "NOT met"}`);
    if (created !== ROWS || unchanged !== ROWS || events !== ROWS || revisions !== expected || audits !== expected) process.exitCode = 1;
    await db.$disconnect();
    if (created !== ROWS || unchanged !== ROWS || events !== ROWS) process.exitCode = 1;
  } finally {
    await remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
