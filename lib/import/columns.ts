/**
 * The columns of Chancery's own import format (docs/import.md documents each).
 * A file in another shape (GDELT, ACLED) is turned into these by a mapping
 * (mappings.ts) before a row is read.
 */
export type ImportKind = "events" | "statements";

export const COMMON_COLUMNS = ["external_id", "external_source", "source_url", "source_title", "source_publisher", "source_date"] as const;

export const EVENT_COLUMNS = [
  ...COMMON_COLUMNS,
  "title",
  "summary",
  "body",
  "type",
  "cameo_code",
  "date",
  "date_precision",
  "date_approximate",
  "end_date",
  "occurrence",
  "place",
  "country",
  "countries",
  "organizations",
  "people",
  "participant_role",
] as const;

export const STATEMENT_COLUMNS = [
  ...COMMON_COLUMNS,
  "title",
  "text",
  "language",
  "translation",
  "translated_by",
  "speaker",
  "speaker_label",
  "speaker_title",
  "attribution",
  "medium",
  "platform",
  "quote_type",
  "said_on",
  "said_precision",
  "countries",
  "context",
] as const;

export const COLUMNS_OF: Record<ImportKind, readonly string[]> = { events: EVENT_COLUMNS, statements: STATEMENT_COLUMNS };

/** Where an input field's error is shown: the column a person typed it in. */
export const COLUMN_OF_FIELD: Record<ImportKind, Record<string, string>> = {
  events: {
    title: "title",
    summary: "summary",
    body: "body",
    type: "type",
    date: "date",
    datePrecision: "date_precision",
    dateApproximate: "date_approximate",
    endDate: "end_date",
    occurrence: "occurrence",
    placeName: "place",
    countryId: "country",
    participants: "countries",
    sources: "source_url",
  },
  statements: {
    title: "title",
    text: "text",
    language: "language",
    translation: "translation",
    translatedBy: "translated_by",
    speakerId: "speaker",
    speakerLabel: "speaker_label",
    speakerTitle: "speaker_title",
    attribution: "attribution",
    medium: "medium",
    platform: "platform",
    quoteType: "quote_type",
    saidOn: "said_on",
    saidPrecision: "said_precision",
    timeZone: "said_on",
    countryIds: "countries",
    context: "context",
    sources: "source_url",
  },
};

const SOURCE_FIELD: Record<string, string> = { url: "source_url", title: "source_title", publisher: "source_publisher", publishedOn: "source_date" };

/** "sources.0.title" → "source_title"; "participants.2.countryId" → the list the participant came from. */
export function columnOfPath(kind: ImportKind, path: string, participantColumns: readonly string[] = []): string {
  const [head, index, leaf] = path.split(".");
  if (head === "sources" && leaf) return SOURCE_FIELD[leaf] ?? "source_url";
  if (head === "participants" && index !== undefined) return participantColumns[Number(index)] ?? "countries";
  return COLUMN_OF_FIELD[kind][head ?? ""] ?? head ?? "row";
}
