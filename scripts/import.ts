/** `npm run import -- --in FILE`: restores a backup file into an empty database (docs/backup.md). */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { parseArgs } from "node:util";
import { BackupError } from "@/lib/backup/format";
import { restoreRecord } from "@/lib/backup/restore-record";
import { EnvError, parseEnv } from "@/lib/env/schema";
import { progressPrinter } from "./backup-progress";
import { databaseForScript } from "./database-for-script";

const log = (line: string) => console.error(`[chancery] ${line}`);

async function main() {
  const { values } = parseArgs({ options: { in: { type: "string" } } });
  if (!values.in) throw new Error("Give --in, e.g. npm run import -- --in chancery-backup.ndjson.gz");
  await access(values.in).catch(() => {
    throw new Error(`There is no file ${values.in}.`);
  });
  const env = parseEnv(process.env);
  const database = await databaseForScript(env, log);
  const progress = progressPrinter("restored");
  try {
    const { header, rows } = await restoreRecord({ connectionString: database.url, input: createReadStream(values.in), onProgress: progress.onProgress });
    progress.done();
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    log(`restored ${total.toLocaleString("en")} rows from the record as it was at ${header.exportedAt}`);
    if (!header.withCredentials) log("the file had no passwords: staff sign in again with a reset link from an admin (or `npm run user:create`)");
    if (!database.isRunningInstance) log("start Chancery with `npm start`");
  } catch (error) {
    progress.done();
    if (error instanceof BackupError) throw new Error(`${error.message} Nothing was restored.`);
    throw error;
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[chancery] ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
