import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import type { Db } from "@/lib/db/client";

countries.registerLocale(en);

// Wikidata ids known for certain; the rest stay empty rather than guessed.
const WIKIDATA: Record<string, string> = {
  KZ: "Q232",
  IL: "Q801",
  AE: "Q878",
  BH: "Q398",
  MA: "Q1028",
  SD: "Q1049",
  US: "Q30",
};

// i18n-iso-countries also lists XK (Kosovo), a user-assigned code outside ISO 3166-1.
const NOT_ISO = new Set(["XK"]);

export interface CountryRow {
  iso2: string;
  iso3: string;
  numeric: string;
  name: string;
  wikidataId: string | null;
}

/** Whether a two-letter code, in any case, is one of the ISO 3166-1 countries the record has (listIsoCountries). */
export function isIsoCountryCode(code: string): boolean {
  return /^[A-Za-z]{2}$/.test(code) && !NOT_ISO.has(code.toUpperCase()) && countries.isValid(code.toUpperCase());
}

/** The 249 ISO 3166-1 countries, from the i18n-iso-countries package. */
export function listIsoCountries(): CountryRow[] {
  return Object.keys(countries.getAlpha2Codes())
    .filter((iso2) => !NOT_ISO.has(iso2))
    .map((iso2) => ({
      iso2,
      iso3: countries.alpha2ToAlpha3(iso2)!,
      numeric: countries.alpha2ToNumeric(iso2)!,
      name: countries.getName(iso2, "en", { select: "official" }) ?? iso2,
      wikidataId: WIKIDATA[iso2] ?? null,
    }))
    .sort((a, b) => a.iso2.localeCompare(b.iso2));
}

/**
 * Names readers and sources use that the package does not list (it is the source for the
 * rest): former names still in use ("Burma", "Swaziland"), short forms ("Britain", "Laos",
 * "DRC") and the UN's own short names ("Cabo Verde", "Viet Nam"). A name a word of the
 * country's own name already finds ("Vatican", "Brunei", "Syria") is not repeated here.
 */
const MORE_OTHER_NAMES: Record<string, string[]> = {
  CD: ["DR Congo", "DRC", "Congo-Kinshasa"],
  CG: ["Congo-Brazzaville"],
  CV: ["Cabo Verde"],
  GB: ["Britain"],
  KP: ["DPRK"],
  LA: ["Laos"],
  MM: ["Burma"],
  MO: ["Macau"],
  NL: ["Holland"],
  SZ: ["Swaziland"],
  TL: ["East Timor"],
  VG: ["British Virgin Islands", "BVI"],
  VI: ["US Virgin Islands", "USVI"],
  VN: ["Viet Nam"],
};

/**
 * The other names a country is known by, besides the name it is recorded under: the
 * package's ("UAE" for the United Arab Emirates, "Turkey" for Türkiye, "Ivory Coast" for
 * Côte d'Ivoire, "Czechia" for the Czech Republic) and MORE_OTHER_NAMES ("Burma",
 * "Britain"). Dotted forms ("U.S.A.") are left out: a query's punctuation never reaches
 * the names.
 */
export function listCountryOtherNames(): Array<{ iso2: string; name: string; otherNames: string[] }> {
  return listIsoCountries().flatMap(({ iso2, name }) => {
    const seen = new Set([name.toLowerCase()]);
    const otherNames: string[] = [];
    for (const other of [countries.getName(iso2, "en", { select: "all" }) ?? [], MORE_OTHER_NAMES[iso2] ?? []].flat()) {
      if (other.includes(".") || seen.has(other.toLowerCase())) continue;
      seen.add(other.toLowerCase());
      otherNames.push(other);
    }
    return otherNames.length > 0 ? [{ iso2, name, otherNames }] : [];
  });
}

/** Inserts missing countries and refreshes names and codes; never deletes. */
export async function loadCountries(db: Db): Promise<number> {
  const rows = listIsoCountries();
  const values = rows.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`);
  const params = rows.flatMap((r) => [r.iso2, r.iso3, r.numeric, r.name, r.wikidataId]);
  await db.$executeRawUnsafe(
    `INSERT INTO "Country" (iso2, iso3, "numeric", name, "wikidataId") VALUES ${values.join(", ")}
     ON CONFLICT (iso2) DO UPDATE SET iso3 = EXCLUDED.iso3, "numeric" = EXCLUDED."numeric", name = EXCLUDED.name,
       "wikidataId" = COALESCE("Country"."wikidataId", EXCLUDED."wikidataId")
     WHERE ("Country".iso3, "Country"."numeric", "Country".name) IS DISTINCT FROM (EXCLUDED.iso3, EXCLUDED."numeric", EXCLUDED.name)
        OR ("Country"."wikidataId" IS NULL AND EXCLUDED."wikidataId" IS NOT NULL)`,
    ...params,
  );
  return rows.length;
}
