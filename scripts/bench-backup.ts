/**
 * `npm run bench:backup`: the exact round trip on a large record, timed. Starts a
 * throw-away embedded PostgreSQL, writes a scale record (BENCH_EVENTS events,
 * default 100,000, with participants and sources; BENCH_STATEMENTS statements,
 * default 0), exports it, restores the file into a fresh database, exports again
 * and compares the two files byte for byte: exits 1 if they differ.
 */
import { PassThrough, Readable } from "node:stream";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { exportRecord } from "@/lib/backup/export-record";
import { restoreRecord } from "@/lib/backup/restore-record";
import { createDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { loadCountries } from "@/lib/seed/countries";
import { generateScaleRecord } from "@/lib/testing/scale-record";
import { machineLine, startBenchPostgres } from "./bench-support";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 0);
const NOW = new Date("2026-01-01T00:00:00.000Z");

async function exportToBuffer(connectionString: string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await exportRecord({ connectionString, out, now: NOW, withCredentials: true });
  return Buffer.concat(chunks);
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await run();
  console.log(`${label.padEnd(34)} ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1).padStart(7)} s`);
  return result;
}

async function main() {
  const { server, remove } = await startBenchPostgres("backup");
  try {
    console.log(machineLine());
    await server.createDatabase("source");
    await server.createDatabase("target");
    const source = server.urlFor("source");
    const target = server.urlFor("target");
    await migrate({ connectionString: source });
    await migrate({ connectionString: target });
    const db = createDb(source, { max: 1 });
    await loadCountries(db);
    await db.$disconnect();
    const client = new pg.Client({ connectionString: source });
    await client.connect();
    await timed(`write ${EVENTS.toLocaleString("en")} events, ${STATEMENTS.toLocaleString("en")} statements`, () => generateScaleRecord(client, { events: EVENTS, statements: STATEMENTS }));
    await client.end();

    const first = await timed("export", () => exportToBuffer(source));
    const { rows } = await timed("restore into a fresh database", () => restoreRecord({ connectionString: target, input: Readable.from([first]) }));
    const second = await timed("export the restored database", () => exportToBuffer(target));
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    const same = gunzipSync(first).equals(gunzipSync(second));
    console.log(`rows ${total.toLocaleString("en")}, file ${(first.length / 1e6).toFixed(1)} MB gzip (${(gunzipSync(first).length / 1e6).toFixed(0)} MB of NDJSON)`);
    console.log(same ? "round trip: exact (the two exports are byte-for-byte equal)" : "round trip: DIFFERENT");
    if (!same) process.exitCode = 1;
  } finally {
    await remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
