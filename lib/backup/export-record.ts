import { createHash } from "node:crypto";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type BackupHeader } from "./format";
import { readBackupShape, type TableShape } from "./schema-graph";
import { CREDENTIAL_COLUMNS } from "./tables";

export interface BackupProgress {
  table: string;
  done: number;
  total: number;
}

const FETCH_ROWS = 2_000;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Writes the whole record as a backup file (see ./format.ts) to `out`. It reads
 * one consistent snapshot (REPEATABLE READ), so writes made meanwhile are either
 * wholly in the file or wholly not.
 */
export async function exportRecord(options: {
  connectionString: string;
  out: Writable;
  withCredentials?: boolean;
  onProgress?: (progress: BackupProgress) => void;
  now?: Date;
}): Promise<{ rows: Record<string, number> }> {
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Timestamps are written in UTC whatever the server's zone, so files compare byte for byte.
    await client.query("SET LOCAL TIME ZONE 'UTC'");
    const shapes = await readBackupShape(client);
    const migration = await latestMigration(client);
    const tables: BackupHeader["tables"] = [];
    for (const shape of shapes) {
      const { rows: count } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quote(shape.name)}`);
      tables.push({ name: shape.name, columns: shape.columns, rows: Number(count[0]!.n) });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      migration,
      exportedAt: (options.now ?? new Date()).toISOString(),
      withCredentials: options.withCredentials ?? false,
      tables,
    };

    async function* lines(): AsyncGenerator<string> {
      const hash = createHash("sha256");
      const emit = (line: string) => {
        const text = `${line}\n`;
        hash.update(text);
        return text;
      };
      yield emit(JSON.stringify(header));
      for (const [i, shape] of shapes.entries()) {
        const total = tables[i]!.rows;
        let done = 0;
        for await (const batch of readRows(client, shape, header.withCredentials)) {
          let chunk = "";
          for (const json of batch) chunk += emit(`{"t":${JSON.stringify(shape.name)},"r":${json}}`);
          done += batch.length;
          options.onProgress?.({ table: shape.name, done, total });
          yield chunk;
        }
        if (done !== total) throw new BackupError(`${shape.name} changed while it was read (${done} rows, ${total} counted).`);
        rows[shape.name] = done;
      }
      yield `${JSON.stringify({ end: true, rows, sha256: hash.digest("hex") })}\n`;
    }

    await pipeline(Readable.from(lines()), createGzip(), options.out);
    await client.query("COMMIT");
    return { rows };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The newest migration applied to the database the file is made from. */
export async function latestMigration(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  if (!rows[0]) throw new BackupError("The database has no migrations applied: there is nothing to export.");
  return rows[0].migration_name;
}

/** A table's rows as JSON text, in primary-key order, a batch at a time (a cursor, not all in memory). */
async function* readRows(client: pg.Client, shape: TableShape, withCredentials: boolean): AsyncGenerator<string[]> {
  const hidden = withCredentials ? [] : (CREDENTIAL_COLUMNS[shape.name] ?? []);
  const select = shape.columns
    .map((c) => {
      if (hidden.includes(c)) return `NULL AS ${quote(c)}`;
      if (shape.jsonColumns.includes(c)) return `CASE WHEN ${quote(c)} IS NULL THEN NULL ELSE jsonb_build_array(${quote(c)}) END AS ${quote(c)}`;
      return quote(c);
    })
    .join(", ");
  const orderBy = (shape.primaryKey.length ? shape.primaryKey : shape.columns)
    .map((c) => (shape.textColumns.includes(c) ? `x.${quote(c)} COLLATE "C"` : `x.${quote(c)}`))
    .join(", ");
  const cursor = `backup_${shape.name.replace(/\W/g, "_")}`;
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS json FROM (SELECT ${select} FROM ${quote(shape.name)}) x ORDER BY ${orderBy}`);
  try {
    for (;;) {
      const { rows } = await client.query<{ json: string }>(`FETCH ${FETCH_ROWS} FROM ${cursor}`);
      if (rows.length === 0) return;
      yield rows.map((r) => r.json);
    }
  } finally {
    await client.query(`CLOSE ${cursor}`);
  }
}
