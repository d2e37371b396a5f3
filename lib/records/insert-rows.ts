import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Tx } from "@/lib/db/client";

/**
 * One multi-row INSERT for any number of rows: each column travels as one array
 * parameter and PostgreSQL's unnest turns the arrays back into rows. It writes what
 * `createMany` writes, without Prisma building and checking a query of rows × columns
 * values, which costs a bulk import's batch ten times the database's own time.
 * Table and column names are the code's constants, never input; values are parameters.
 */

/** How a column is read from its array: PostgreSQL's type, or an enum's name in quotes. */
export type ColumnType = "text" | "int" | "boolean" | "date" | "timestamptz" | "jsonb" | `"${string}"`;

/** Each column's type; a table's columns are listed where its rows are made. */
export type Columns = Record<string, ColumnType>;

/** What the array parameter holds for a column of this type. */
function toParameter(type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === "date") return (value as Date).toISOString().slice(0, 10);
  if (type === "timestamptz") return (value as Date).toISOString();
  if (type === "jsonb") return JSON.stringify(value);
  return value;
}

const arrayType = (type: ColumnType) => (type === "int" || type === "boolean" ? `${type}[]` : "text[]");
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function insertRows<R extends string = never>(
  tx: Tx,
  table: string,
  columns: Columns,
  rows: Array<Record<string, unknown>>,
  returning: R[] = [],
): Promise<Array<Record<R, string>>> {
  if (!rows.length) return [];
  // The columns any row sets; a column one row sets, every row sets (null for none).
  const names = [...new Set(rows.flatMap((row) => Object.keys(row).filter((key) => row[key] !== undefined)))];
  for (const name of names) {
    if (!columns[name]) throw new Error(`insertRows: ${table}.${name} has no column type.`);
    if (rows.some((row) => row[name] === undefined)) throw new Error(`insertRows: some rows of ${table} leave ${name} out.`);
  }
  const parameters = names.map((name) => rows.map((row) => toParameter(columns[name]!, row[name])));
  const select = names.map((name) => {
    const type = columns[name]!;
    return type === "int" || type === "boolean" || type === "text" ? `t.${quote(name)}` : `t.${quote(name)}::${type}`;
  });
  const sql =
    `INSERT INTO ${quote(table)} (${names.map(quote).join(", ")}) ` +
    `SELECT ${select.join(", ")} FROM unnest(${names.map((_, i) => `$${i + 1}::${arrayType(columns[names[i]!]!)}`).join(", ")}) AS t(${names.map(quote).join(", ")})` +
    (returning.length ? ` RETURNING ${returning.map(quote).join(", ")}` : "");
  if (!returning.length) {
    await tx.$executeRawUnsafe(sql, ...parameters);
    return [];
  }
  return tx.$queryRawUnsafe<Array<Record<R, string>>>(sql, ...parameters);
}

// Ids in the shape Prisma's cuid() gives ("c", time, counter, machine, random: 25 characters).
const machine = (parseInt(randomBytes(2).toString("hex"), 16) ^ process.pid ^ os.hostname().length).toString(36).padStart(4, "0").slice(-4);
let counter = parseInt(randomBytes(2).toString("hex"), 16);

/** A new record id, as Prisma's `@default(cuid())` would make for a row it inserts. */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const random = BigInt(`0x${randomBytes(6).toString("hex")}`).toString(36).padStart(8, "0").slice(-8);
  return `c${time}${counter.toString(36).padStart(4, "0")}${machine}${random}`;
}
