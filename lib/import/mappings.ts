import { CAMEO_NAMES } from "@/lib/events/cameo";
import type { FileRow } from "./import-file";

/**
 * Files in other shapes are turned into Chancery's own columns (columns.ts) row by
 * row. The shape is recognised by its id column; a column of Chancery's own in the
 * same file (say `title` or `type`) wins over what the mapping makes. docs/import.md
 * documents each mapping.
 */
export type MappingName = "chancery" | "gdelt" | "acled";

export const MAPPING_LABELS: Record<MappingName, string> = {
  chancery: "Chancery's columns",
  gdelt: "GDELT events (CAMEO-coded)",
  acled: "ACLED events",
};

export function detectMapping(columns: readonly string[]): MappingName {
  const lower = columns.map((c) => c.toLowerCase());
  if (lower.includes("globaleventid")) return "gdelt";
  if (lower.includes("event_id_cnty")) return "acled";
  return "chancery";
}

/** A cell by column name, whatever its case in the file. */
function reader(cells: Record<string, string>) {
  const byLower = new Map(Object.entries(cells).map(([k, v]) => [k.toLowerCase(), v.trim()]));
  return (name: string) => byLower.get(name.toLowerCase()) ?? "";
}

/** GDELT writes actors in capitals ("UNITED STATES"); a headline reads better in title case. */
const titleCase = (text: string) => (text === text.toUpperCase() ? text.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : text);

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function fromGdelt(get: (name: string) => string): Record<string, string> {
  const code = get("EventCode");
  const actor1 = titleCase(get("Actor1Name"));
  const actor2 = titleCase(get("Actor2Name"));
  const action = CAMEO_NAMES[code] ?? (code ? `CAMEO ${code}` : "Event");
  const place = get("ActionGeo_FullName");
  const sqlDate = get("SQLDATE");
  const url = get("SOURCEURL");
  const host = url ? hostOf(url) : null;
  const who = [actor1, actor2].filter(Boolean);
  return {
    external_id: get("GLOBALEVENTID"),
    external_source: "gdelt",
    title: cut([actor1 || "Unnamed actor", action.toLowerCase(), actor2].filter(Boolean).join(" — ").replace(/ — /, ": "), 300),
    summary: cut(`${who.length ? who.join(" and ") : "Unnamed actors"}: ${action}${place ? `, ${place}` : ""} (GDELT event ${get("GLOBALEVENTID")}, CAMEO ${code || "none"}).`, 1000),
    cameo_code: code,
    date: /^\d{8}$/.test(sqlDate) ? `${sqlDate.slice(0, 4)}-${sqlDate.slice(4, 6)}-${sqlDate.slice(6, 8)}` : sqlDate,
    place,
    countries: [get("Actor1CountryCode"), get("Actor2CountryCode")].filter(Boolean).join("; "),
    source_url: url,
    source_title: url ? `Article at ${host ?? "the source"} (via GDELT)` : "",
  };
}

/** ACLED's sub-event types that are diplomatic events, and the Chancery type each becomes. */
export const ACLED_TYPES: Record<string, string> = {
  agreement: "AGREEMENT_SIGNED",
  "peaceful protest": "PROTEST",
  "protest with intervention": "PROTEST",
  "excessive force against protesters": "PROTEST",
};

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** ACLED writes "2025-11-06" in its API and "06 November 2025" in its spreadsheets. */
function acledDate(text: string): string {
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  return m && month >= 0 ? `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : text;
}

function fromAcled(get: (name: string) => string): Record<string, string> {
  const sub = get("sub_event_type");
  const notes = get("notes");
  const actors = [get("actor1"), get("actor2")].filter(Boolean);
  const named = get("source");
  return {
    external_id: get("event_id_cnty"),
    external_source: "acled",
    title: cut(`${sub || get("event_type") || "Event"}: ${actors.join(" and ") || "unnamed actors"}`, 300),
    summary: cut(notes, 1000),
    body: [notes.length > 1000 ? notes : "", named ? `Sources named by ACLED: ${named}.` : ""].filter(Boolean).join("\n\n"),
    // An ACLED type with no diplomatic counterpart stays as typed, so the report names it.
    type: ACLED_TYPES[sub.toLowerCase()] ?? sub,
    date: acledDate(get("event_date")),
    place: [get("location"), get("admin1")].filter(Boolean).join(", "),
    country: get("country"),
  };
}

/** The row in Chancery's own columns. */
export function mapRow(mapping: MappingName, row: FileRow, ownColumns: readonly string[]): Record<string, string> {
  const get = reader(row.cells);
  const mapped = mapping === "gdelt" ? fromGdelt(get) : mapping === "acled" ? fromAcled(get) : {};
  const out: Record<string, string> = Object.create(null);
  Object.assign(out, mapped);
  for (const column of ownColumns) {
    const value = get(column);
    if (value !== "" || mapping === "chancery") out[column] = value;
  }
  return out;
}

/** The file's columns that no mapping reads (shown in the report, so a typo is seen). */
export function unreadColumns(mapping: MappingName, columns: readonly string[], ownColumns: readonly string[]): string[] {
  const read = new Set(ownColumns.map((c) => c.toLowerCase()));
  const mapped =
    mapping === "gdelt"
      ? ["globaleventid", "eventcode", "actor1name", "actor2name", "actiongeo_fullname", "sqldate", "sourceurl", "actor1countrycode", "actor2countrycode"]
      : mapping === "acled"
        ? ["event_id_cnty", "sub_event_type", "event_type", "notes", "actor1", "actor2", "source", "event_date", "location", "admin1", "country"]
        : [];
  mapped.forEach((c) => read.add(c));
  return mapping === "chancery" ? columns.filter((c) => !read.has(c.toLowerCase())) : [];
}
