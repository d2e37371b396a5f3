/** `npm run import -- --in FILE`: restores a backup file into an empty database (docs/backup.md). */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { parseArgs } from "node:util";
import { BackupError } from "@/lib/backup/format";
import { restoreRecord } from "@/lib/backup/restore-record";
import { parseEnv } from "@/lib/env/schema";
import { progressPrinter } from "./backup-progress";
import { logLine, runCommand } from "./command";
import { databaseForScript } from "./database-for-script";

async function main() {
  const { values } = parseArgs({ options: { in: { type: "string" } } });
  if (!values.in) throw new Error("Give --in, e.g. npm run import -- --in chancery-backup.ndjson.gz");
  await access(values.in).catch(() => {
    throw new Error(`There is no file ${values.in}.`);
  });
  const env = parseEnv(process.env);
  const database = await databaseForScript(env, logLine);
  const progress = progressPrinter("restored");
  try {
    const { header, rows } = await restoreRecord({ connectionString: database.url, input: createReadStream(values.in), onProgress: progress.onProgress });
    progress.done();
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    logLine(`restored ${total.toLocaleString("en")} rows from the record as it was at ${header.exportedAt}`);
    if (!header.withCredentials) logLine("the file had no passwords: staff sign in again with a reset link from an admin (or `npm run user:create`)");
    if (!database.isRunningInstance) logLine("start Chancery with `npm start`");
  } catch (error) {
    progress.done();
    if (error instanceof BackupError) throw new Error(`${error.message} Nothing was restored.`);
    throw error;
  } finally {
    await database.stop();
  }
}

runCommand(main);
