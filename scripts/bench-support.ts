import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";

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
