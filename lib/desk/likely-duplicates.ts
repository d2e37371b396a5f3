import "server-only";
import { db, Prisma, queryRows } from "@/lib/db/client";

/**
 * People, organizations or agreements that are almost certainly one recorded twice, for their desk list's
 * "Recorded twice?" notice: the same Wikidata id, or the same name once accents and case are
 * set aside ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"; `name_folded`, the pickers'
 * comparison) unless they carry two different Wikidata ids (then they are namesakes). Near
 * spellings ("Tokaev") are the pickers' and the forms' to catch; these are the sure ones,
 * newest first, each group to be merged on one of its pages (lib/records/merge.ts).
 */
export interface DuplicateGroup {
  /** "the same Wikidata id Q110862", "the same name". */
  reason: string;
  records: Array<{ id: string; label: string }>;
}

const TABLES = { people: Prisma.raw(`"Person"`), organizations: Prisma.raw(`"Organization"`), agreements: Prisma.raw(`"Agreement"`) } as const;

export async function likelyDuplicates(kind: keyof typeof TABLES, limit = 10): Promise<DuplicateGroup[]> {
  const table = TABLES[kind];
  const rows = await queryRows<{ reason: string; key: string; ids: string[]; names: string[] }>(
    db,
    Prisma.sql`
      SELECT reason, key, ids, names FROM (
        SELECT 'wikidata' AS reason, "wikidataId" AS key, array_agg(id ORDER BY "createdAt", id) AS ids, array_agg(name ORDER BY "createdAt", id) AS names, max("createdAt") AS newest
        FROM ${table} WHERE "wikidataId" IS NOT NULL AND "wikidataId" <> '' GROUP BY "wikidataId" HAVING count(*) > 1
        UNION ALL
        SELECT 'name', name_folded(name), array_agg(id ORDER BY "createdAt", id), array_agg(name ORDER BY "createdAt", id), max("createdAt")
        -- Namesakes with two different Wikidata ids are known to be two (two ministers named Mohammed Ali).
        FROM ${table} GROUP BY name_folded(name) HAVING count(*) > 1 AND count(DISTINCT NULLIF("wikidataId", '')) <= 1
      ) g
      ORDER BY newest DESC, key
      LIMIT ${limit * 2}`,
  );
  // A pair with the same Wikidata id and the same name is named once.
  const seen = new Set<string>();
  const groups: DuplicateGroup[] = [];
  for (const row of rows) {
    const members = row.ids.join(",");
    if (seen.has(members)) continue;
    seen.add(members);
    groups.push({ reason: row.reason === "wikidata" ? `the same Wikidata id ${row.key}` : "the same name", records: row.ids.map((id, i) => ({ id, label: row.names[i]! })) });
  }
  return groups.slice(0, limit);
}
