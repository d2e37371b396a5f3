/**
 * `npm run bench:cache`: what Chancery's caching costs per request and in memory,
 * side by side with a bare Next.js page of the same size, in one run, on the demo record.
 *
 *   npm run bench:cache                      # ten minutes of distinct URLs (the goal's span)
 *   BENCH_DISTINCT_SECONDS=120 npm run bench:cache
 *
 * It starts Chancery the production way (building first if the build is stale) on a
 * fresh embedded database (demo record), builds and starts a bare Next 16 app whose one
 * prerendered page is the cached event page's markup, padded to its size, then with wrk
 * (Debian's `wrk`) against 127.0.0.1 only:
 *  1. cached event page vs the bare page: req/s, median and p99 at c50, alternating
 *     rounds so that both see the same machine; the ratio (goal ≥ 0.9);
 *  2. resident memory of each web server after that load (goal ≤ 1.5× bare);
 *  3. requests to distinct URLs (event pages that do not exist, list pages with
 *     filters, searches, API queries) for BENCH_DISTINCT_SECONDS, printing memory
 *     each minute (goal: ≤ 10 % growth).
 * `npm run bench:scale` prints the same on the scale record (`scripts/bench-web.ts`).
 * Every request loop is bounded in time; everything started is stopped at the end.
 */
import os from "node:os";
import { wrk, wrkSummary, type WrkFigures } from "./bench-support";
import { chanceryRss, measureDistinctUrls, requireTools, startBareNext, startChancery, Started, treeRss } from "./bench-web";

const C = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DISTINCT_SECONDS = Number(process.env.BENCH_DISTINCT_SECONDS ?? 600);

const log = (line: string) => console.log(line);
const wrkFor = (url: string, seconds: number) => wrk(url, { seconds, connections: C });

async function main(started: Started) {
  requireTools(["wrk"]);
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const server = await startChancery(started, { processes: 1, seedDemo: true });
  const app = server.base;
  const events = (await (await fetch(`${app}/api/v1/events?limit=50`)).json()) as { data: Array<{ slug: string }> };
  // The event page with the most to show stands for "the cached event page".
  let eventPath = "";
  let html = "";
  for (const { slug } of events.data) {
    const text = await (await fetch(`${app}/events/${slug}`)).text();
    if (text.length > html.length) [eventPath, html] = [`/events/${slug}`, text];
  }
  log(`Chancery: ${app} (one web process), cached event page ${eventPath}: ${(html.length / 1024).toFixed(1)} KB`);

  const bareServer = await startBareNext(started, html);
  const bare = `${bareServer.base}/`;
  const bareSize = (await (await fetch(bare)).text()).length;
  log(`bare Next 16: ${bare}, prerendered page of about the same size: ${(bareSize / 1024).toFixed(1)} KB`);

  // Warm both, then alternate rounds so that both meet the same machine.
  wrkFor(app + eventPath, 3);
  wrkFor(bare, 3);
  const ours: WrkFigures[] = [];
  const theirs: WrkFigures[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    ours.push(wrkFor(app + eventPath, ROUND_SECONDS));
    theirs.push(wrkFor(bare, ROUND_SECONDS));
  }
  const a = wrkSummary(ours);
  const b = wrkSummary(theirs);
  log("");
  log(`wrk -t2 -c${C}, ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s, medians:`);
  log(`  ${"".padEnd(28)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}`);
  log(`  ${"Chancery cached event page".padEnd(28)}${a.rps.toFixed(0).padStart(9)}${a.p50.toFixed(1).padStart(9)}${a.p99.toFixed(1).padStart(9)}${String(a.errors).padStart(8)}`);
  log(`  ${"bare Next 16 page".padEnd(28)}${b.rps.toFixed(0).padStart(9)}${b.p50.toFixed(1).padStart(9)}${b.p99.toFixed(1).padStart(9)}${String(b.errors).padStart(8)}`);
  log(`  ratio req/s: ${(a.rps / b.rps).toFixed(2)} (goal ≥ 0.90); per round: ${ours.map((r, i) => (r.rps / theirs[i]!.rps).toFixed(2)).join(", ")}`);

  const appAfterLoad = chanceryRss(server.pid);
  const bareMb = treeRss(bareServer.pid);
  log("");
  log(`memory after that load (resident): Chancery ${appAfterLoad.toFixed(0)} MB, bare Next ${bareMb.toFixed(0)} MB; ratio ${(appAfterLoad / bareMb).toFixed(2)} (goal ≤ 1.5)`);

  if (DISTINCT_SECONDS > 0) {
    log("");
    measureDistinctUrls(started, { server, seconds: DISTINCT_SECONDS, connections: C, bareMb });
  }
}

const started = new Started();
main(started)
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => void started.stop().then(() => process.exit()));
