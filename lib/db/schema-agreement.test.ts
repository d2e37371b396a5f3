import { readFileSync } from "node:fs";
import pg from "pg";
import { getDMMF } from "@prisma/internals";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "@/lib/testing/database-urls";
import { migrate } from "./migrate";

/**
 * Proves that applying every migration to an empty database gives exactly what
 * prisma/schema.prisma describes: tables, columns, types, nullability, defaults,
 * enums, indexes and foreign keys. Prisma's own `migrate diff` cannot run on these
 * machines, so this reads Prisma's parsed schema (DMMF) and the live catalog.
 */

type Dmmf = Awaited<ReturnType<typeof getDMMF>>;
type Model = Dmmf["datamodel"]["models"][number];
type Field = Model["fields"][number];

const schemaText = readFileSync("prisma/schema.prisma", "utf8");
let dmmf: Dmmf;
let client: pg.Client;
let drop: () => Promise<void>;

beforeAll(async () => {
  dmmf = await getDMMF({ datamodel: schemaText });
  const db = await createEmptyDatabase("agreement");
  drop = db.drop;
  await migrate({ connectionString: db.url });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await drop?.();
});

const tableOf = (m: Model) => m.dbName ?? m.name;
const columnOf = (f: Field) => f.dbName ?? f.name;

/** Fields Prisma's DMMF leaves out: `Unsupported("…")` columns, read from the schema text. */
function unsupportedFields(model: string): Array<{ name: string; type: string; optional: boolean }> {
  const block = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schemaText)?.[1] ?? "";
  return [...block.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/gm)].map((m) => ({
    name: m[1]!,
    type: m[2]!,
    optional: m[3] === "?",
  }));
}

function expectedType(f: Field): string {
  if (f.kind === "enum") return `enum:${f.type}`;
  const [native, args] = (f.nativeType as [string, string[]] | null | undefined) ?? [null, []];
  switch (f.type) {
    case "String":
      if (native === "Char") return `character(${args[0]})`;
      if (native === "VarChar") return args[0] ? `character varying(${args[0]})` : "character varying";
      if (native === "Uuid") return "uuid";
      return "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Boolean":
      return "boolean";
    case "Float":
      return "double precision";
    case "Json":
      return "jsonb";
    case "DateTime":
      if (native === "Date") return "date";
      if (native === "Timestamptz") return `timestamp(${args[0] ?? 6}) with time zone`;
      return "timestamp(3) without time zone";
    default:
      throw new Error(`No mapping for ${f.type}`);
  }
}

// Defaults Prisma fills in on the client, which leave no default in the database.
const CLIENT_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

function hasDbDefault(f: Field): boolean {
  if (!f.hasDefaultValue) return false;
  const d = f.default as { name?: string } | undefined;
  return !(d && typeof d === "object" && "name" in d && CLIENT_DEFAULTS.has(d.name!));
}

describe("migrations agree with schema.prisma", () => {
  it("has exactly the schema's tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it("has exactly the schema's enums and values", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    const expected = dmmf.datamodel.enums.map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) }));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it("has exactly the schema's columns, types, nullability and defaults", async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; type: string; not_null: boolean; has_default: boolean; generated: string }>(
      `SELECT c.relname AS table_name, a.attname AS column_name,
              CASE WHEN t.typtype = 'e' THEN 'enum:' || t.typname ELSE format_type(a.atttypid, a.atttypmod) END AS type,
              a.attnotnull AS not_null, (a.atthasdef AND a.attgenerated = '') AS has_default, a.attgenerated::text AS generated
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`,
    );
    const actual = rows
      .map((r) => ({ column: `${r.table_name}.${r.column_name}`, type: r.type, notNull: r.not_null, hasDefault: r.has_default }))
      .sort((a, b) => a.column.localeCompare(b.column));
    const expected = dmmf.datamodel.models
      .flatMap((m) => [
        ...m.fields
          .filter((f) => f.kind === "scalar" || f.kind === "enum")
          // Scalar lists (String[]) are PostgreSQL arrays, and Prisma leaves them nullable.
          .map((f) => ({ column: `${tableOf(m)}.${columnOf(f)}`, type: f.isList ? `${expectedType(f)}[]` : expectedType(f), notNull: f.isRequired && !f.isList, hasDefault: hasDbDefault(f) })),
        ...unsupportedFields(m.name).map((u) => ({ column: `${tableOf(m)}.${u.name}`, type: u.type, notNull: !u.optional, hasDefault: false })),
      ])
      .sort((a, b) => a.column.localeCompare(b.column));
    expect(actual).toEqual(expected);
  });

  it("has exactly the schema's indexes, with their columns, order, uniqueness and method", async () => {
    const { rows } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    const actual = Object.fromEntries(
      rows.map((r) => [r.name, r.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON public\./, "CREATE $1INDEX ON ")]),
    );
    const expected: Record<string, string> = {};
    for (const index of dmmf.datamodel.indexes) {
      const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
      const table = tableOf(model);
      const columnName = (name: string) => {
        const field = model.fields.find((f) => f.name === name);
        return field ? columnOf(field) : name;
      };
      const columns = index.fields.map((f) => columnName(f.name));
      const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
      const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`);
      const method = (index.algorithm ?? "BTree").toLowerCase();
      const parts = index.fields.map((f) => {
        const ops = (f as { operatorClass?: string }).operatorClass;
        return `"${columnName(f.name)}"${ops ? ` ${ops}` : ""}${f.sortOrder === "desc" ? " DESC" : ""}`;
      });
      const unique = index.type === "id" || index.type === "unique";
      expected[name] = `CREATE ${unique ? "UNIQUE " : ""}INDEX ON "${table}" USING ${method} (${parts.join(", ")})`;
    }
    // What Prisma's schema cannot say (an index on an expression): named in schema.prisma's
    // comments, written by hand in its migration (20261205010000_search_phrase_pairs,
    // 20261205200000_search_windows).
    for (const table of ["Event", "Statement"]) expected[`${table}_searchPairs_idx`] = `CREATE INDEX ON "${table}" USING gin (search_phrase_pairs("searchVector"))`;
    expected["Event_searchWindow_idx"] = `CREATE INDEX ON "Event" USING gin ("searchVector", search_window("date"))`;
    expected["Statement_searchWindow_idx"] = `CREATE INDEX ON "Statement" USING gin ("searchVector", search_window("saidOn"))`;
    // Names compared without accents or case (20261206090000_names_without_accents).
    for (const table of ["Country", "Person", "Organization", "Agreement", "Topic"]) {
      expected[`${table}_name_folded_idx`] = `CREATE INDEX ON "${table}" USING gin (name_folded("name") gin_trgm_ops)`;
    }
    // Acronyms as the search's name suggestions compare them (20261206130000_name_suggestions_folded).
    expected["Organization_acronym_key_idx"] = `CREATE INDEX ON "Organization" USING btree (name_key(acronym))`;
    // And an order Prisma's schema cannot say (NULLS LAST; 20261205140000_picker_newest_indexes).
    expected["Event_date_picker_idx"] = `CREATE INDEX ON "Event" USING btree ("date" DESC NULLS LAST)`;
    expected["Statement_saidOn_picker_idx"] = `CREATE INDEX ON "Statement" USING btree ("saidOn" DESC NULLS LAST)`;
    const normalise = (defs: Record<string, string>) =>
      Object.fromEntries(Object.entries(defs).map(([k, v]) => [k, v.replace(/"(\w+)"/g, "$1")]).sort(([a], [b]) => String(a).localeCompare(String(b))));
    expect(normalise(actual)).toEqual(normalise(expected));
  });

  it("has exactly the schema's foreign keys, with their actions", async () => {
    const { rows } = await client.query<{ name: string; table: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string; on_update: string }>(
      `SELECT con.conname AS name, src.relname AS table, dst.relname AS ref_table,
              (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
              (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS ref_columns,
              con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = con.connamespace WHERE con.contype = 'f' AND n.nspname = 'public'`,
    );
    const ACTION: Record<string, string> = { Cascade: "c", Restrict: "r", NoAction: "a", SetNull: "n", SetDefault: "d" };
    const expected = dmmf.datamodel.models.flatMap((m) =>
      m.fields
        .filter((f) => f.kind === "object" && f.relationFromFields && f.relationFromFields.length > 0)
        .map((f) => {
          const target = dmmf.datamodel.models.find((t) => t.name === f.type)!;
          const from = f.relationFromFields!.map((n) => columnOf(m.fields.find((x) => x.name === n)!));
          const onDelete = (f as { relationOnDelete?: string }).relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
          return {
            name: `${tableOf(m)}_${from.join("_")}_fkey`,
            table: tableOf(m),
            columns: from,
            ref_table: tableOf(target),
            ref_columns: f.relationToFields!.map((n) => columnOf(target.fields.find((x) => x.name === n)!)),
            on_delete: ACTION[onDelete]!,
            on_update: "c",
          };
        }),
    );
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(rows.sort(byName)).toEqual(expected.sort(byName));
  });
});
