/**
 * `npm run audit:archive [-- --older-than 365]`: moves audit rows older than the given
 * number of days (default AUDIT_RETENTION_DAYS, at least 90) from AuditLog to
 * AuditLogArchive, as the owner role. Recent rows stay append-only, whoever asks.
 */
import { parseArgs } from "node:util";
import { archiveAuditLog } from "@/lib/audit/archive-audit";
import { describeDatabaseError } from "@/lib/db/errors";
import { EnvError, parseEnv } from "@/lib/env/schema";
import { readWholeNumber } from "@/lib/records/fields";
import { openDatabase, StartupError } from "@/lib/startup/prepare";

const log = (line: string) => console.log(`[chancery] ${line}`);

async function main() {
  const env = parseEnv(process.env);
  const { values } = parseArgs({ options: { "older-than": { type: "string" } } });
  const given = values["older-than"];
  const olderThanDays = given === undefined ? env.AUDIT_RETENTION_DAYS : readWholeNumber(given.trim());
  if (olderThanDays === null) throw new Error(`--older-than takes a whole number of days, such as 365 (got "${given}").`);
  const { ownerUrl, embedded } = await openDatabase(env, log);
  try {
    await archiveAuditLog({ ownerUrl, olderThanDays, log });
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof EnvError || error instanceof StartupError || (error instanceof Error && !("code" in error))
      ? (error as Error).message
      : describeDatabaseError(error, process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL);
  console.error(`[chancery] ${message}`);
  process.exit(1);
});
