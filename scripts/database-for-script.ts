import path from "node:path";
import { isPortOpen } from "./port";
import { embeddedUrlFor, startEmbeddedPostgres } from "@/lib/db/embedded";
import type { Env } from "@/lib/env/schema";
import { migrate } from "@/lib/db/migrate";

/**
 * The database a command-line script works on: DATABASE_URL; else the embedded
 * database of a running Chancery (it owns the data folder, so use it rather than
 * start a second server); else the embedded database, started for the script and
 * stopped after it. It is migrated to this code's schema first.
 */
export async function databaseForScript(env: Env, log: (line: string) => void): Promise<{ url: string; isRunningInstance: boolean; stop: () => Promise<void> }> {
  if (env.DATABASE_URL) {
    await migrate({ connectionString: env.DATABASE_URL, log });
    return { url: env.DATABASE_URL, isRunningInstance: false, stop: async () => {} };
  }
  if (await isPortOpen(env.EMBEDDED_PG_PORT)) {
    return { url: embeddedUrlFor(env.EMBEDDED_PG_PORT, "chancery"), isRunningInstance: true, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(env.CHANCERY_DATA_DIR, "postgres"), port: env.EMBEDDED_PG_PORT, log });
  try {
    await embedded.createDatabase("chancery");
    const url = embedded.urlFor("chancery");
    await migrate({ connectionString: url, log });
    return { url, isRunningInstance: false, stop: () => embedded.stop() };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
