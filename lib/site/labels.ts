/** Readable words used by the public pages beyond lib/format/labels.ts. */
export const ATTRIBUTION_LABELS: Record<string, string> = {
  ON_RECORD: "On the record",
  SPOKESPERSON: "Through a spokesperson",
  ANONYMOUS: "Anonymous",
};

export const QUOTE_TYPE_LABELS: Record<string, string> = {
  DIRECT: "Direct quotation",
  PARTIAL: "Partial quotation",
  PARAPHRASE: "Paraphrase",
};

export const ORGANIZATION_KIND_LABELS: Record<string, string> = {
  INTERGOVERNMENTAL: "Intergovernmental organization",
  GOVERNMENT_BODY: "Government body",
  OTHER: "Organization",
};

/** "ru" → "Russian", in English; falls back to the code when the runtime does not know it. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
