import { z } from "zod";
import { groupMessages } from "@/lib/objects/safe-keys";

/**
 * Pieces shared by the event and statement input schemas (and by their forms).
 * Forms send empty strings for untouched fields; these turn them into null.
 */
/**
 * Cross-field checks run even when other fields already failed, so the form
 * shows every problem at once. Their code must then cope with unparsed values.
 */
export const ALWAYS = { when: () => true } as const;

export const PRECISIONS = ["DAY", "MONTH", "YEAR"] as const;
export type Precision = (typeof PRECISIONS)[number];

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v);

/** An optional trimmed string: "" becomes null. */
export const optionalText = (max: number, message?: string) =>
  z.preprocess(emptyToNull, z.string().max(max, message ?? `Keep this under ${max} characters.`).nullable().optional()).transform((v) => v ?? null);

export const requiredText = (max: number, what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: `Enter ${what}.` }).min(1, `Enter ${what}.`).max(max, `Keep this under ${max} characters.`),
  );

export const optionalId = z.preprocess(emptyToNull, z.string().max(64).nullable().optional()).transform((v) => v ?? null);

export const idList = z.array(z.string().min(1).max(64)).max(200).default([]);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export const httpUrl = z
  .string({ error: "Enter a web address." })
  .trim()
  .min(1, "Enter a web address.")
  .max(2000, "Keep the address under 2000 characters.")
  .refine((v) => v.length === 0 || isHttpUrl(v), "Only http and https addresses are accepted.");

export const optionalHttpUrl = z
  .preprocess(emptyToNull, z.string().max(2000).refine(isHttpUrl, "Only http and https addresses are accepted.").nullable().optional())
  .transform((v) => v ?? null);

/** A calendar day "YYYY-MM-DD" that exists (no 30 February). */
export function isRealDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Normalises a date written to a precision: "2025-11-06" (DAY), "2025-11" (MONTH),
 * "2025" (YEAR) — a full day is also accepted for the coarser precisions and cut.
 * Returns the first day it stands for, or null when it is not a real date.
 */
export function normaliseDate(value: string, precision: Precision): string | null {
  const v = value.trim();
  if (precision === "DAY") return isRealDay(v) ? v : null;
  if (precision === "MONTH") {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v);
    if (!m) return null;
    const day = `${m[1]}-${m[2]}-01`;
    if (m[3] && !isRealDay(v)) return null;
    return isRealDay(day) ? day : null;
  }
  const y = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(v);
  if (!y) return null;
  return `${y[1]}-01-01`;
}

export const optionalDateText = z.preprocess(emptyToNull, z.string().max(10).nullable().optional()).transform((v) => v ?? null);

export const precision = z.enum(PRECISIONS, { error: "Choose day, month or year." }).default("DAY");

export const localTime = z
  .preprocess(emptyToNull, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Write the time as HH:MM (24-hour).").nullable().optional())
  .transform((v) => v ?? null);

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

export const timeZone = z
  .preprocess(emptyToNull, z.string().max(64).refine(isTimeZone, "Enter an IANA time zone such as Asia/Almaty.").nullable().optional())
  .transform((v) => v ?? null);

/** A source as typed on the form. */
export const SourceInputSchema = z
  .object({
    url: httpUrl,
    title: requiredText(500, "the source's title"),
    publisher: optionalText(200),
    publishedOn: optionalDateText.refine((v) => v === null || isRealDay(v), "Write the date as YYYY-MM-DD."),
    accessedOn: optionalDateText.refine((v) => v === null || isRealDay(v), "Write the date as YYYY-MM-DD."),
    archiveUrl: optionalHttpUrl,
  })
  .strict();

export type SourceInput = z.infer<typeof SourceInputSchema>;

export const sourcesList = z.array(SourceInputSchema).max(50, "Keep it to 50 sources.").default([]);

/** "2025-11-06" → Date at UTC midnight (Prisma @db.Date). */
export const toDay = (value: string | null): Date | null => (value ? new Date(`${value}T00:00:00.000Z`) : null);
export const fromDay = (value: Date | null): string | null => (value ? value.toISOString().slice(0, 10) : null);

/** Rows for Prisma from validated sources. */
export const sourceRows = (sources: SourceInput[]) =>
  sources.map((s, position) => ({
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedOn: toDay(s.publishedOn),
    accessedOn: toDay(s.accessedOn),
    archiveUrl: s.archiveUrl,
    position,
  }));

export const sourceInputs = (
  rows: Array<{ url: string; title: string; publisher: string | null; publishedOn: Date | null; accessedOn: Date | null; archiveUrl: string | null }>,
): SourceInput[] =>
  rows.map((s) => ({
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedOn: fromDay(s.publishedOn),
    accessedOn: fromDay(s.accessedOn),
    archiveUrl: s.archiveUrl,
  }));

/** Field errors keyed by dotted path ("sources.0.url"), as the forms show them. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  return groupMessages(
    error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => [[...issue.path, key].join("."), "This field is not part of the form."] as const)
        : [[issue.path.join(".") || "form", issue.message] as const],
    ),
  );
}
