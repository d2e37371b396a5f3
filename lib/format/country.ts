/**
 * The countries whose name takes "the" in running text, as English writes them: "events
 * involve the United States", "the Netherlands and Israel", "the Gambia". Kept by code,
 * not guessed from the name: "South Georgia and the South Sandwich Islands" and
 * "Heard Island and McDonald Islands" take none, the Cook Islands do.
 */
const TAKES_THE = new Set([
  "AE", // United Arab Emirates
  "AX", // Åland Islands
  "BS", // Bahamas
  "CC", // Cocos (Keeling) Islands
  "CD", // Democratic Republic of the Congo
  "CF", // Central African Republic
  "CG", // Republic of the Congo
  "CK", // Cook Islands
  "CZ", // Czech Republic
  "DO", // Dominican Republic
  "FK", // Falkland Islands
  "FO", // Faroe Islands
  "GB", // United Kingdom
  "GM", // Gambia
  "KM", // Comoros
  "KY", // Cayman Islands
  "MH", // Marshall Islands
  "MP", // Northern Mariana Islands
  "MV", // Maldives
  "NL", // Netherlands
  "PH", // Philippines
  "PS", // State of Palestine
  "SB", // Solomon Islands
  "TC", // Turks and Caicos Islands
  "TF", // French Southern Territories
  "UM", // United States Minor Outlying Islands
  "US", // United States
  "VA", // Holy See
  "VG", // British Virgin Islands
  "VI", // United States Virgin Islands
]);

/**
 * A country's name as a sentence writes it: "the United States", "Kazakhstan"; "The United
 * States" at the start of one. Headings, labels and lists of names use the name alone.
 */
export function countryInText(
  country: { iso2: string; name: string },
  options: { atStart?: boolean } = {},
): string {
  if (!TAKES_THE.has(country.iso2.trim().toUpperCase())) return country.name;
  return `${options.atStart ? "The" : "the"} ${country.name}`;
}

const AND_LIST = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** Names joined as a sentence joins them: "Burma", "USA and US", "Congo-Kinshasa, DRC and DR Congo". */
export function andList(items: string[]): string {
  return AND_LIST.format(items);
}

/** Two countries as a title or sentence names them: "Israel and the United States", "The United States and Israel". */
export function pairInText(
  a: { iso2: string; name: string },
  b: { iso2: string; name: string },
): string {
  return `${countryInText(a, { atStart: true })} and ${countryInText(b)}`;
}
