/**
 * `npm run bench:cache`: what Chancery's caching costs per request and in memory,
 * side by side with a bare Next.js page of the same size, in one run.
 *
 *   npm run bench:cache                      # ten minutes of distinct URLs (the goal's span)
 *   BENCH_DISTINCT_SECONDS=120 npm run bench:cache
 *
 * It builds Chancery if needed, starts it the production way on a fresh embedded
 * database (demo record), builds and starts a bare Next 16 app whose one prerendered
 * page is the cached event page's HTML, then with wrk (Debian's `wrk`) against
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
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync, chmodSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { build } from "./build";
import { isBuildCurrent } from "./build-stamp";
import { startLogged, waitForOk } from "./bench-support";

const require = createRequire(import.meta.url);
const root = process.cwd();
const C = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DISTINCT_SECONDS = Number(process.env.BENCH_DISTINCT_SECONDS ?? 600);
const started: ChildProcess[] = [];
const temp: string[] = [];

const log = (line: string) => console.log(line);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = require("node:net").createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

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

/** PIDs of the processes listening on a port (each web process of a server). */
function listeners(port: number): number[] {
  const out = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" }).stdout;
  return [...new Set([...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))];
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * The processes that serve a port: Chancery's web processes (the launcher's children
 * running web-worker; under Node's cluster the launcher itself holds the listening
 * socket, so the socket's owner would be the launcher), or whoever listens on it.
 */
function servers(port: number, launcherPid?: number): number[] {
  if (launcherPid === undefined) return listeners(port);
  const children: number[] = [];
  for (const task of readdirSync(`/proc/${launcherPid}/task`)) {
    const list = readFileSync(`/proc/${launcherPid}/task/${task}/children`, "utf8").trim();
    for (const pid of list ? list.split(/\s+/).map(Number) : []) {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("web-worker")) children.push(pid);
    }
  }
  return children;
}

const totalRss = (port: number, launcherPid?: number) => servers(port, launcherPid).reduce((sum, pid) => sum + rssMb(pid), 0);

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function parseMs(value: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(value);
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === "us" ? n / 1000 : m[2] === "s" ? n * 1000 : n;
}

function wrk(url: string, seconds: number, script?: string): WrkResult {
  const args = ["-t2", `-c${C}`, `-d${seconds}s`, "--latency", ...(script ? ["-s", script] : []), url];
  const run = spawnSync("wrk", args, { encoding: "utf8", timeout: (seconds + 30) * 1000 });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr || run.error}`);
  const out = run.stdout;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: parseMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ""),
    p99: parseMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ""),
    errors: non2xx + (socketErrors ? socketErrors.slice(1).reduce((s, v) => s + Number(v), 0) : 0),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A bare Next 16 app whose one page is `html`'s body, prerendered at build. */
function buildBareNext(html: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chancery-bench-bare-"));
  temp.push(dir);
  mkdirSync(path.join(dir, "app"));
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  // The page's markup without its scripts: Next adds the same markup again as the
  // page's RSC payload, so the bare page ends up about as large as ours.
  const body = (/<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html).replace(/<script[\s\S]*?<\/script>/g, "");
  writeFileSync(path.join(dir, "body.html"), body);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare", private: true, type: "module" }));
  // The app sits outside the repository, reaching its node_modules by a link.
  writeFileSync(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: "/" }, poweredByHeader: false };\n`);
  writeFileSync(path.join(dir, "app", "layout.tsx"), `export default function L({ children }: { children: React.ReactNode }) { return <html lang="en"><body>{children}</body></html>; }\n`);
  writeFileSync(
    path.join(dir, "app", "page.tsx"),
    `import { readFileSync } from "node:fs";\nimport path from "node:path";\nconst body = readFileSync(path.join(process.cwd(), "body.html"), "utf8");\nexport default function Page() { return <div dangerouslySetInnerHTML={{ __html: body }} />; }\n`,
  );
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "ES2022", lib: ["dom", "esnext"], strict: true, noEmit: true, module: "esnext", moduleResolution: "bundler", jsx: "react-jsx", skipLibCheck: true, isolatedModules: true, esModuleInterop: true }, include: ["**/*.tsx"] }),
  );
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: dir, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`building the bare Next app failed:\n${result.stdout}\n${result.stderr}`);
  return dir;
}

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

  const bareDir = buildBareNext(html);
  startProcess(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(barePort), "-H", "127.0.0.1"], { cwd: bareDir, env: { NODE_ENV: "production" } });
  const bare = `http://127.0.0.1:${barePort}/`;
  await waitForOk(bare, 60_000);
  const bareSize = (await (await fetch(bare)).text()).length;
  log(`bare Next 16: ${bare}, prerendered page: ${(bareSize / 1024).toFixed(1)} KB`);

  // Warm both, then alternate rounds so that both meet the same machine.
  wrk(app + eventPath, 3);
  wrk(bare, 3);
  const ours: WrkResult[] = [];
  const theirs: WrkResult[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    ours.push(wrk(app + eventPath, ROUND_SECONDS));
    theirs.push(wrk(bare, ROUND_SECONDS));
  }
  const summary = (rs: WrkResult[]) => ({ rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), errors: rs.reduce((s, r) => s + r.errors, 0) });
  const a = summary(ours);
  const b = summary(theirs);
  log("");
  log(`wrk -t2 -c${C}, ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s, medians:`);
  log(`  ${"".padEnd(28)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}`);
  log(`  ${"Chancery cached event page".padEnd(28)}${a.rps.toFixed(0).padStart(9)}${a.p50.toFixed(1).padStart(9)}${a.p99.toFixed(1).padStart(9)}${String(a.errors).padStart(8)}`);
  log(`  ${"bare Next 16 page".padEnd(28)}${b.rps.toFixed(0).padStart(9)}${b.p50.toFixed(1).padStart(9)}${b.p99.toFixed(1).padStart(9)}${String(b.errors).padStart(8)}`);
  log(`  ratio req/s: ${(a.rps / b.rps).toFixed(2)} (goal ≥ 0.90); per round: ${ours.map((r, i) => (r.rps / theirs[i]!.rps).toFixed(2)).join(", ")}`);

  const appAfterLoad = totalRss(appPort, launcher.pid);
  const bareAfterLoad = totalRss(barePort);
  log("");
  log(`memory after that load (resident): Chancery ${appAfterLoad.toFixed(0)} MB in ${servers(appPort, launcher.pid).length} web process(es), bare Next ${bareAfterLoad.toFixed(0)} MB; ratio ${(appAfterLoad / bareAfterLoad).toFixed(2)} (goal ≤ 1.5)`);

  if (DISTINCT_SECONDS > 0) {
    const script = distinctUrlScript();
    log("");
    log(`distinct URLs for ${DISTINCT_SECONDS} s (missing items, searches, filtered lists and API queries, each URL new):`);
    const start = totalRss(appPort, launcher.pid);
    let left = DISTINCT_SECONDS;
    let minute = 0;
    let requests = 0;
    while (left > 0) {
      const step = Math.min(60, left);
      const r = wrk(app + "/", step, script);
      requests += r.rps * step;
      left -= step;
      minute += step;
      const now = totalRss(appPort, launcher.pid);
      log(`  after ${String(minute).padStart(4)} s: ${now.toFixed(0)} MB (${(((now - start) / start) * 100).toFixed(1)} %), ${r.rps.toFixed(0)} req/s, p99 ${r.p99.toFixed(0)} ms`);
    }
    const end = totalRss(appPort, launcher.pid);
    log(`  growth over ${DISTINCT_SECONDS} s and ~${Math.round(requests)} distinct URLs: ${(((end - start) / start) * 100).toFixed(1)} % (goal ≤ 10 %), ${end.toFixed(0)} MB = ${(end / bareAfterLoad).toFixed(2)}× bare Next`);
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => void stopAll().then(() => process.exit()));
