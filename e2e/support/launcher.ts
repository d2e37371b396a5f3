import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { removeTempFolder } from "../../lib/testing/remove-temp-folder";

export { freePort } from "../../lib/db/embedded";

/** A fresh data folder for a Chancery of a spec's own; `cleanUp` removes it. */
export function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chancery-ops-"));
  chmodSync(dir, 0o755);
  return dir;
}

export interface Instance {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts Chancery's launcher (`npm start`'s script) as a person would, with its own
 * ports and data; with `viaNpm`, through `npm start` itself (then `process` is npm).
 */
export function launch(env: Record<string, string>, options: { viaNpm?: boolean } = {}): Instance {
  let output = "";
  const [command, args]: [string, string[]] = options.viaNpm ? ["npm", ["start", "--silent"]] : [process.execPath, ["scripts/start.mjs"]];
  const child = spawn(command, args, {
    env: { ...process.env, NODE_ENV: "production", HOSTNAME: "127.0.0.1", SEED_DEMO: "true", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

/** Polls until /api/ready answers 200; returns the seconds it took. */
export async function waitUntilReady(port: number, instance: Instance, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (instance.process.exitCode !== null) throw new Error(`Chancery exited early:\n${instance.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return (Date.now() - started) / 1000;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Chancery was not ready after ${timeoutMs} ms:\n${instance.output()}`);
}

export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/**
 * Cleans up after a spec that launched Chancery, whatever state it failed in: stops
 * the launcher if it still runs, then removes its data folder, with a PostgreSQL left
 * running in it (as after a kill -9 of the launcher) stopped first.
 */
export async function cleanUp(instance: Instance | null, dataDir: string): Promise<void> {
  if (instance && instance.process.exitCode === null && instance.process.signalCode === null) {
    instance.process.kill("SIGTERM");
    const exited = await Promise.race([instance.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000))]);
    if (!exited) {
      instance.process.kill("SIGKILL");
      await instance.exited;
    }
  }
  await removeTempFolder(dataDir);
}
