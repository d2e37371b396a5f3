/**
 * `npm run bench:import`: the bulk import of BENCH_ROWS rows (default 10,000) of
 * events with countries, CAMEO codes and sources, into a throw-away embedded
 * PostgreSQL: the dry run and the import (batches of 500 through the desk's
 * create rule, a revision and an audit row per row), timed, and a second import of
 * the same file (every row unchanged). Prints rows/s; the goal is under a minute.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { loadCountries } from "@/lib/seed/countries";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const COUNTRIES = ["KZ", "IL", "US", "AE", "MA", "BH", "SD", "FR", "DE", "GB", "RU", "CN", "IN", "TR", "EG"];
const CODES = ["036", "040", "041", "042", "046", "057", "051", "0431"];

function file(rows: number): string {
  const lines = ["external_id,title,summary,cameo_code,date,countries,place,source_url,source_title"];
  for (let i = 0; i < rows; i++) {
    const a = COUNTRIES[i % COUNTRIES.length]!;
    const b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length]!;
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`bench-${i},"Bench event ${i}: ${a} and ${b}","${a} and ${b} met, row ${i} of the benchmark.",${CODES[i % CODES.length]},${day},${a}; ${b},"Astana, Kazakhstan",https://example.org/bench/${i},Article ${i}`);
  }
  return lines.join("\n") + "\n";
}

async function timed<T>(label: string, rows: number, run: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await run();
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(40)} ${s.toFixed(1).padStart(6)} s  ${Math.round(rows / s).toLocaleString("en").padStart(7)} rows/s`);
  return result;
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "chancery-bench-import-"));
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), ephemeral: true });
  try {
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
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
    let last = 0;
    const results = await timed("import as drafts (batches of 500)", ROWS, () =>
      importFile({
        actor,
        request,
        createKeys: [],
        publish: false,
        onProgress: (done, total) => {
          if (done - last >= 2000 || done === total) process.stderr.write(`  ${done}/${total}\n`);
          last = done;
        },
      }),
    );
    const created = results.filter((r) => r.outcome === "created").length;
    const again = await timed("import the same file again", ROWS, () => importFile({ actor, request, createKeys: [], publish: false }));
    const unchanged = again.filter((r) => r.outcome === "unchanged").length;
    const [events, revisions, audits] = await Promise.all([db.event.count(), db.revision.count(), db.auditLog.count({ where: { action: "event.create" } })]);
    console.log(`created ${created}, unchanged on the second import ${unchanged}; in the database: ${events} events, ${revisions} revisions, ${audits} event.create audit rows`);
    await db.$disconnect();
    if (created !== ROWS || unchanged !== ROWS || events !== ROWS) process.exitCode = 1;
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
