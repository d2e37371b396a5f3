import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { FOLDED_FROM } from "@/lib/records/fold";

/**
 * Names as the desk looks them up: without accents or case ("Turkiye" is Türkiye, "Erdogan"
 * Erdoğan, "Cote d’Ivoire" Cote d'Ivoire), through `name_folded` and the GIN trigram indexes
 * on each name table's folded names (migration 20261206090000_names_without_accents).
 *
 * From FOLDED_FROM characters typed only: fewer find no trigram, so every name is read, and
 * folding each (`unaccent`) made one or two letters cost 15-21 ms against 6-10 as written on
 * the scale record's 5,010 people. One or two letters are compared as written, in any case.
 */
export { FOLDED_FROM } from "@/lib/records/fold";

/** The tables whose `name` has a folded index. */
export type NameTable = "Country" | "Person" | "Organization" | "Agreement" | "Topic";

/** LIKE treats % and _ as wildcards; a typed "50%" must match literally. */
export const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A `LIKE` pattern for text containing what was typed, literally. */
export const containing = (q: string) => `%${likeEscape(q)}%`;

/** Whether the name `column` holds `q`: folded from FOLDED_FROM characters, else as written in any case. */
export function nameHolds(column: Prisma.Sql, q: string): Prisma.Sql {
  return q.length >= FOLDED_FROM ? Prisma.sql`name_folded(${column}) LIKE name_folded(${containing(q)})` : Prisma.sql`${column} ILIKE ${containing(q)}`;
}

/**
 * The ids of a table's rows whose name holds `q` (nameHolds), for the desk's lists, which
 * filter through Prisma and add `{ id: { in } }`: null when fewer than FOLDED_FROM characters
 * were typed (the list's `contains` as written is then the whole filter).
 */
export async function idsNamed(table: Exclude<NameTable, "Country">, q: string): Promise<string[] | null> {
  if (q.length < FOLDED_FROM) return null;
  const rows = await db.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM ${Prisma.raw(`"${table}"`)} WHERE ${nameHolds(Prisma.sql`"name"`, q)}`;
  return rows.map((r) => r.id);
}

/**
 * A desk list's filter on its records' names (lists filter through Prisma): the rows whose name
 * holds `q` folded (idsNamed), or, for fewer than FOLDED_FROM characters, `contains` as written.
 */
export async function nameFilter(table: Exclude<NameTable, "Country">, q: string): Promise<{ id: { in: string[] } } | { name: { contains: string; mode: "insensitive" } }> {
  const ids = await idsNamed(table, q);
  return ids ? { id: { in: ids } } : { name: { contains: q, mode: "insensitive" } };
}
