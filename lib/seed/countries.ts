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

/**
 * The name a country is recorded under where the package's differs from the short name
 * newsrooms and the UN use: its index forms ("Moldova, Republic of", "Virgin Islands,
 * British"), its long forms for some countries and not others ("Russian Federation",
 * "Islamic Republic of Iran", "United States of America" beside "Germany" and "Bolivia"),
 * and its spellings without accents ("Cote d'Ivoire"). The package's names stay other names
 * (listCountryOtherNames), so the search, the pickers and the import find them.
 */
const RECORDED_NAMES: Record<string, string> = {
  BN: "Brunei",
  CI: "Côte d'Ivoire",
  CN: "China",
  FM: "Micronesia",
  GM: "Gambia",
  IR: "Iran",
  LA: "Laos",
  MD: "Moldova",
  MK: "North Macedonia",
  RU: "Russia",
  ST: "São Tomé and Príncipe",
  SY: "Syria",
  TW: "Taiwan",
  TZ: "Tanzania",
  US: "United States",
  VA: "Holy See",
  VG: "British Virgin Islands",
  VI: "United States Virgin Islands",
};

/** The 249 ISO 3166-1 countries, from the i18n-iso-countries package, under RECORDED_NAMES' names where it has one. */
export function listIsoCountries(): CountryRow[] {
  return Object.keys(countries.getAlpha2Codes())
    .filter((iso2) => !NOT_ISO.has(iso2))
    .map((iso2) => ({
      iso2,
      iso3: countries.alpha2ToAlpha3(iso2)!,
      numeric: countries.alpha2ToNumeric(iso2)!,
      name: RECORDED_NAMES[iso2] ?? countries.getName(iso2, "en", { select: "official" }) ?? iso2,
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
  MM: ["Burma"],
  MO: ["Macau"],
  NL: ["Holland"],
  SZ: ["Swaziland"],
  TL: ["East Timor"],
  // "America" alone is the United States to a reader; the continents' names are not (suggest.ts, REGIONS).
  US: ["America"],
  VA: ["Vatican City", "Vatican"],
  VG: ["BVI"],
  VI: ["US Virgin Islands", "USVI"],
  VN: ["Viet Nam"],
};

/**
 * The other names a country is known by, besides the name it is recorded under: the
 * package's ("UAE" for the United Arab Emirates, "Turkey" for Türkiye, "Ivory Coast" for
 * Côte d'Ivoire, "Czechia" for the Czech Republic, "Russian Federation" for Russia) and
 * MORE_OTHER_NAMES ("Burma", "Britain"). Dotted forms ("U.S.A.") are left out: a query's
 * punctuation never reaches the names.
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

const folded = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
let shownOtherNames: Map<string, string[]> | undefined;

/**
 * The other names a country's page gives it ("Also known as Burma"): listCountryOtherNames'
 * less the ones that are no other name to a reader. Left out are index forms ("Korea,
 * Republic of", "Netherlands (Kingdom of the)"), the recorded name without its accents or
 * with "The" ("Cote d'Ivoire", "The Netherlands"), and a name of two countries ("Congo").
 */
export function countryOtherNamesShown(iso2: string): string[] {
  if (!shownOtherNames) {
    const all = listCountryOtherNames();
    const countriesNamed = new Map<string, number>();
    for (const { otherNames } of all) for (const other of otherNames) countriesNamed.set(folded(other), (countriesNamed.get(folded(other)) ?? 0) + 1);
    shownOtherNames = new Map(
      all.map(({ iso2: code, name, otherNames }) => [
        code,
        otherNames.filter((other) => {
          const key = folded(other);
          return !/[,(]/.test(other) && key !== folded(name) && key !== `the ${folded(name)}` && countriesNamed.get(key) === 1;
        }),
      ]),
    );
  }
  return shownOtherNames.get(iso2.trim().toUpperCase()) ?? [];
}
