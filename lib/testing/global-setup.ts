import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { prepareJobQueues } from "@/lib/jobs/queue";
import { createDb } from "@/lib/db/client";
import { loadCountries } from "@/lib/seed/countries";
import { TEMPLATE_DB, withDatabase } from "./database-urls";
import { removeTempFolder } from "./remove-temp-folder";

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL's server, or a throw-away
 * embedded cluster. A template database is migrated (with countries loaded) once;
 * each worker then clones it (lib/testing/worker-setup.ts).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | null = null;
  let dir = "";
  const teardown = async () => {
    await embedded?.stop();
    // The cluster goes with the server (ephemeral); the folder it was made in would stay.
    await removeTempFolder(dir);
  };
  let adminUrl = process.env.TEST_DATABASE_URL;
  try {
    if (!adminUrl) {
      dir = await mkdtemp(path.join(os.tmpdir(), "chancery-test-pg-"));
      await chmod(dir, 0o755); // as root, the server runs as user postgres
      embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), ephemeral: true });
      adminUrl = embedded.adminUrl;
    }
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    // Template databases from an earlier, interrupted run are replaced.
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
    await migrate({ connectionString: templateUrl });
    await prepareJobQueues(templateUrl);
    const db = createDb(templateUrl, { max: 1 });
    await loadCountries(db);
    await db.$disconnect();
  } catch (error) {
    // A setup that fails returns no teardown for Vitest to run (a broken migration, say).
    await teardown().catch(() => {});
    throw error;
  }

  project.provide("testAdminUrl", adminUrl);
  return teardown;
}

declare module "vitest" {
  export interface ProvidedContext {
    testAdminUrl: string;
  }
}
