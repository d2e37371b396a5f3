import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import type { Tx } from "@/lib/db/client";
import { badCharacterMessage, cleanLine, directionControlMessage } from "@/lib/records/fields";
import { foldText } from "@/lib/records/fold";
import { listCountryOtherNames } from "@/lib/seed/countries";

countries.registerLocale(en);

/**
 * Names in a file matched to the record: countries by ISO code (two or three
 * letters) or English name, people and organizations by Wikidata id or name
 * (case, spacing and accents ignored: "Recep Tayyip Erdogan" is the Erdoğan recorded,
 * not a new person; lib/db/names.ts). What is not found is proposed, never created here.
 */
export type EntityKind = "person" | "organization";

export interface Proposal {
  /** Stable key the editor's confirmation names (`person:abdulla aripov`). */
  key: string;
  kind: EntityKind;
  name: string;
  wikidataId: string | null;
  lines: number[];
}

export type Lookup<T> = { ok: true; value: T } | { ok: false; problem: string } | { ok: false; proposal: Omit<Proposal, "lines"> };

const WIKIDATA = /^Q[1-9]\d{0,11}$/;
/** "Abdulla Aripov (Q4664307)": a name with its Wikidata id. */
const NAME_WITH_ID = /^(.*?)\s*\((Q[1-9]\d{0,11})\)$/;

/** A name as the file's names are matched: as a name field keeps it (cleanLine: composed, nothing invisible), spacing and case set aside. */
export const normalName = (name: string) => cleanLine(name).trim().replace(/\s+/g, " ").toLowerCase();

/** "a; b;c" → ["a", "b", "c"] (a JSON list arrives joined the same way). */
export const splitList = (cell: string | undefined) =>
  (cell ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

export function readEntityRef(text: string): { name: string | null; wikidataId: string | null } {
  const withId = NAME_WITH_ID.exec(text);
  if (withId) return { name: withId[1]!.trim() || null, wikidataId: withId[2]! };
  if (WIKIDATA.test(text)) return { name: null, wikidataId: text };
  return { name: text, wikidataId: null };
}

interface Named {
  id: string;
  name: string;
  wikidataId: string | null;
}

/** A record found for a name the file gives (`key`, its normalName), or by a Wikidata id (`key` null). */
interface Found extends Named {
  key: string | null;
}

/** The countries each other name stands for (listCountryOtherNames; "Congo" for two), keyed folded. */
const OTHER_COUNTRY_NAMES = new Map<string, string[]>();
for (const { iso2, otherNames } of listCountryOtherNames()) {
  for (const other of otherNames) {
    const key = foldText(normalName(other));
    OTHER_COUNTRY_NAMES.set(key, [...new Set([...(OTHER_COUNTRY_NAMES.get(key) ?? []), iso2])]);
  }
}

export class References {
  private countryByKey = new Map<string, string>();
  private people = { byName: new Map<string, Named[]>(), byWikidata: new Map<string, Named>() };
  private organizations = { byName: new Map<string, Named[]>(), byWikidata: new Map<string, Named>() };

  /** Loads what the given rows name: every country, and only the people and organizations asked for. */
  static async load(tx: Tx, wanted: { people: string[]; organizations: string[] }): Promise<References> {
    const refs = new References();
    for (const c of await tx.country.findMany({ select: { iso2: true, iso3: true, name: true } })) {
      // Keyed folded (lib/records/fold.ts): codes in lower case, names without accents.
      for (const key of [c.iso2, c.iso3, c.name]) refs.countryByKey.set(foldText(normalName(key)), c.iso2);
    }
    // The other names the search and the desk know countries by ("Turkey", "Burma", "Britain"),
    // where they name one country of the record and no code or name is the same.
    for (const [key, [iso2, ...others]] of OTHER_COUNTRY_NAMES) if (others.length === 0 && !refs.countryByKey.has(key) && refs.countryByKey.has(iso2!.toLowerCase())) refs.countryByKey.set(key, iso2!);
    const query = async (table: "Person" | "Organization", texts: string[]) => {
      const refsIn = texts.map(readEntityRef);
      const names = [...new Set(refsIn.map((r) => r.name).filter((n): n is string => !!n).map(normalName))];
      const ids = [...new Set(refsIn.map((r) => r.wikidataId).filter((n): n is string => !!n))];
      if (!names.length && !ids.length) return [];
      // The table name is one of two constants, never input. Each name the file gives, with the
      // records whose name is the same folded (name_folded: case and accents; spacing here).
      return tx.$queryRawUnsafe<Found[]>(
        `SELECT wanted.key, t.id, t.name, t."wikidataId" FROM unnest($1::text[]) AS wanted(key)
           JOIN "${table}" t ON name_folded(regexp_replace(btrim(t.name), '\\s+', ' ', 'g')) = name_folded(wanted.key)
         UNION ALL
         SELECT NULL, id, name, "wikidataId" FROM "${table}" WHERE "wikidataId" = ANY($2::text[])`,
        names,
        ids,
      );
    };
    const index = (into: typeof refs.people, rows: Found[]) => {
      for (const { key, ...row } of rows) {
        if (key !== null && !into.byName.get(key)?.some((r) => r.id === row.id)) into.byName.set(key, [...(into.byName.get(key) ?? []), row]);
        if (row.wikidataId) into.byWikidata.set(row.wikidataId, row);
      }
    };
    index(refs.people, await query("Person", wanted.people));
    index(refs.organizations, await query("Organization", wanted.organizations));
    return refs;
  }

  country(text: string): Lookup<string> {
    const key = foldText(normalName(text));
    const found = this.countryByKey.get(key);
    if (found) return { ok: true, value: found };
    const several = OTHER_COUNTRY_NAMES.get(key);
    if (several && several.length > 1) return { ok: false, problem: `“${text}” is the name of ${several.length} countries: give the code of the one meant (${several.join(" or ")}).` };
    // Other English names and abbreviations ("USA", "Russian Federation").
    const alias = countries.getAlpha2Code(text.trim(), "en");
    if (alias && this.countryByKey.has(alias.toLowerCase())) return { ok: true, value: alias };
    return { ok: false, problem: `No country is called or coded “${text}”: give its ISO code (KZ or KAZ) or English name.` };
  }

  entity(kind: EntityKind, text: string): Lookup<string> {
    const table = kind === "person" ? this.people : this.organizations;
    const noun = kind === "person" ? "person" : "organization";
    const ref = readEntityRef(text);
    if (ref.wikidataId) {
      const hit = table.byWikidata.get(ref.wikidataId);
      if (hit) return { ok: true, value: hit.id };
    }
    if (ref.name) {
      const hits = table.byName.get(normalName(ref.name)) ?? [];
      const fitting = ref.wikidataId ? hits.filter((h) => h.wikidataId === null || h.wikidataId === ref.wikidataId) : hits;
      if (fitting.length === 1) return { ok: true, value: fitting[0]!.id };
      if (fitting.length > 1) return { ok: false, problem: `${fitting.length} ${noun === "person" ? "people" : "organizations"} are called “${ref.name}”: add the Wikidata id, as in “${ref.name} (Q…)”.` };
    }
    if (!ref.name) return { ok: false, problem: `No ${noun} has the Wikidata id ${ref.wikidataId}: add the name, as in “Name (${ref.wikidataId})”, to propose a new one.` };
    // A new name is proposed as its field would keep it, and one its field would refuse is not proposed.
    const name = cleanLine(ref.name).trim();
    const refused = badCharacterMessage(name) ?? directionControlMessage(name);
    if (refused) return { ok: false, problem: `The ${noun}'s name: ${refused}` };
    if (name.length > (kind === "person" ? 200 : 300)) return { ok: false, problem: `“${name.slice(0, 40)}…” is too long for a name.` };
    return { ok: false, proposal: { key: `${kind}:${ref.wikidataId ?? normalName(name)}`, kind, name, wikidataId: ref.wikidataId } };
  }
}
