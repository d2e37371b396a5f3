import path from "node:path";
import pg from "pg";
import type { Env } from "@/lib/env/schema";
import { createDb } from "./client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";
import { checkServerVersion, describeDatabaseError } from "./errors";
import { migrate } from "./migrate";

export class StartupError extends Error {
  override name = "StartupError";
}

// Held while seeding and creating the first admin, so two instances starting at
// once do it once.
const SETUP_LOCK_KEY = 72707370;

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedPostgres | null;
  generatedAdminPassword: string | null;
  adminEmail: string | null;
  stop(): Promise<void>;
}

/**
 * Everything between "the process started" and "the app may serve": a database
 * (embedded unless DATABASE_URL is set), migrations, reference data, the demo
 * record and the first admin.
 */
export async function prepareDatabase(options: {
  env: Env;
  log: (line: string) => void;
  seedDemo?: boolean;
}): Promise<PreparedDatabase> {
  const { env, log } = options;
  let embedded: EmbeddedPostgres | null = null;
  let url = env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(env.CHANCERY_DATA_DIR, "postgres"),
      port: env.EMBEDDED_PG_PORT,
      log,
    }).catch((error: unknown) => {
      throw new StartupError(error instanceof Error ? error.message : String(error));
    });
    await embedded.createDatabase("chancery");
    url = embedded.urlFor("chancery");
    log(`embedded PostgreSQL is running on 127.0.0.1:${env.EMBEDDED_PG_PORT} (data in ${env.CHANCERY_DATA_DIR}/postgres)`);
  }
  const stopEmbedded = async () => embedded?.stop();

  try {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
      await checkServerVersion(client);
    } catch (error) {
      throw new StartupError(
        error instanceof Error && error.message.startsWith("PostgreSQL 14")
          ? error.message
          : describeDatabaseError(error, url),
      );
    } finally {
      await client.end().catch(() => {});
    }

    try {
      const { applied } = await migrate({ connectionString: url, log });
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
