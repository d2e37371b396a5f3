import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

/**
 * Removing the temporary folders that tests and benchmarks make for the servers they start
 * (a Chancery's data folder, an embedded PostgreSQL's, nginx's). Left behind, they piled up
 * in /tmp (6.5 GB after a day of test runs on one machine).
 * Vitest-free, so that the Playwright side (e2e/support, playwright.config.ts) uses it too.
 * KEEP_TEST_DIRS=1 keeps them for a look afterwards (README, "Test it").
 */

/** How long a PostgreSQL still running in the folder gets to stop after SIGINT (fast shutdown). */
const STOP_WAIT_MS = 20_000;

/**
 * The PostgreSQL servers still running on data in `dir` or a folder directly in it (the
 * layouts the tests use: `<dir>/postgres`, `<dir>/data`): each leaves its process id in
 * postmaster.pid while it runs, and removes the file when it stops cleanly.
 */
function postmastersIn(dir: string): Array<{ pid: number; dataDir: string }> {
  if (!existsSync(dir)) return [];
  const candidates = [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name))];
  return candidates.flatMap((dataDir) => {
    const pidFile = path.join(dataDir, "postmaster.pid");
    if (!existsSync(pidFile)) return [];
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 && runs(pid, dataDir) ? [{ pid, dataDir }] : [];
  });
}

/**
 * Whether `pid` is a postgres of `dataDir` (`postgres -D <dataDir>`, Linux's /proc). A pid file
 * left by a server killed with SIGKILL may name a number another process has taken since; a
 * server that exited but was not yet reaped (a zombie) has an empty command line.
 */
function runs(pid: number, dataDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dataDir);
  } catch {
    return false;
  }
}

function interrupt(pid: number): void {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    // already gone
  }
}

/** Whether the folder stays: kept on request, or a server in it would not stop (said why). */
function keeps(dir: string, stillRunning: Array<{ pid: number; dataDir: string }>): boolean {
  if (stillRunning.length) {
    for (const { pid, dataDir } of stillRunning) console.error(`not removing ${dir}: PostgreSQL (pid ${pid}) still runs in ${dataDir} ${STOP_WAIT_MS / 1000} s after SIGINT`);
    return true;
  }
  if (process.env.KEEP_TEST_DIRS === "1") {
    console.error(`KEEP_TEST_DIRS=1: keeping ${dir}`);
    return true;
  }
  return false;
}

/**
 * Removes a temporary folder once whatever ran in it has stopped: the caller stops its own
 * servers first; a PostgreSQL still running on data in it (its launcher was killed with
 * SIGKILL, or stopped before its database) is sent SIGINT and waited for. As root the
 * cluster's files belong to user postgres; root removes them all the same.
 */
export async function removeTempFolder(dir: string): Promise<void> {
  if (!dir) return;
  let running = postmastersIn(dir);
  for (const { pid } of running) interrupt(pid);
  const deadline = Date.now() + STOP_WAIT_MS;
  while (running.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    running = running.filter(({ pid, dataDir }) => runs(pid, dataDir));
  }
  if (keeps(dir, running)) return;
  await rm(dir, { recursive: true, force: true });
}

/** removeTempFolder for a process.on("exit") handler, where nothing asynchronous runs any more. */
export function removeTempFolderSync(dir: string): void {
  if (!dir) return;
  let running = postmastersIn(dir);
  for (const { pid } of running) interrupt(pid);
  const deadline = Date.now() + STOP_WAIT_MS;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (running.length && Date.now() < deadline) {
    Atomics.wait(sleeper, 0, 0, 100);
    running = running.filter(({ pid, dataDir }) => runs(pid, dataDir));
  }
  if (keeps(dir, running)) return;
  rmSync(dir, { recursive: true, force: true });
}
