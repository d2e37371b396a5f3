import { createHash } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { readLocalMigrations } from "@/lib/db/migrate";
import { parseJsonWithoutPrototypeKeys } from "@/lib/objects/safe-keys";
import type { BackupProgress } from "./export-record";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, BackupHeaderSchema, BackupRowSchema, BackupTrailerSchema, type BackupHeader } from "./format";
import { readBackupShape, type TableShape } from "./schema-graph";

/** Reference data that start-up loads into every database; a restore replaces it. */
const REPLACEABLE_TABLES = new Set(["Country"]);
const BATCH_ROWS = 1_000;
/** How the trailer line starts (export-record.ts writes `{"end":true,…}`). */
const END_MARKER = '{"end":';
const CHANGED = "The file is damaged or was changed after it was written (its checksum does not match).";
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Restores a backup file into an empty, migrated database, in one transaction:
 * a refused file (damaged, cut, edited, from a newer Chancery) or a database that
 * already holds a record leaves the database exactly as it was.
 */
export async function restoreRecord(options: {
  connectionString: string;
  input: Readable;
  onProgress?: (progress: BackupProgress) => void;
}): Promise<{ header: BackupHeader; rows: Record<string, number> }> {
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  const gunzip = createGunzip();
  const lines = createInterface({ input: options.input.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  // A damaged gzip stream errors on the decompressor, not on the line reader.
  const failure = new Promise<never>((_, reject) => {
    const fail = (error: Error) => reject(new BackupError(`The file is damaged or not a Chancery backup (${error.message}).`));
    gunzip.once("error", fail);
    options.input.once("error", fail);
  });
  failure.catch(() => {});
  const next = () => Promise.race([lines.next(), failure]);
  const hash = createHash("sha256");
  /** Set once the end marker's checksum has held: from then on a failure is the rows', not the file's. */
  let verified = false;
  let trailerLine: string | null = null;
  /**
   * After a row was refused: whether the rest of the file reads to an end marker whose
   * checksum holds. Rows are written as they are read, so a damaged or edited row can
   * break a constraint before the checksum at the end is reached; such a file is
   * called damaged, not blamed on the database.
   */
  const restIsIntact = async (): Promise<boolean> => {
    try {
      // The last batch is written after the end marker was read; otherwise read on to it.
      while (!trailerLine) {
        const line = await next();
        if (line.done) return false;
        if (line.value.startsWith(END_MARKER)) trailerLine = line.value;
        else hash.update(`${line.value}\n`);
      }
      return readTrailer(trailerLine).sha256 === hash.digest("hex");
    } catch {
      return false;
    }
  };

  try {
    const first = await next();
    if (first.done) throw new BackupError("The file is empty.");
    hash.update(`${first.value}\n`);
    const header = readHeader(first.value);
    await assertKnownMigration(header.migration);

    await client.query("BEGIN");
    await client.query("SET LOCAL TIME ZONE 'UTC'");
    const shapes = new Map((await readBackupShape(client)).map((shape) => [shape.name, shape]));
    await assertEmpty(client, shapes);
    for (const table of header.tables) {
      const shape = shapes.get(table.name);
      if (!shape) throw new BackupError(`The file holds a table this version of Chancery does not have (${table.name}).`);
      const missing = table.columns.filter((c) => !shape.columns.includes(c));
      if (missing.length) throw new BackupError(`The file holds columns this version of Chancery does not have (${table.name}: ${missing.join(", ")}).`);
      if (REPLACEABLE_TABLES.has(table.name)) await client.query(`DELETE FROM ${quote(table.name)}`);
    }

    const rows: Record<string, number> = {};
    const deferred: { shape: TableShape; values: Record<string, unknown>[] }[] = [];
    let tableIndex = 0;
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      const table = header.tables[tableIndex]!;
      const shape = shapes.get(table.name)!;
      if (batch.length === 0) return;
      await insertBatch(client, shape, table.columns, batch, deferred);
      rows[table.name] = (rows[table.name] ?? 0) + batch.length;
      options.onProgress?.({ table: table.name, done: rows[table.name]!, total: table.rows });
      batch = [];
    };

    for (;;) {
      const line = await next();
      if (line.done) break;
      if (line.value.startsWith(END_MARKER)) {
        trailerLine = line.value;
        if (!(await next()).done) throw new BackupError("The file goes on after its end marker.");
        break;
      }
      hash.update(`${line.value}\n`);
      const row = readRow(line.value);
      while (tableIndex < header.tables.length && header.tables[tableIndex]!.name !== row.t) {
        await flush();
        tableIndex++;
      }
      if (tableIndex >= header.tables.length) throw new BackupError(`The file's rows are out of order (a ${row.t} row after its table ended).`);
      batch.push(row.r);
      if (batch.length >= BATCH_ROWS) await flush();
    }
    if (tableIndex < header.tables.length) await flush();

    if (!trailerLine) throw new BackupError("The file is cut short: its end marker is missing.");
    const trailer = readTrailer(trailerLine);
    if (trailer.sha256 !== hash.digest("hex")) throw new BackupError(CHANGED);
    verified = true;
    for (const table of header.tables) {
      const count = rows[table.name] ?? 0;
      if (count !== table.rows || trailer.rows[table.name] !== table.rows) {
        throw new BackupError(`The file is inconsistent: ${table.name} should have ${table.rows} rows and has ${count}.`);
      }
    }

    for (const { shape, values } of deferred) await fillDeferred(client, shape, values);
    for (const shape of shapes.values()) await moveSequences(client, shape);
    await client.query("COMMIT");
    return { header, rows };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if (error instanceof BackupError) throw error;
    const code = (error as { code?: string }).code;
    if (code?.startsWith("Z_")) throw new BackupError(`The file is damaged or not a Chancery backup (${(error as Error).message}).`);
    // Constraint and type errors come from a file whose rows do not fit the schema, or from a damaged one.
    if (code && /^(22|23)/.test(code)) {
      if (!verified && !(await restIsIntact())) throw new BackupError(CHANGED);
      throw new BackupError(`The file's rows do not fit this database (${(error as Error).message}).`);
    }
    throw error;
  } finally {
    options.input.unpipe?.(gunzip);
    gunzip.destroy();
    await client.end().catch(() => {});
  }
}

function readJson(line: string): unknown {
  try {
    return parseJsonWithoutPrototypeKeys(line);
  } catch {
    throw new BackupError("The file is damaged or not a Chancery backup (a line is not JSON).");
  }
}

function readHeader(line: string): BackupHeader {
  const value = readJson(line) as { format?: unknown; version?: unknown };
  if (value?.format !== BACKUP_FORMAT) throw new BackupError("This is not a Chancery backup file.");
  if (typeof value.version === "number" && value.version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(`The file was made by a newer Chancery (backup format ${value.version}; this one reads up to ${BACKUP_FORMAT_VERSION}). Update Chancery first.`);
  }
  const parsed = BackupHeaderSchema.safeParse(value);
  if (!parsed.success) throw new BackupError("The file's header is damaged.");
  return parsed.data;
}

function readRow(line: string) {
  const parsed = BackupRowSchema.safeParse(readJson(line));
  if (!parsed.success) throw new BackupError("The file is damaged (a row line is malformed).");
  return parsed.data;
}

function readTrailer(line: string) {
  const parsed = BackupTrailerSchema.safeParse(readJson(line));
  if (!parsed.success) throw new BackupError("The file's end marker is damaged.");
  return parsed.data;
}

async function assertKnownMigration(migration: string): Promise<void> {
  const local = (await readLocalMigrations()).map((m) => m.name);
  if (!local.includes(migration)) {
    const newest = local.at(-1) ?? "none";
    throw new BackupError(
      migration > newest
        ? `The file was made by a newer Chancery (migration ${migration}; this one knows up to ${newest}). Update Chancery first.`
        : `The file names a migration this Chancery does not know (${migration}).`,
    );
  }
}

async function assertEmpty(client: pg.Client, shapes: Map<string, TableShape>): Promise<void> {
  const held: string[] = [];
  for (const name of shapes.keys()) {
    if (REPLACEABLE_TABLES.has(name)) continue;
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quote(name)}`);
    if (rows[0]!.n !== "0") held.push(`${rows[0]!.n} ${name}`);
  }
  if (held.length) {
    throw new BackupError(`The database is not empty (it holds ${held.join(", ")}): restore only into a new, empty database.`);
  }
}

/**
 * One INSERT per batch; PostgreSQL turns the JSON back into each column's type.
 * Keys pointing at rows restored later are inserted as null and kept for later.
 */
async function insertBatch(client: pg.Client, shape: TableShape, columns: string[], batch: Record<string, unknown>[], deferred: { shape: TableShape; values: Record<string, unknown>[] }[]) {
  const later = shape.deferredColumns.filter((c) => columns.includes(c));
  if (later.length) {
    const keep = batch.filter((r) => later.some((c) => r[c] !== null && r[c] !== undefined));
    if (keep.length) {
      const values = keep.map((r) => Object.fromEntries([...shape.primaryKey, ...later].map((c) => [c, r[c]])));
      const entry = deferred.find((d) => d.shape === shape);
      if (entry) entry.values.push(...values);
      else deferred.push({ shape, values });
    }
  }
  const selected = columns
    .map((c) => {
      if (later.includes(c)) return `NULL AS ${quote(c)}`;
      // json columns were written as [value] so that JSON null and SQL NULL stay apart.
      if (shape.jsonColumns.includes(c)) return `(${quote(c)} -> 0) AS ${quote(c)}`;
      return quote(c);
    })
    .join(", ");
  await client.query(
    `INSERT INTO ${quote(shape.name)} (${columns.map(quote).join(", ")})
     SELECT ${selected} FROM json_populate_recordset(NULL::${quote(shape.name)}, $1::json)`,
    [JSON.stringify(batch)],
  );
}

async function fillDeferred(client: pg.Client, shape: TableShape, values: Record<string, unknown>[]) {
  const later = Object.keys(values[0]!).filter((c) => !shape.primaryKey.includes(c));
  for (let i = 0; i < values.length; i += BATCH_ROWS) {
    await client.query(
      `UPDATE ${quote(shape.name)} AS t SET ${later.map((c) => `${quote(c)} = v.${quote(c)}`).join(", ")}
         FROM json_populate_recordset(NULL::${quote(shape.name)}, $1::json) AS v
        WHERE ${shape.primaryKey.map((c) => `t.${quote(c)} = v.${quote(c)}`).join(" AND ")}`,
      [JSON.stringify(values.slice(i, i + BATCH_ROWS))],
    );
  }
}

async function moveSequences(client: pg.Client, shape: TableShape) {
  for (const column of shape.sequenceColumns) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(column)}) FROM ${quote(shape.name)}), 1), (SELECT count(*) > 0 FROM ${quote(shape.name)}))`,
      [quote(shape.name), column],
    );
  }
}
