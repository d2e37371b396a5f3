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
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { startProxy, type Proxy } from "@/e2e/support/nginx";
import { isBuildCurrent } from "./build-stamp";
import { startLogged, waitForOk } from "./bench-support";

const require = createRequire(import.meta.url);
const root = process.cwd();
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const EVENT = "/events/kazakhstan-to-join-the-abraham-accords";

const children: ChildProcess[] = [];
const proxies: Proxy[] = [];
const folders: string[] = [];
let stopping = false;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

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

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function toMs(text: string): number {
  const m = /([\d.]+)(us|ms|s)\b/.exec(text);
  if (!m) return NaN;
  return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
}

function wrk(url: string): Figures {
  const run = spawnSync("wrk", ["-t2", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--latency", url], { encoding: "utf8", timeout: (SECONDS + 30) * 1000 });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr || String(run.error)}`);
  const out = run.stdout;
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ""),
    p99: toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ""),
    errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + (socket ? socket.slice(1).reduce((s, v) => s + Number(v), 0) : 0),
  };
}

/** The process and its descendants (Linux /proc), each with its resident memory in MB. */
function processTree(pid: number): Array<{ pid: number; name: string; rssMb: number }> {
  const out: Array<{ pid: number; name: string; rssMb: number }> = [];
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
      const cmdline = readFileSync(`/proc/${id}/cmdline`, "utf8").split("\0").filter(Boolean);
      out.push({ pid: id, name: cmdline.slice(-1)[0] ?? "", rssMb: rss });
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // gone meanwhile
    }
  };
  visit(pid);
  return out;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

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
  mkdirSync(path.join(dir, "app"));
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  // The page's markup without its scripts, which Next sends twice (as HTML and as the
  // page's RSC payload) around ~7.8 KB of its own; padded with hidden text to reach the
  // event page's size (both sizes are printed).
  const markup = (/<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html).replace(/<script[\s\S]*?<\/script>/g, "");
  const padding = Math.max(0, Math.round((Buffer.byteLength(html) - 7_800) / 2) - Buffer.byteLength(markup));
  const body = `${markup}<p hidden>${"diplomatic record ".repeat(Math.ceil(padding / 18)).slice(0, padding)}</p>`;
  writeFileSync(path.join(dir, "body.html"), body);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare", private: true, type: "module" }));
  writeFileSync(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: "/" }, poweredByHeader: false };\n`);
  writeFileSync(path.join(dir, "app", "layout.jsx"), `export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n`);
  writeFileSync(
    path.join(dir, "app", "page.jsx"),
    `import { readFileSync } from "node:fs";\nimport path from "node:path";\nconst body = readFileSync(path.join(process.cwd(), "body.html"), "utf8");\nexport default function Page() { return <div dangerouslySetInnerHTML={{ __html: body }} />; }\n`,
  );
  const next = require.resolve("next/dist/bin/next");
  const built = spawnSync(process.execPath, [next, "build"], { cwd: dir, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" } });
  if (built.status !== 0) throw new Error(`building the bare Next app failed:\n${built.stdout}\n${built.stderr}`);
  const port = await freePort();
  const server = start(process.execPath, [next, "start", "--port", String(port), "--hostname", "127.0.0.1"], { cwd: dir, env: { NODE_ENV: "production" } });
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
    const results = new Map<string, Figures[]>(targets.map(([name]) => [name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, target] of targets) results.get(name)!.push(wrk(target));
      console.log(`round ${round} of ${ROUNDS} done`);
    }
    const summary = new Map([...results].map(([name, runs]) => [name, { rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), errors: runs.reduce((s, r) => s + r.errors, 0) }]));
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
      const [launcher, ...rest] = processTree(server.pid);
      const web = rest.filter((p) => /web-worker\.(ts|mjs)$/.test(p.name));
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
