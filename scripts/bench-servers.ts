/**
 * `npm run bench:servers`: what Chancery's own server and its processes give, side by
 * side in one run, on the cached event page, with wrk (Debian's `wrk`) on 127.0.0.1:
 *
 *   1. Chancery with 1 web process and with 2 (goal: 2 ≥ 1.7 × 1);
 *   2. Chancery with 1 web process against a bare Next 16 app serving a page of the
 *      same size, prerendered (goal ≥ 0.9 ×);
 *   3. Chancery behind deploy/nginx.conf against nginx serving the same HTML as a
 *      file (goal ≥ 0.5 ×).
 *
 * Needs a production build (`npm run build`), wrk and nginx. Starts its own embedded
 * PostgreSQL, both Chancery servers on it (they share it, as servers do), the bare
 * app and two nginx; the targets are measured in turns, BENCH_ROUNDS times, so that
 * every one sees the same machine; medians are printed. Every request loop is bounded
 * in time; everything it started is stopped at the end.
 *
 *   BENCH_SECONDS=10 BENCH_ROUNDS=3 BENCH_CONNECTIONS=50 npm run bench:servers
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { startProxy, type Proxy } from "@/e2e/support/nginx";
import { isBuildCurrent } from "./build-stamp";
import { buildBareNext, freePort, nextBin, processTree, startLogged, waitForOk, webProcesses, wrk, wrkSummary, type WrkFigures } from "./bench-support";

const root = process.cwd();
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const EVENT = "/events/kazakhstan-to-join-the-abraham-accords";

const children: ChildProcess[] = [];
const proxies: Proxy[] = [];
const folders: string[] = [];
let stopping = false;

function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `chancery-bench-${name}-`));
  chmodSync(dir, 0o755);
  folders.push(dir);
  return dir;
}

function start(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): ChildProcess {
  const { child, tail } = startLogged(command, args, { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, logDir: tempDir("log"), name: path.basename(args[args.length - 1] ?? command) });
  child.on("exit", (code) => {
    if (!stopping) console.error(`${path.basename(args[args.length - 1] ?? command)} exited (${code}):\n${tail(5000)}`);
  });
  children.push(child);
  return child;
}

async function startChancery(databaseUrl: string, processes: number): Promise<{ base: string; pid: number }> {
  const port = await freePort();
  const launcher = start(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      CHANCERY_DATA_DIR: tempDir("data"),
      WEB_CONCURRENCY: String(processes),
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      LOG_FORMAT: "json",
    },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/api/ready`, 240_000);
  return { base, pid: launcher.pid! };
}

/** A bare Next 16 app whose one page, prerendered at build, is as large as `html`. */
async function startBareNext(html: string): Promise<{ base: string; pid: number }> {
  const dir = tempDir("bare-next");
  buildBareNext(html, dir);
  const port = await freePort();
  const server = start(process.execPath, [nextBin(), "start", "--port", String(port), "--hostname", "127.0.0.1"], { cwd: dir, env: { NODE_ENV: "production" } });
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/`, 60_000);
  return { base, pid: server.pid! };
}

/** nginx serving `html` as a file (the ceiling any server on this machine can reach). */
async function startFileServer(html: string): Promise<string> {
  const dir = tempDir("nginx-file");
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
  start("nginx", ["-p", dir, "-c", conf]);
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/`, 15_000);
  return base;
}

async function main() {
  for (const tool of ["wrk", "nginx"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) throw new Error(`${tool} is not installed (apt-get install -y ${tool})`);
  }
  if (!isBuildCurrent()) throw new Error("Build first: npm run build");
  console.log(`Chancery web servers — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}`);
  console.log(`wrk -t2 -c${CONNECTIONS} -d${SECONDS}s on 127.0.0.1, ${ROUNDS} rounds in turn, medians\n`);

  const pgPort = await freePort();
  const database = await startEmbeddedPostgres({ dataDir: path.join(tempDir("pg"), "postgres"), port: pgPort, log: () => {} });
  const stopDatabase = () => database.stop();
  try {
    await database.createDatabase("chancery");
    const url = database.urlFor("chancery");
    // One server migrates and seeds; the other then starts on the same database.
    const twoServer = await startChancery(url, 2);
    const oneServer = await startChancery(url, 1);
    const [one, two] = [oneServer.base, twoServer.base];
    for (const base of [one, two]) for (let i = 0; i < 3; i++) await (await fetch(base + EVENT)).arrayBuffer();
    const html = await (await fetch(one + EVENT)).text();
    const bareServer = await startBareNext(html);
    const bare = bareServer.base;
    const bareBytes = (await (await fetch(`${bare}/`)).arrayBuffer()).byteLength;
    const file = await startFileServer(html);
    const proxy = await startProxy([two.replace("http://", "")]);
    proxies.push(proxy);
    for (let i = 0; i < 3; i++) await (await fetch(proxy.url(EVENT))).arrayBuffer();

    const targets: Array<[string, string]> = [
      ["Chancery, 1 web process", one + EVENT],
      ["Chancery, 2 web processes", two + EVENT],
      ["bare Next 16, same size (1 process)", `${bare}/`],
      ["Chancery via deploy/nginx.conf", proxy.url(EVENT)],
      ["nginx serving the HTML as a file", `${file}/`],
    ];
    const results = new Map<string, WrkFigures[]>(targets.map(([name]) => [name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, target] of targets) results.get(name)!.push(wrk(target, { seconds: SECONDS, connections: CONNECTIONS }));
      console.log(`round ${round} of ${ROUNDS} done`);
    }
    const summary = new Map([...results].map(([name, runs]) => [name, wrkSummary(runs)]));
    console.log(`\nevent page ${Buffer.byteLength(html)} bytes; bare Next page ${bareBytes} bytes\n`);
    console.log("target".padEnd(40), "req/s".padStart(9), "p50 ms".padStart(8), "p99 ms".padStart(8), "errors".padStart(7));
    for (const [name, s] of summary) {
      console.log(name.padEnd(40), s.rps.toFixed(0).padStart(9), s.p50.toFixed(2).padStart(8), s.p99.toFixed(2).padStart(8), String(s.errors).padStart(7));
    }
    const rps = (name: string) => summary.get(name)!.rps;
    const ratio = (label: string, a: string, b: string, goal: number) => {
      const value = rps(a) / rps(b);
      console.log(`${label.padEnd(52)} ${value.toFixed(2)}  (goal ≥ ${goal}) ${value >= goal ? "met" : `missed by ${(goal - value).toFixed(2)}`}`);
    };
    console.log("");
    ratio("2 web processes / 1", "Chancery, 2 web processes", "Chancery, 1 web process", 1.7);
    ratio("Chancery (1 process) / bare Next", "Chancery, 1 web process", "bare Next 16, same size (1 process)", 0.9);
    ratio("Chancery via deploy/nginx.conf / nginx file", "Chancery via deploy/nginx.conf", "nginx serving the HTML as a file", 0.5);

    // Resident memory after the load: the launcher and each web process, and the bare
    // Next server (goal: each web process ≤ 1.5 × the bare Next page's server).
    const bareMb = processTree(bareServer.pid).reduce((sum, p) => sum + p.rssMb, 0);
    console.log(`\nresident memory after the load (MB)`);
    console.log(`${"bare Next 16 (next start, all its processes)".padEnd(52)} ${bareMb.toFixed(0)}`);
    for (const [label, server] of [["Chancery, 1 web process", oneServer], ["Chancery, 2 web processes", twoServer]] as const) {
      const [launcher] = processTree(server.pid);
      const web = webProcesses(server.pid);
      console.log(`${`${label}: launcher`.padEnd(52)} ${launcher!.rssMb.toFixed(0)}`);
      for (const [i, p] of web.entries()) {
        const value = p.rssMb / bareMb;
        console.log(`${`${label}: web ${i + 1}`.padEnd(52)} ${p.rssMb.toFixed(0)}  (${value.toFixed(2)} × bare Next; goal ≤ 1.5) ${value <= 1.5 ? "met" : `missed by ${(value - 1.5).toFixed(2)}`}`);
      }
    }
  } finally {
    stopping = true;
    for (const proxy of proxies) await proxy.stop();
    for (const child of children.reverse()) {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
    }
    await stopDatabase();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
