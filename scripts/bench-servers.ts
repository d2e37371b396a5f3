/**
 * `npm run bench:servers`: what Chancery's own server and its processes give, side by
 * side in one run, on the cached event page of the demo record, with wrk (Debian's
 * `wrk`) on 127.0.0.1:
 *
 *   1. Chancery with 1 web process and with 2 (goal: 2 ≥ 1.7 × 1);
 *   2. Chancery with 1 web process against a bare Next 16 app serving a page of the
 *      same size, prerendered (goal ≥ 0.9 ×);
 *   3. Chancery behind deploy/nginx.conf against nginx serving the same HTML as a
 *      file (goal ≥ 0.5 ×);
 *   4. every process's resident memory after that load (goal ≤ 1.5 × bare Next).
 *
 * `npm run bench:scale` prints the same on the scale record (`scripts/bench-web.ts`
 * measures for both). Needs wrk and nginx; builds first if the build is stale. Starts
 * its own embedded PostgreSQL and everything else it measures, in turns, BENCH_ROUNDS
 * times, so that every target sees the same machine; medians are printed. Every request
 * loop is bounded in time; everything it started is stopped at the end.
 *
 *   BENCH_SECONDS=10 BENCH_ROUNDS=3 BENCH_CONNECTIONS=50 npm run bench:servers
 */
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { freePort } from "./bench-support";
import { measureServers, requireTools, Started } from "./bench-web";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const EVENT = "/events/kazakhstan-to-join-the-abraham-accords";

async function main() {
  requireTools();
  console.log(`Chancery web servers — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}\n`);
  const started = new Started();
  const database = await startEmbeddedPostgres({ dataDir: path.join(started.folder("pg"), "postgres"), port: await freePort(), log: () => {} });
  started.atStop(() => database.stop());
  try {
    await database.createDatabase("chancery");
    await measureServers(started, { databaseUrl: database.urlFor("chancery"), eventPath: EVENT, seedDemo: true, seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS });
  } finally {
    await started.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
