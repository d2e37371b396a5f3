import pg from "pg";

/** Rows younger than this never leave the audit log (the database refuses it too). */
export const MIN_RETENTION_DAYS = 90;

/**
 * Moves audit rows older than `olderThanDays` into "AuditLogArchive", in batches, each
 * batch one transaction (copied, then deleted under the trigger's one exception).
 * Run as the owner role: the app's role may not delete audit rows at all.
 */
export async function archiveAuditLog(options: { ownerUrl: string; olderThanDays: number; batchSize?: number; log?: (line: string) => void }) {
  if (!Number.isInteger(options.olderThanDays) || options.olderThanDays < MIN_RETENTION_DAYS) {
    throw new Error(`Audit rows are kept at least ${MIN_RETENTION_DAYS} days (asked: ${options.olderThanDays}).`);
  }
  const batchSize = options.batchSize ?? 5_000;
  const client = new pg.Client({ connectionString: options.ownerUrl });
  await client.connect();
  let moved = 0;
  try {
    while (true) {
      await client.query("BEGIN");
      try {
        await client.query("SET LOCAL chancery.audit_archive = 'on'");
        const { rowCount } = await client.query(
          `WITH batch AS (
             SELECT * FROM "AuditLog" WHERE "at" < now() - make_interval(days => $1::int) ORDER BY "id" LIMIT $2
           ), copied AS (
             INSERT INTO "AuditLogArchive" ("id", "at", "actorId", "actorEmail", "action", "targetType", "targetId", "summary", "ip", "userAgent")
             SELECT "id", "at", "actorId", "actorEmail", "action", "targetType", "targetId", "summary", "ip", "userAgent" FROM batch
             ON CONFLICT ("id") DO NOTHING
           )
           SELECT 1 FROM batch`,
          [options.olderThanDays, batchSize],
        );
        // The copy must be visible to the trigger's check before the delete: a second statement.
        const deleted = await client.query(
          `DELETE FROM "AuditLog" l USING "AuditLogArchive" a
            WHERE a."id" = l."id" AND l."at" < now() - make_interval(days => $1::int)`,
          [options.olderThanDays],
        );
        await client.query("COMMIT");
        moved += deleted.rowCount ?? 0;
        if (!rowCount || rowCount < batchSize) break;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    }
  } finally {
    await client.end();
  }
  options.log?.(`moved ${moved} audit rows older than ${options.olderThanDays} days to AuditLogArchive`);
  return { moved };
}
