import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";

export { freePort };

/** What a benchmark ran on, printed first so that figures from two machines are not compared blindly. */
export function machineLine() {
  return `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`;
}

/** A throwaway PostgreSQL in a temporary folder; `remove` stops it and deletes the folder. */
export async function startBenchPostgres(name: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `chancery-bench-${name}-`));
  await chmod(dir, 0o755); // as root, the server runs as user postgres
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), ephemeral: true });
  return {
    server,
    async remove() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until a URL answers 2xx, polling; throws after timeoutMs. */
export async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Starts a server for a bench with its output going to a file, not to a pipe: the
 * benches run wrk synchronously (spawnSync), and while it runs nothing would drain a
 * pipe. A server that logged more than a pipe holds (64 KB: an access-log line per
 * request, or one error line per refused request under a flood) then blocked on its
 * next write and answered nothing (0 req/s). `tail` reads the end of the file for a
 * report of why it stopped.
 */
export function startLogged(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logDir: string; name: string }) {
  const file = path.join(options.logDir, `${options.name}.log`);
  const fd = openSync(file, "a");
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const tail = (chars = 3000) => {
    try {
      return readFileSync(file, "utf8").slice(-chars);
    } catch {
      return "";
    }
  };
  return { child, tail };
}

/** What one wrk run measured: requests a second, latency median and p99 in ms, and errors. */
export interface WrkFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function wrkMs(text: string): number {
  const m = /([\d.]+)(us|ms|s)\b/.exec(text);
  if (!m) return NaN;
  return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
}

/**
 * Debian's wrk (two threads) against `url` for `seconds` with `connections` open, and
 * `script` (a Lua file) where given. Non-2xx answers and socket errors count as errors.
 */
export function wrk(url: string, options: { seconds: number; connections: number; script?: string }): WrkFigures {
  const args = ["-t2", `-c${options.connections}`, `-d${options.seconds}s`, "--latency", ...(options.script ? ["-s", options.script] : []), url];
  const run = spawnSync("wrk", args, { encoding: "utf8", timeout: (options.seconds + 30) * 1000 });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr || String(run.error)}`);
  const out = run.stdout;
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: wrkMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ""),
    p99: wrkMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ""),
    errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + (socket ? socket.slice(1).reduce((sum, v) => sum + Number(v), 0) : 0),
  };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The medians of several wrk runs of one target, and their errors summed. */
export const wrkSummary = (runs: WrkFigures[]): WrkFigures => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  errors: runs.reduce((sum, r) => sum + r.errors, 0),
});

/** A process and its descendants (Linux /proc), each with its resident memory in MB. */
export function processTree(pid: number): Array<{ pid: number; name: string; rssMb: number }> {
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

/** Chancery's web processes under a launcher: its children that run the web worker. */
export const webProcesses = (launcherPid: number) => processTree(launcherPid).filter((p) => /web-worker\.(ts|mjs)$/.test(p.name));

/**
 * Builds, in the empty folder `dir`, a bare Next 16 app whose one page is prerendered at
 * build and as large as `html`: the page's markup without its scripts (Next sends markup
 * twice, as HTML and as the page's RSC payload, around ~7.8 KB of its own), padded with
 * hidden text to reach `html`'s size. Callers print both sizes. It reaches this project's
 * node_modules by a link; `next start` in `dir` serves it.
 */
export function buildBareNext(html: string, dir: string): void {
  mkdirSync(path.join(dir, "app"));
  symlinkSync(path.join(process.cwd(), "node_modules"), path.join(dir, "node_modules"));
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
  const built = spawnSync(process.execPath, [nextBin(), "build"], { cwd: dir, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" } });
  if (built.status !== 0) throw new Error(`building the bare Next app failed:\n${built.stdout}\n${built.stderr}`);
}

/** Next's command-line entry, for `next build` and `next start` of the bare app. */
export const nextBin = () => createRequire(import.meta.url).resolve("next/dist/bin/next");
