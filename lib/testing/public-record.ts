import { beforeAll } from "vitest";
import { seedEditorialStates } from "@/lib/api/public-fixtures";
import { db } from "@/lib/db/client";
import { loadDemoRecord } from "@/lib/seed/load-demo";

/**
 * Before the file's tests: the demo record, plus one item in every editorial state
 * that must never be public (lib/api/public-fixtures.ts). The returned object is
 * filled in once they are written, so a test reads `leak.fixtures` as it runs.
 */
export function seedPublicRecordBeforeAll(prefix: string) {
  const leak = {} as Awaited<ReturnType<typeof seedEditorialStates>>;
  beforeAll(async () => {
    await loadDemoRecord(db);
    Object.assign(leak, await seedEditorialStates(db, prefix));
  });
  return leak;
}
