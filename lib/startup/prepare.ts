import path from "node:path";
import pg from "pg";
import type { Env } from "@/lib/env/schema";
import { createDb } from "@/lib/db/client";
import { embeddedUrl, ensureEmbeddedCredentials, startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { checkServerVersion, describeDatabaseError } from "@/lib/db/errors";
import { migrate } from "@/lib/db/migrate";
import { readSharedMemory, sharedMemoryLine, type SharedMemory } from "@/lib/db/shared-memory";
import { prepareJobQueues } from "@/lib/jobs/queue";
import { APP_ROLE, currentRole, ensureRoles, grantAppPrivileges, OWNER_ROLE, transferOwnership } from "@/lib/db/roles";

export class StartupError extends Error {
  override name = "StartupError";
}

// Held while seeding and creating the first admin, so two instances starting at
// once do it once.
const SETUP_LOCK_KEY = 72707370;
const DATABASE = "chancery";

export interface PreparedDatabase {
  /** What the web server connects with: the app role (read and write rows, own nothing). */
  url: string;
  /** What migrations connect with: the role that owns the schema. */
  ownerUrl: string;
  embedded: EmbeddedPostgres | null;
  generatedAdminPassword: string | null;
  adminEmail: string | null;
  stop(): Promise<void>;
}

/** The two connection strings, starting the embedded PostgreSQL when DATABASE_URL is unset. */
export async function openDatabase(env: Env, log: (line: string) => void): Promise<{ url: string; ownerUrl: string; embedded: EmbeddedPostgres | null }> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, ownerUrl: env.DATABASE_OWNER_URL ?? env.DATABASE_URL, embedded: null };
  }
  const credentials = await ensureEmbeddedCredentials(path.resolve(env.CHANCERY_DATA_DIR));
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(env.CHANCERY_DATA_DIR, "postgres"),
    port: env.EMBEDDED_PG_PORT,
    superuserPassword: credentials.superuser,
    log,
  }).catch((error: unknown) => {
    throw new StartupError(error instanceof Error ? error.message : String(error));
  });
  try {
    await ensureRoles(embedded.adminUrl, [
      { name: OWNER_ROLE, password: credentials.owner },
      { name: APP_ROLE, password: credentials.app },
    ]);
    await embedded.createDatabase(DATABASE, { owner: OWNER_ROLE });
    const moved = await transferOwnership(embedded.urlFor(DATABASE), OWNER_ROLE);
    if (moved > 0) log(`handed ${moved} database objects to the ${OWNER_ROLE} role`);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  log(`embedded PostgreSQL is running on 127.0.0.1:${env.EMBEDDED_PG_PORT} (data in ${env.CHANCERY_DATA_DIR}/postgres)`);
  const port = env.EMBEDDED_PG_PORT;
  return {
    url: embeddedUrl({ port, user: APP_ROLE, password: credentials.app, database: DATABASE }),
    ownerUrl: embeddedUrl({ port, user: OWNER_ROLE, password: credentials.owner, database: DATABASE }),
    embedded,
  };
}

/** Migrations as the owner, then the app role's grants (also for tables those migrations made). */
export async function migrateAndGrant(options: { url: string; ownerUrl: string; log: (line: string) => void }) {
  const result = await migrate({ connectionString: options.ownerUrl, log: options.log });
  // One role for both (a single DATABASE_URL): nothing to grant, and no separation.
  const appRole = options.ownerUrl !== options.url ? await currentRole(options.url) : undefined;
  if (appRole) await grantAppPrivileges(options.ownerUrl, appRole);
  // The job queue's own schema (pg-boss), made and upgraded by its library, as the owner.
  await prepareJobQueues(options.ownerUrl, { appRole });
  return result;
}

/** Connects and checks the server's version; with `readMemory`, also reads its shared memory (null if that read fails: it only informs). */
async function checkConnection(url: string, variable: string, { readMemory = false } = {}): Promise<SharedMemory | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await checkServerVersion(client);
    return readMemory ? await readSharedMemory(client).catch(() => null) : null;
  } catch (error) {
    const message =
      error instanceof Error && error.message.startsWith("PostgreSQL 14") ? error.message : describeDatabaseError(error, url);
    throw new StartupError(message.replace("DATABASE_URL", variable));
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Everything between "the process started" and "the app may serve": a database
 * (embedded unless DATABASE_URL is set), migrations as the owner role, the app
 * role's grants, reference data, the demo record and the first admin.
 */
export async function prepareDatabase(options: {
  env: Env;
  log: (line: string) => void;
  seedDemo?: boolean;
}): Promise<PreparedDatabase> {
  const { env, log } = options;
  const { url, ownerUrl, embedded } = await openDatabase(env, log);
  const stopEmbedded = async () => embedded?.stop();

  try {
    const memory = await checkConnection(url, "DATABASE_URL", { readMemory: true });
    if (memory) log(sharedMemoryLine(memory));
    if (ownerUrl !== url) await checkConnection(ownerUrl, "DATABASE_OWNER_URL");

    try {
      const { applied } = await migrateAndGrant({ url, ownerUrl, log });
      if (applied.length === 0) log("database schema is up to date");
    } catch (error) {
      throw new StartupError(error instanceof Error ? error.message : String(error));
    }

    const db = createDb(url, { max: 2 });
    const lock = new pg.Client({ connectionString: url });
    await lock.connect();
    try {
      await lock.query("SELECT pg_advisory_lock($1)", [SETUP_LOCK_KEY]);
      const { loadCountries } = await import("@/lib/seed/countries");
      await loadCountries(db);
      const { shouldLoadDemoRecord } = await import("@/lib/seed/demo-policy");
      if ((options.seedDemo ?? env.SEED_DEMO) && (await shouldLoadDemoRecord(db))) {
        const { loadDemoRecord } = await import("@/lib/seed/load-demo");
        const created = await loadDemoRecord(db);
        if (created > 0) log(`loaded the demo record (${created} records)`);
      }
      const { ensureFirstAdmin } = await import("@/lib/users/ensure-first-admin");
      const admin = await ensureFirstAdmin(db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
      return {
        url,
        ownerUrl,
        embedded,
        generatedAdminPassword: admin.generatedPassword,
        adminEmail: admin.created ? admin.email : null,
        stop: stopEmbedded,
      };
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [SETUP_LOCK_KEY]).catch(() => {});
      await lock.end().catch(() => {});
      await db.$disconnect();
    }
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
}
