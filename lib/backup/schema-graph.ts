import type pg from "pg";
import { LEFT_OUT_COLUMNS, LEFT_OUT_TABLES } from "./tables";

export interface TableShape {
  name: string;
  /** Stored (not generated) columns, in the table's own order, but those LEFT_OUT_COLUMNS names. */
  columns: string[];
  primaryKey: string[];
  /**
   * Foreign-key columns that point at this table itself or at a table restored
   * later (a cycle): restored as null first and filled in once every row exists.
   */
  deferredColumns: string[];
  /** json/jsonb columns: written wrapped in a one-element array (JSON null ≠ SQL NULL). */
  jsonColumns: string[];
  /** Text columns: ordered byte-wise (COLLATE "C") so the order never depends on the server's locale. */
  textColumns: string[];
  /** Serial/identity columns whose sequence is moved past the restored rows. */
  sequenceColumns: string[];
}

interface ForeignKey {
  table: string;
  references: string;
  columns: string[];
}

/** Every table in the public schema, with its stored columns. */
export async function readTableNames(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

/**
 * The tables a backup holds, in an order where every foreign key points backwards
 * (parents before children); the edges that make a cycle become deferred columns.
 */
export async function readBackupShape(client: pg.ClientBase): Promise<TableShape[]> {
  const names = (await readTableNames(client)).filter((name) => !(name in LEFT_OUT_TABLES));
  const { rows: columnRows } = await client.query<{ table_name: string; column_name: string; column_default: string | null; is_identity: string; data_type: string }>(
    `SELECT table_name, column_name, column_default, is_identity, data_type
       FROM information_schema.columns
      WHERE table_schema = 'public' AND is_generated = 'NEVER'
      ORDER BY table_name, ordinal_position`,
  );
  const { rows: keyRows } = await client.query<{ table_name: string; columns: string[] }>(
    `SELECT c.conrelid::regclass::text AS table_name,
            array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'p' AND c.connamespace = 'public'::regnamespace
      GROUP BY c.oid, c.conrelid`,
  );
  const { rows: fkRows } = await client.query<{ table_name: string; references: string; columns: string[] }>(
    `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS references,
            array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
      GROUP BY c.oid, c.conrelid, c.confrelid`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1");
  const foreignKeys: ForeignKey[] = fkRows
    .map((r) => ({ table: unquote(r.table_name), references: unquote(r.references), columns: r.columns }))
    .filter((fk) => names.includes(fk.table) && names.includes(fk.references));

  const order = orderParentsFirst(names, foreignKeys);
  const position = new Map(order.map((name, i) => [name, i]));
  return order.map((name) => {
    const columns = columnRows.filter((c) => c.table_name === name && !LEFT_OUT_COLUMNS[name]?.includes(c.column_name));
    const deferred = foreignKeys
      .filter((fk) => fk.table === name && position.get(fk.references)! >= position.get(name)!)
      .flatMap((fk) => fk.columns);
    return {
      name,
      columns: columns.map((c) => c.column_name),
      primaryKey: keyRows.find((k) => unquote(k.table_name) === name)?.columns ?? [],
      deferredColumns: [...new Set(deferred)],
      jsonColumns: columns.filter((c) => c.data_type === "json" || c.data_type === "jsonb").map((c) => c.column_name),
      textColumns: columns.filter((c) => ["text", "character varying", "character"].includes(c.data_type)).map((c) => c.column_name),
      sequenceColumns: columns.filter((c) => c.is_identity === "YES" || (c.column_default ?? "").startsWith("nextval(")).map((c) => c.column_name),
    };
  });
}

/**
 * Kahn's algorithm, alphabetical among equals so the order never changes between
 * runs; when only cycles remain, the alphabetically first table goes next and its
 * forward keys are deferred by the caller.
 */
export function orderParentsFirst(names: string[], foreignKeys: ForeignKey[]): string[] {
  const remaining = new Set(names);
  const order: string[] = [];
  const parentsOf = (name: string) => foreignKeys.filter((fk) => fk.table === name && fk.references !== name).map((fk) => fk.references);
  while (remaining.size > 0) {
    const sorted = [...remaining].sort();
    const ready = sorted.find((name) => parentsOf(name).every((parent) => !remaining.has(parent))) ?? sorted[0]!;
    order.push(ready);
    remaining.delete(ready);
  }
  return order;
}
