/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import path from "node:path";
import { EnvError, parseEnv } from "@/lib/env/schema";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { describeDatabaseError } from "@/lib/db/errors";
import { migrate, MigrationError } from "@/lib/db/migrate";

const log = (line: string) => console.log(`[chancery] ${line}`);

async function main() {
  const env = parseEnv(process.env);
  const embedded = env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: path.resolve(env.CHANCERY_DATA_DIR, "postgres"), port: env.EMBEDDED_PG_PORT, log });
  try {
    if (embedded) await embedded.createDatabase("chancery");
    const url = env.DATABASE_URL ?? embedded!.urlFor("chancery");
    const { applied } = await migrate({ connectionString: url, log });
    log(applied.length ? `applied ${applied.length} migration(s)` : "no pending migrations");
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof EnvError || error instanceof MigrationError || (error instanceof Error && error.name === "EmbeddedPostgresError")
      ? error.message
      : describeDatabaseError(error, process.env.DATABASE_URL);
  console.error(`[chancery] ${message}`);
  process.exit(1);
});
