import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { removeTempFolder } from "./remove-temp-folder";

export type Cleanups = Array<() => Promise<unknown>>;

/** Cleanups that run after the file's tests, last first (a server stops before its folder goes). */
export function cleanupsAfterAll(): Cleanups {
  const cleanups: Cleanups = [];
  afterAll(async () => {
    while (cleanups.length) await cleanups.pop()!().catch(() => {});
  });
  return cleanups;
}

/** A fresh temporary folder (an embedded PostgreSQL may keep its data in it), removed by `cleanups`. */
export async function tempDataFolder(name: string, cleanups: Cleanups): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), `chancery-${name}-`));
  await chmod(root, 0o755); // as root, the server runs as user postgres
  cleanups.push(() => removeTempFolder(root));
  return root;
}
