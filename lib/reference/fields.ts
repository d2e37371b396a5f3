import { z } from "zod";

/** Zod pieces shared by the reference records' input schemas (people, organizations, agreements, topics). */

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const requiredText = (what: string, max: number) =>
  z
    .string({ error: `${what} is required.` })
    .trim()
    .min(1, { error: `${what} is required.` })
    .max(max, { error: `${what} must be at most ${max} characters.` });

export const optionalText = (what: string, max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, { error: `${what} must be at most ${max} characters.` }).optional());

export const optionalId = (what: string) =>
  z.preprocess(blankToUndefined, z.string().trim().min(1).max(40, { error: `Choose ${what} from the list.` }).optional());

export const requiredId = (what: string) =>
  z.preprocess(blankToUndefined, z.string({ error: `Choose ${what} from the list.` }).trim().min(1).max(40, { error: `Choose ${what} from the list.` }));

export const iso2 = (what = "a country") =>
  z
    .string({ error: `Choose ${what} from the list.` })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: `Choose ${what} from the list.` });

export const optionalIso2 = (what = "a country") => z.preprocess(blankToUndefined, iso2(what).optional());

export const wikidataId = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^Q[1-9]\d{0,11}$/, { error: "A Wikidata id is Q followed by digits, e.g. Q232." })
    .optional(),
);

export const idList = (what: string) =>
  z
    .array(z.string().trim().min(1).max(40, { error: `Choose ${what} from the list.` }), { error: `Choose ${what} from the list.` })
    .max(300, { error: `At most 300 ${what}.` })
    .default([]);

/** http and https only: a javascript: or data: link must never reach a page. */
export const httpUrl = (what = "URL") =>
  z
    .string({ error: `${what} is required.` })
    .trim()
    .min(1, { error: `${what} is required.` })
    .max(2000, { error: `${what} must be at most 2000 characters.` })
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
        } catch {
          return false;
        }
      },
      { error: `${what} must be a web address starting with http:// or https://.` },
    );

export type Precision = "DAY" | "MONTH" | "YEAR";
export interface PartialDate {
  date: Date;
  precision: Precision;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * "1992", "1992-08" or "1992-04-10": the precision is what was typed, so a
 * year-only fact never turns into a made-up day. Impossible dates are refused.
 */
export function parsePartialDate(text: string): PartialDate | null {
  const match = PARTIAL_DATE.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : 1;
  const day = match[3] ? Number(match[3]) : 1;
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { date, precision: match[3] ? "DAY" : match[2] ? "MONTH" : "YEAR" };
}

/** The text a partial date is edited as (the inverse of parsePartialDate). */
export function partialDateText(date: Date | null | undefined, precision: Precision = "DAY"): string {
  if (!date) return "";
  const iso = date.toISOString().slice(0, 10);
  return precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso;
}

/** The last day a partial date may mean: "1992" lasts until 31 December 1992. */
export function partialDateEnd(value: PartialDate): Date {
  const d = value.date;
  if (value.precision === "YEAR") return new Date(Date.UTC(d.getUTCFullYear(), 11, 31));
  if (value.precision === "MONTH") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return d;
}

/** True when `end` cannot be before `start` at the precision each was given. */
export function isInOrder(start: PartialDate | undefined, end: PartialDate | undefined): boolean {
  if (!start || !end) return true;
  return partialDateEnd(end).getTime() >= start.date.getTime();
}

export const optionalPartialDate = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((text, ctx) => {
        const parsed = parsePartialDate(text);
        if (!parsed) {
          ctx.addIssue({ code: "custom", message: `${what} must be a real date written YYYY, YYYY-MM or YYYY-MM-DD.` });
          return z.NEVER;
        }
        return parsed;
      })
      .optional(),
  );

/** A full calendar day (YYYY-MM-DD), e.g. from <input type="date">. */
export const optionalDay = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((text, ctx) => {
        const parsed = parsePartialDate(text);
        if (!parsed || parsed.precision !== "DAY") {
          ctx.addIssue({ code: "custom", message: `${what} must be a real date (YYYY-MM-DD).` });
          return z.NEVER;
        }
        return parsed.date;
      })
      .optional(),
  );

export const SourceInputSchema = z
  .object({
    url: httpUrl("Source URL"),
    title: requiredText("Source title", 500),
    publisher: optionalText("Publisher", 200),
    publishedOn: optionalDay("Published on"),
    accessedOn: optionalDay("Accessed on"),
    archiveUrl: z.preprocess(blankToUndefined, httpUrl("Archive URL").optional()),
  })
  .strict();
export type SourceInput = z.infer<typeof SourceInputSchema>;

export const sourceList = z.array(SourceInputSchema).max(50, { error: "At most 50 sources." }).default([]);

/** A source as stored, turned back into what the form edits. */
export function sourceSnapshot(s: { url: string; title: string; publisher: string | null; publishedOn: Date | null; accessedOn: Date | null; archiveUrl: string | null }) {
  return {
    url: s.url,
    title: s.title,
    publisher: s.publisher ?? "",
    publishedOn: partialDateText(s.publishedOn),
    accessedOn: partialDateText(s.accessedOn),
    archiveUrl: s.archiveUrl ?? "",
  };
}

export const sourceRows = (sources: SourceInput[]) =>
  sources.map((s, position) => ({
    url: s.url,
    title: s.title,
    publisher: s.publisher ?? null,
    publishedOn: s.publishedOn ?? null,
    accessedOn: s.accessedOn ?? null,
    archiveUrl: s.archiveUrl ?? null,
    position,
  }));
