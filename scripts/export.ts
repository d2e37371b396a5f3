/** `npm run export -- --out FILE [--with-credentials]`: the whole record as one backup file (docs/backup.md). */
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import { exportRecord } from "@/lib/backup/export-record";
import { parseEnv } from "@/lib/env/schema";
import { progressPrinter } from "./backup-progress";
import { logLine, runCommand } from "./command";
import { databaseForScript } from "./database-for-script";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" }, "with-credentials": { type: "boolean", default: false } } });
  if (!values.out) throw new Error("Give --out, e.g. npm run export -- --out chancery-backup.ndjson.gz");
  const env = parseEnv(process.env);
  const database = await databaseForScript(env, logLine);
  // Written beside the target and renamed at the end: a failed export never leaves a file that looks whole.
  const partial = `${values.out}.partial`;
  const progress = progressPrinter("exported");
  try {
    const { rows } = await exportRecord({
      connectionString: database.url,
      out: createWriteStream(partial, { mode: values["with-credentials"] ? 0o600 : 0o644 }),
      withCredentials: values["with-credentials"],
      onProgress: progress.onProgress,
    });
    progress.done();
    await rename(partial, values.out);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    logLine(`wrote ${values.out}: ${total.toLocaleString("en")} rows in ${Object.keys(rows).length} tables${values["with-credentials"] ? " (with password hashes: keep it safe)" : ""}`);
  } catch (error) {
    progress.done();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await database.stop();
  }
}

runCommand(main);
