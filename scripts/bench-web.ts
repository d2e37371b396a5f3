/**
 * The web-server measurements that `bench:servers`, `bench:cache` and `bench:scale`
 * share, each on the record of its caller's database:
 *
 *  - `measureServers`: the cached event page at c50 (wrk, 127.0.0.1 only) from Chancery
 *    with 1 web process and with 2, a bare Next 16 app serving a page of the same size,
 *    Chancery behind deploy/nginx.conf and nginx serving the same HTML as a file, in
 *    turns so that every target meets the same machine; medians, the three ratios against
 *    their goals, and every process's resident memory after the load. Where Chancery's web
 *    processes allocate with jemalloc, a second bare Next server does too, beside the one as
 *    shipped.
 *  - `measureDistinctUrls`: requests to distinct URLs (missing items, searches, filtered
 *    lists, API queries) for a span, printing a web server's memory each minute and its
 *    growth against where it started (goal ≤ 10 %).
 *
 * Every request loop is bounded in time; `stop` ends everything a measurement started.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startProxy, type Proxy } from "@/e2e/support/nginx";
import { webAllocator, webProcessEnv } from "@/lib/server/web-worker-entry";
import { buildBareNext, freePort, median, nextBin, processTree, startLogged, waitForOk, webProcesses, wrk, wrkSummary, type WrkFigures } from "./bench-support";

const GOAL_PROCESSES = 1.7;
const GOAL_BARE = 0.9;
const GOAL_PROXY = 0.5;
const GOAL_MEMORY = 1.5;
const GOAL_GROWTH = 10;

export interface Server {
  base: string;
  /** The launcher's process id (Chancery) or the server's (bare Next). */
  pid: number;
}

/** Processes, proxies and folders a measurement started, ended by `stop`. */
export class Started {
  private children: ChildProcess[] = [];
  private proxies: Proxy[] = [];
  private folders: string[] = [];
  private last: Array<() => Promise<void>> = [];
  private stopping = false;

  /** Runs `end` at stop, after the processes end and before the folders go (a database in one). */
  atStop(end: () => Promise<void>): void {
    this.last.push(end);
  }

  folder(name: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), `chancery-bench-${name}-`));
    chmodSync(dir, 0o755); // as root, an embedded PostgreSQL runs as user postgres
    this.folders.push(dir);
    return dir;
  }

  process(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
    const name = path.basename(args[args.length - 1] ?? command);
    const { child, tail } = startLogged(command, args, { cwd: options.cwd ?? process.cwd(), env: { ...process.env, ...options.env }, logDir: this.folder("log"), name });
    child.on("exit", (code, signal) => {
      if (!this.stopping) console.error(`${name} exited (${code ?? signal}):\n${tail(5000)}`);
    });
    this.children.push(child);
    return child;
  }

  proxy(proxy: Proxy): Proxy {
    this.proxies.push(proxy);
    return proxy;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const proxy of this.proxies.splice(0)) await proxy.stop();
    for (const child of this.children.splice(0).reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await Promise.race([new Promise((r) => child.once("exit", r)), new Promise((r) => setTimeout(r, 20_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
    }
    for (const end of this.last.splice(0).reverse()) await end().catch((error: unknown) => console.error(error));
    for (const dir of this.folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Chancery the production way (`scripts/start.mjs`, as `npm start`, NODE_ENV=production) on `databaseUrl`,
 * or on its own embedded PostgreSQL without one.
 */
export async function startChancery(started: Started, options: { databaseUrl?: string; processes: number; seedDemo: boolean }): Promise<Server> {
  const port = await freePort();
  const database = options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { EMBEDDED_PG_PORT: String(await freePort()) };
  const launcher = started.process(process.execPath, ["scripts/start.mjs"], {
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ...database,
      CHANCERY_DATA_DIR: started.folder("data"),
      WEB_CONCURRENCY: String(options.processes),
      SEED_DEMO: String(options.seedDemo),
      // Warnings only: the log is a file, and an access-log line per request would fill it.
      LOG_LEVEL: "warn",
      LOG_FORMAT: "json",
    },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/api/ready`, 15 * 60_000); // a stale build is rebuilt first
  return { base, pid: launcher.pid! };
}

/**
 * A bare Next 16 app whose one page, prerendered at build, is as large as `html`; `env` adds
 * to its environment (an allocator); `built`, the folder of one already built.
 */
export async function startBareNext(started: Started, html: string, options: { env?: Record<string, string>; built?: string } = {}): Promise<Server & { dir: string }> {
  let dir = options.built;
  if (!dir) {
    dir = started.folder("bare-next");
    buildBareNext(html, dir);
  }
  const port = await freePort();
  const server = started.process(process.execPath, [nextBin(), "start", "--port", String(port), "--hostname", "127.0.0.1"], { cwd: dir, env: { NODE_ENV: "production", ...options.env } });
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/`, 60_000);
  return { base, pid: server.pid!, dir };
}

/** nginx serving `html` as a file (the ceiling any server on this machine can reach). */
async function startFileServer(started: Started, html: string): Promise<string> {
  const dir = started.folder("nginx-file");
  writeFileSync(path.join(dir, "index.html"), html);
  const port = await freePort();
  const conf = path.join(dir, "nginx.conf");
  const temp = (name: string) => `${name}_temp_path ${dir}/${name};`;
  writeFileSync(
    conf,
    [
      process.getuid?.() === 0 ? "user root;" : "",
      "worker_processes 1; daemon off;",
      `pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;`,
      "events { worker_connections 1024; }",
      `http { access_log off; ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}`,
      `  server { listen 127.0.0.1:${port}; root ${dir}; location / { default_type text/html; try_files /index.html =404; } } }`,
    ].join("\n"),
  );
  started.process("nginx", ["-p", dir, "-c", conf]);
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/`, 15_000);
  return base;
}

/** The tools the web measurements run (all of them unless named); a clear error where one is missing. */
export function requireTools(tools: string[] = ["wrk", "nginx"]): void {
  for (const tool of tools) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) throw new Error(`${tool} is not installed (apt-get install -y ${tool})`);
  }
}

/** Seconds of uncounted load on each Node server before the rounds (BENCH_WARM_SECONDS). */
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 30);

const verdict = (value: number, goal: number, atLeast: boolean) =>
  (atLeast ? value >= goal : value <= goal) ? "met" : `missed by ${Math.abs(goal - value).toFixed(2)}`;

export interface ServersResult {
  /** Chancery with one web process, still running (for `measureDistinctUrls`). */
  one: Server;
  /** The bare Next server's resident memory after its load (MB), all its processes. */
  bareMb: number;
  /** Chancery's one web process after its load (MB), read as its last round ended. */
  oneAfterLoadMb: number;
}

/**
 * Starts Chancery twice on `databaseUrl` (2 web processes, then 1: servers share a
 * database as deployments do), a bare Next page and nginx serving the event page's HTML,
 * deploy/nginx.conf in front of the two-process server; measures `eventPath` on each in
 * turns and prints the figures, the ratios and the memory. Everything stays running
 * until `started.stop()`.
 */
export async function measureServers(
  started: Started,
  options: { databaseUrl: string; eventPath: string; seedDemo: boolean; seconds: number; rounds: number; connections: number },
): Promise<ServersResult> {
  const { eventPath, seconds, rounds, connections } = options;
  // The first server migrates (and seeds, where asked); the second starts on the same database.
  const twoServer = await startChancery(started, { databaseUrl: options.databaseUrl, processes: 2, seedDemo: options.seedDemo });
  const oneServer = await startChancery(started, { databaseUrl: options.databaseUrl, processes: 1, seedDemo: options.seedDemo });
  const [one, two] = [oneServer.base, twoServer.base];
  for (const base of [one, two]) for (let i = 0; i < 3; i++) await (await fetch(base + eventPath)).arrayBuffer();
  const response = await fetch(one + eventPath);
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${eventPath} answered ${response.status}`);
  const bareServer = await startBareNext(started, html);
  const bare = bareServer.base;
  // Chancery's web processes allocate with jemalloc where it is installed (webAllocator): the
  // bare page's server is measured as shipped (glibc's malloc), and beside it with jemalloc
  // as Chancery's web processes get it, so that what the allocator gives either server is seen.
  const allocator = webAllocator();
  const bareJemalloc = allocator.kind === "jemalloc" ? await startBareNext(started, html, { env: webProcessEnv({}, allocator), built: bareServer.dir }) : undefined;
  const bareBytes = (await (await fetch(`${bare}/`)).arrayBuffer()).byteLength;
  const file = await startFileServer(started, html);
  const proxy = started.proxy(await startProxy([two.replace("http://", "")]));
  for (let i = 0; i < 3; i++) await (await fetch(proxy.url(eventPath))).arrayBuffer();

  console.log(`the cached event page (${eventPath}), wrk -t2 -c${connections} -d${seconds}s on 127.0.0.1, ${rounds} rounds in turn, medians:`);
  // Each target with its uncounted first pass. A fresh Node server speeds up over its first
  // tens of seconds of load (V8 optimising the hot paths, its heap growing to the allocation
  // rate), and a server of two processes, each getting half the requests, takes about twice
  // as long. With 3 s of it, round 1 had the lowest 2-processes/1 ratio in each of four runs
  // (1.36, 1.39, 1.45, 1.52 against 1.59-2.38 after it, 3-4 December), and a fresh web
  // process went from 577 to about 950 req/s over its first 40 s (docs/performance.md,
  // "Two web processes on two cores"). The rounds measure servers that have been running,
  // as a deployment's do; bench:scale measures a first render after a restart on its own.
  // nginx (serving the file, or the proxy's cached copy) needs only its sockets opened.
  // Each Node server's memory is read as its last round ends, not once every target is done:
  // a Node process idle for some tens of seconds has its heap shrunk by V8's memory reducer,
  // so a reading taken after the others' rounds depended on the server's place in the turn
  // (on 5 December, with a sixth target, the bare page's server read 80 MB against 132-139
  // in the runs before, and Chancery's one process 153 against 225).
  type Memory = Array<{ pid: number; rssMb: number }>;
  const whole = (pid: number) => (): Memory => [{ pid, rssMb: treeRss(pid) }];
  const [ONE, TWO, BARE, BARE_JEMALLOC] = ["Chancery, 1 web process", "Chancery, 2 web processes", "bare Next 16, same size (1 process)", "bare Next 16 with jemalloc, as Chancery's"];
  const targets: Array<[name: string, url: string, warmSeconds: number, memory?: () => Memory]> = [
    [ONE, one + eventPath, WARM_SECONDS, () => webProcesses(oneServer.pid)],
    [TWO, two + eventPath, WARM_SECONDS, () => webProcesses(twoServer.pid)],
    [BARE, `${bare}/`, WARM_SECONDS, whole(bareServer.pid)],
    ...(bareJemalloc ? [[BARE_JEMALLOC, `${bareJemalloc.base}/`, WARM_SECONDS, whole(bareJemalloc.pid)] as [string, string, number, () => Memory]] : []),
    ["Chancery via deploy/nginx.conf", proxy.url(eventPath), 3],
    ["nginx serving the HTML as a file", `${file}/`, 3],
  ];
  const afterLoad = new Map<string, Memory>();
  for (const [, target, warmSeconds] of targets) wrk(target, { seconds: warmSeconds, connections });
  const results = new Map<string, WrkFigures[]>(targets.map(([name]) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const [name, target, , memory] of targets) {
      results.get(name)!.push(wrk(target, { seconds, connections }));
      if (round === rounds && memory) afterLoad.set(name, memory());
    }
    console.log(`  round ${round} of ${rounds} done`);
  }
  const summary = new Map([...results].map(([name, runs]) => [name, wrkSummary(runs)]));
  console.log(`  event page ${Buffer.byteLength(html)} bytes; bare Next page ${bareBytes} bytes`);
  console.log(`  ${"target".padEnd(40)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}`);
  for (const [name, s] of summary) {
    console.log(`  ${name.padEnd(40)}${s.rps.toFixed(0).padStart(9)}${s.p50.toFixed(2).padStart(9)}${s.p99.toFixed(2).padStart(9)}${String(s.errors).padStart(8)}`);
  }
  const rps = (name: string) => summary.get(name)!.rps;
  const ratio = (label: string, a: string, b: string, goal: number) => {
    const value = rps(a) / rps(b);
    const rounds = results.get(a)!.map((r, i) => r.rps / results.get(b)![i]!.rps);
    // The verdict is on the ratio of the medians; each round's own ratio (both measured
    // within a minute of each other) is printed beside it, with their median.
    console.log(
      `  ${label.padEnd(48)} ${value.toFixed(2)}  (goal ≥ ${goal}) ${verdict(value, goal, true)}; per round ${rounds.map((r) => r.toFixed(2)).join(", ")} (median ${median(rounds).toFixed(2)})`,
    );
  };
  ratio("2 web processes / 1", TWO, ONE, GOAL_PROCESSES);
  ratio("Chancery (1 process) / bare Next", ONE, BARE, GOAL_BARE);
  ratio("Chancery via deploy/nginx.conf / nginx file", "Chancery via deploy/nginx.conf", "nginx serving the HTML as a file", GOAL_PROXY);

  // Resident memory after the load: the launcher and each web process, and the bare
  // Next server (goal: each web process ≤ 1.5 × the bare Next page's server).
  const bareMb = afterLoad.get(BARE)![0]!.rssMb;
  const bareJemallocMb = afterLoad.get(BARE_JEMALLOC)?.[0]?.rssMb;
  console.log(`\nresident memory after that load, each server's read as its last round ended (MB); Chancery's web processes allocate with ${allocator.kind === "jemalloc" ? `jemalloc (${allocator.library})` : `glibc's malloc (${allocator.reason})`}:`);
  console.log(`  ${"bare Next 16 (next start, all its processes)".padEnd(48)} ${bareMb.toFixed(0)}`);
  if (bareJemallocMb !== undefined) console.log(`  ${"bare Next 16 with jemalloc, as Chancery's".padEnd(48)} ${bareJemallocMb.toFixed(0)}`);
  for (const [label, server] of [[ONE, oneServer], [TWO, twoServer]] as const) {
    const [launcher] = processTree(server.pid);
    console.log(`  ${`${label}: launcher`.padEnd(48)} ${launcher!.rssMb.toFixed(0)}`);
    for (const [i, p] of afterLoad.get(label)!.entries()) {
      const value = p.rssMb / bareMb;
      const sameAllocator = bareJemallocMb === undefined ? "" : `; ${(p.rssMb / bareJemallocMb).toFixed(2)} × bare Next with jemalloc`;
      console.log(`  ${`${label}: web ${i + 1}`.padEnd(48)} ${p.rssMb.toFixed(0)}  (${value.toFixed(2)} × bare Next; goal ≤ ${GOAL_MEMORY}) ${verdict(value, GOAL_MEMORY, false)}${sameAllocator}`);
    }
  }
  return { one: oneServer, bareMb, oneAfterLoadMb: afterLoad.get(ONE)!.reduce((sum, p) => sum + p.rssMb, 0) };
}

/** A wrk script that asks for a different URL on every request. */
function distinctUrlScript(started: Started): string {
  const file = path.join(started.folder("wrk"), "distinct.lua");
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

/** Resident memory of a process and its descendants (MB). */
export const treeRss = (pid: number) => processTree(pid).reduce((sum, p) => sum + p.rssMb, 0);

/** Resident memory of Chancery's web processes under a launcher (MB). */
export const chanceryRss = (launcherPid: number) => webProcesses(launcherPid).reduce((sum, p) => sum + p.rssMb, 0);

/**
 * Requests to distinct URLs (each one new: missing items, searches, filtered lists, API
 * queries) at `connections` for `seconds`, a minute at a time, printing the web
 * processes' memory after each minute and the growth over the span (goal ≤ 10 %).
 */
export function measureDistinctUrls(
  started: Started,
  options: {
    server: Server;
    seconds: number;
    connections: number;
    bareMb: number;
    /** The web processes' memory as their last load ended (measureServers), the growth's base; else read now. */
    afterLoadMb?: number;
  },
): void {
  const { server, seconds, connections, bareMb } = options;
  const script = distinctUrlScript(started);
  console.log(`distinct URLs for ${seconds} s at c${connections} (missing items, searches, filtered lists and API queries, each URL new):`);
  const now = chanceryRss(server.pid);
  const start = options.afterLoadMb ?? now;
  console.log(
    options.afterLoadMb === undefined
      ? `  at the start: ${start.toFixed(0)} MB in ${webProcesses(server.pid).length} web process(es)`
      : `  at the start: ${start.toFixed(0)} MB in ${webProcesses(server.pid).length} web process(es) as the cached-page load ended (${now.toFixed(0)} MB now, after the other servers' rounds)`,
  );
  let left = seconds;
  let elapsed = 0;
  let requests = 0;
  const minutes: number[] = [];
  while (left > 0) {
    const step = Math.min(60, left);
    const r = wrk(server.base + "/", { seconds: step, connections, script });
    requests += r.rps * step;
    left -= step;
    elapsed += step;
    const now = chanceryRss(server.pid);
    minutes.push(now);
    console.log(`  after ${String(elapsed).padStart(4)} s: ${now.toFixed(0)} MB (${(((now - start) / start) * 100).toFixed(1)} %), ${r.rps.toFixed(0)} req/s, p99 ${r.p99.toFixed(0)} ms, ${r.errors} not 2xx (${((r.errors / Math.max(1, r.rps * step)) * 100).toFixed(0)} %; missing items, 2 in 5, answer 404)`);
  }
  const end = minutes[minutes.length - 1] ?? start;
  const growth = ((end - start) / start) * 100;
  console.log(
    `  growth over ${seconds} s and ~${Math.round(requests).toLocaleString("en")} distinct URLs: ${growth.toFixed(1)} % (goal ≤ ${GOAL_GROWTH} %) ${verdict(growth, GOAL_GROWTH, false)}; ` +
      `${end.toFixed(0)} MB = ${(end / bareMb).toFixed(2)} × bare Next` +
      (minutes.length > 1 ? `; from the first minute to the last ${(((end - minutes[0]!) / minutes[0]!) * 100).toFixed(1)} %` : ""),
  );
}
