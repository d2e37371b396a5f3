/**
 * `npm run bench:cache`: what Chancery's caching costs per request and in memory,
 * side by side with a bare Next.js page of the same size, in one run.
 *
 *   npm run bench:cache                      # ten minutes of distinct URLs (the goal's span)
 *   BENCH_DISTINCT_SECONDS=120 npm run bench:cache
 *
 * It builds Chancery if needed, starts it the production way on a fresh embedded
 * database (demo record), builds and starts a bare Next 16 app whose one prerendered
 * page is the cached event page's markup, padded to its size, then with wrk (Debian's `wrk`) against
 * 127.0.0.1 only:
 *  1. cached event page vs the bare page: req/s, median and p99 at c50, alternating
 *     rounds so that both see the same machine; the ratio (goal ≥ 0.9);
 *  2. resident memory of each web server after that load (goal ≤ 1.5× bare);
 *  3. requests to distinct URLs (event pages that do not exist, list pages with
 *     filters, searches, API queries) for BENCH_DISTINCT_SECONDS, printing memory
 *     each minute (goal: ≤ 10 % growth).
 * Every request loop is bounded in time; everything started is stopped at the end.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "./build";
import { isBuildCurrent } from "./build-stamp";
import { buildBareNext, freePort, nextBin, processTree, startLogged, waitForOk, webProcesses, wrk, wrkSummary, type WrkFigures } from "./bench-support";

const root = process.cwd();
const C = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DISTINCT_SECONDS = Number(process.env.BENCH_DISTINCT_SECONDS ?? 600);
const started: ChildProcess[] = [];
const temp: string[] = [];

const log = (line: string) => console.log(line);

function startProcess(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> }): ChildProcess {
  const logDir = mkdtempSync(path.join(os.tmpdir(), "chancery-bench-log-"));
  temp.push(logDir);
  const { child, tail } = startLogged(command, args, { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, logDir, name: path.basename(args[args.length - 1] ?? command) });
  child.on("exit", (code) => {
    if (code && code !== 0 && !stopping) console.error(`${command} ${args.join(" ")} exited ${code}:\n${tail()}`);
  });
  started.push(child);
  return child;
}

/** Resident memory of Chancery's web processes under the launcher (MB). */
const chanceryRss = (launcherPid: number) => webProcesses(launcherPid).reduce((sum, p) => sum + p.rssMb, 0);
/** Resident memory of a process and its descendants (MB). */
const treeRss = (pid: number) => processTree(pid).reduce((sum, p) => sum + p.rssMb, 0);
const wrkFor = (url: string, seconds: number, script?: string) => wrk(url, { seconds, connections: C, script });

/** A wrk script that asks for a different URL on every request. */
function distinctUrlScript(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "chancery-bench-wrk-")), "distinct.lua");
  temp.push(path.dirname(file));
  writeFileSync(
    file,
    `counter = 0
local words = {"kazakhstan", "accords", "summit", "call", "treaty", "israel", "signing", "minister", "energy", "trade"}
request = function()
  counter = counter + 1
  local n = counter .. "-" .. math.random(1, 1000000000)
  local kind = counter % 5
  local p
  if kind == 0 then p = "/events/no-such-event-" .. n
  elseif kind == 1 then p = "/search?q=" .. words[(counter % #words) + 1] .. "+" .. n
  elseif kind == 2 then p = "/api/v1/events?limit=" .. ((counter % 50) + 1) .. "&from=" .. (1900 + counter % 125)
  elseif kind == 3 then p = "/events?from=" .. (1900 + counter % 125) .. "-" .. string.format("%02d", (counter % 12) + 1)
  else p = "/statements/no-such-statement-" .. n end
  return wrk.format("GET", p)
end
`,
  );
  return file;
}

let stopping = false;
async function stopAll() {
  stopping = true;
  for (const child of started.reverse()) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([new Promise((r) => child.once("exit", r)), new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
}

async function main() {
  if (spawnSync("wrk", ["--version"]).error) throw new Error("wrk is needed: apt-get install -y wrk");
  if (!isBuildCurrent()) {
    log("building Chancery (the code changed since the last build)");
    build();
  }
  const [appPort, pgPort, barePort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chancery-bench-data-"));
  chmodSync(dataDir, 0o755);
  temp.push(dataDir);
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const launcher = startProcess(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    // Warnings only: its log is a file (startLogged), and an access-log line per request would fill it.
    env: { PORT: String(appPort), HOSTNAME: "127.0.0.1", EMBEDDED_PG_PORT: String(pgPort), CHANCERY_DATA_DIR: dataDir, SEED_DEMO: "true", NODE_ENV: "production", WEB_CONCURRENCY: "1", LOG_LEVEL: "warn" },
  });
  await waitForOk(`http://127.0.0.1:${appPort}/api/ready`, 240_000);
  const app = `http://127.0.0.1:${appPort}`;
  const events = (await (await fetch(`${app}/api/v1/events?limit=50`)).json()) as { data: Array<{ slug: string }> };
  // The event page with the most to show stands for "the cached event page".
  let eventPath = "";
  let html = "";
  for (const { slug } of events.data) {
    const text = await (await fetch(`${app}/events/${slug}`)).text();
    if (text.length > html.length) [eventPath, html] = [`/events/${slug}`, text];
  }
  log(`Chancery: ${app} (one web process), cached event page ${eventPath}: ${(html.length / 1024).toFixed(1)} KB`);

  const bareDir = mkdtempSync(path.join(os.tmpdir(), "chancery-bench-bare-"));
  temp.push(bareDir);
  buildBareNext(html, bareDir);
  const bareServer = startProcess(process.execPath, [nextBin(), "start", "-p", String(barePort), "-H", "127.0.0.1"], { cwd: bareDir, env: { NODE_ENV: "production" } });
  const bare = `http://127.0.0.1:${barePort}/`;
  await waitForOk(bare, 60_000);
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

  const appAfterLoad = chanceryRss(launcher.pid!);
  const bareAfterLoad = treeRss(bareServer.pid!);
  log("");
  log(`memory after that load (resident): Chancery ${appAfterLoad.toFixed(0)} MB in ${webProcesses(launcher.pid!).length} web process(es), bare Next ${bareAfterLoad.toFixed(0)} MB; ratio ${(appAfterLoad / bareAfterLoad).toFixed(2)} (goal ≤ 1.5)`);

  if (DISTINCT_SECONDS > 0) {
    const script = distinctUrlScript();
    log("");
    log(`distinct URLs for ${DISTINCT_SECONDS} s (missing items, searches, filtered lists and API queries, each URL new):`);
    const start = chanceryRss(launcher.pid!);
    let left = DISTINCT_SECONDS;
    let minute = 0;
    let requests = 0;
    while (left > 0) {
      const step = Math.min(60, left);
      const r = wrkFor(app + "/", step, script);
      requests += r.rps * step;
      left -= step;
      minute += step;
      const now = chanceryRss(launcher.pid!);
      log(`  after ${String(minute).padStart(4)} s: ${now.toFixed(0)} MB (${(((now - start) / start) * 100).toFixed(1)} %), ${r.rps.toFixed(0)} req/s, p99 ${r.p99.toFixed(0)} ms`);
    }
    const end = chanceryRss(launcher.pid!);
    log(`  growth over ${DISTINCT_SECONDS} s and ~${Math.round(requests)} distinct URLs: ${(((end - start) / start) * 100).toFixed(1)} % (goal ≤ 10 %), ${end.toFixed(0)} MB = ${(end / bareAfterLoad).toFixed(2)}× bare Next`);
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => void stopAll().then(() => process.exit()));
