import type { serializeEvent } from "./serializers";

/**
 * RFC 4180 CSV: CRLF line ends, every field quoted when it holds a quote, comma or
 * line break. Cells that a spreadsheet would run as a formula (= + - @, and tab or
 * carriage return at the start) get a leading single quote (OWASP CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export const EVENT_CSV_HEADER = [
  "id",
  "slug",
  "url",
  "title",
  "summary",
  "type",
  "cameo_code",
  "date",
  "date_precision",
  "end_date",
  "occurrence",
  "place",
  "country_iso2",
  "agreement",
  "topics",
  "participants",
  "published_at",
];

export function eventCsvRow(e: ReturnType<typeof serializeEvent>): Array<string | null> {
  return [
    e.id,
    e.slug,
    e.url,
    e.title,
    e.summary,
    e.type,
    e.cameoCode,
    e.date,
    e.datePrecision,
    e.endDate,
    e.occurrence,
    e.place,
    e.country?.iso2 ?? null,
    e.agreement?.slug ?? null,
    e.topics.map((t) => t.slug).join(";"),
    e.participants.map((p) => `${p.role}:${"iso2" in p ? p.iso2 : p.slug}`).join(";"),
    e.publishedAt,
  ];
}
