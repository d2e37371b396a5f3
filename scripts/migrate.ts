/** `npm run db:migrate`: applies pending migrations (as the owner role) to DATABASE_URL's database, or to the embedded one. */
import { EnvError, parseEnv } from "@/lib/env/schema";
import { describeDatabaseError } from "@/lib/db/errors";
import { MigrationError } from "@/lib/db/migrate";
import { migrateAndGrant, openDatabase, StartupError } from "@/lib/startup/prepare";

const log = (line: string) => console.log(`[chancery] ${line}`);

async function main() {
  const env = parseEnv(process.env);
  const { url, ownerUrl, embedded } = await openDatabase(env, log);
  try {
    const { applied } = await migrateAndGrant({ url, ownerUrl, log });
    log(applied.length ? `applied ${applied.length} migration(s)` : "no pending migrations");
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof EnvError || error instanceof MigrationError || error instanceof StartupError || (error instanceof Error && error.name === "EmbeddedPostgresError")
      ? error.message
      : describeDatabaseError(error, process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL);
  console.error(`[chancery] ${message}`);
  process.exit(1);
});
