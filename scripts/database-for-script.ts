import path from "node:path";
import { isPortOpen } from "./port";
import { embeddedUrl, readEmbeddedCredentials } from "@/lib/db/embedded";
import { OWNER_ROLE } from "@/lib/db/roles";
import type { Env } from "@/lib/env/schema";
import { migrateAndGrant, openDatabase } from "@/lib/startup/prepare";

/**
 * The database a command-line script works on, as the role that owns the schema
 * (a script runs with shell access, and a restore sets sequences, which the app's
 * role may not): DATABASE_OWNER_URL or DATABASE_URL; else the embedded database of
 * a running Chancery (it owns the data folder, so use it rather than start a second
 * server); else the embedded database, started for the script and stopped after it.
 * It is migrated to this code's schema first.
 */
export async function databaseForScript(env: Env, log: (line: string) => void): Promise<{ url: string; isRunningInstance: boolean; stop: () => Promise<void> }> {
  if (env.DATABASE_URL) {
    const ownerUrl = env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
    await migrateAndGrant({ url: env.DATABASE_URL, ownerUrl, log });
    return { url: ownerUrl, isRunningInstance: false, stop: async () => {} };
  }
  const credentials = readEmbeddedCredentials(path.resolve(env.CHANCERY_DATA_DIR));
  if (credentials && (await isPortOpen(env.EMBEDDED_PG_PORT))) {
    const url = embeddedUrl({ port: env.EMBEDDED_PG_PORT, user: OWNER_ROLE, password: credentials.owner, database: "chancery" });
    return { url, isRunningInstance: true, stop: async () => {} };
  }
  const { url, ownerUrl, embedded } = await openDatabase(env, log);
  try {
    await migrateAndGrant({ url, ownerUrl, log });
    return { url: ownerUrl, isRunningInstance: false, stop: async () => embedded?.stop() };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
