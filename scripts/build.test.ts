import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildWebWorker } from "./build";

// Into a folder of its own: `npm test` builds the real bundle beside these tests.
const folder = mkdtempSync(path.join(os.tmpdir(), "chancery-bundle-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** This process's children, by their command lines (Linux's /proc). */
function childCommands(): string[] {
  return readdirSync(`/proc/${process.pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${process.pid}/task/${task}/children`, "utf8")
      .split(" ")
      .filter(Boolean)
      .map((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
        } catch {
          return ""; // already gone
        }
      }),
  );
}

describe("building the web process's bundle", () => {
  it("leaves no esbuild service behind in the process that built it (npm start's launcher)", async () => {
    const bundle = path.join(folder, "web-worker.mjs");
    buildWebWorker(bundle);
    expect(existsSync(bundle)).toBe(true);
    // The worker thread and its service end asynchronously once stopped.
    await expect.poll(() => childCommands().filter((command) => command.includes("esbuild")), { timeout: 5_000 }).toEqual([]);
  });
});
