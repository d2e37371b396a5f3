import { z } from "zod";

/**
 * The backup file (docs/backup-format.md): gzip'd NDJSON, one JSON value a line.
 *   1. a header naming the format, its version and the migration the data came from;
 *   2. one line a row, `{"t": table, "r": {column: value, …}}`, table by table with
 *      parents before children and rows in primary-key order;
 *   3. a trailer with the row count of every table and the SHA-256 of every byte
 *      before it, so a cut or edited file is refused rather than half restored.
 */
export const BACKUP_FORMAT = "chancery-backup";
export const BACKUP_FORMAT_VERSION = 1;

export const BackupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int().min(1),
    migration: z.string().min(1),
    exportedAt: z.string(),
    withCredentials: z.boolean(),
    tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)), rows: z.number().int().min(0) }).strict()),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

export const BackupRowSchema = z.object({ t: z.string().min(1), r: z.record(z.string(), z.unknown()) }).strict();

export const BackupTrailerSchema = z
  .object({
    end: z.literal(true),
    rows: z.record(z.string(), z.number().int().min(0)),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type BackupTrailer = z.infer<typeof BackupTrailerSchema>;

/** What a refused backup file or target database gets: one sentence, nothing written. */
export class BackupError extends Error {
  override name = "BackupError";
}
