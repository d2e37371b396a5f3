import { z } from "zod";
import { isoDate } from "@/lib/format/date";
import { readWholeNumber } from "./whole-number";

/**
 * The one field vocabulary of every desk record (events, statements, people,
 * organizations, topics, agreements) and of other inputs that take text from
 * people. Every piece refuses what the database cannot store or a page cannot
 * show, with a message for the field; none of them ever throws.
 *
 * Forms send "" for an untouched field: optional pieces turn it into null.
 */

// ---------------------------------------------------------------------------
// Text

/**
 * The first character that must not be stored, or null. PostgreSQL cannot hold
 * NUL in text at all; other C0/C1 control characters are invisible and break
 * feeds and exports (XML 1.0 forbids them); a lone UTF-16 surrogate is not a
 * character and cannot be written as JSON (the revision's snapshot). Tab, line
 * feed and carriage return are ordinary text. From `from` on, when given.
 */
export function findBadCharacter(text: string, from = 0): { index: number; codePoint: number; kind: "control" | "surrogate" } | null {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
      return { index: i, codePoint: code, kind: "control" };
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, codePoint: code, kind: "surrogate" };
    }
    if (code >= 0xdc00 && code <= 0xdfff) return { index: i, codePoint: code, kind: "surrogate" };
  }
  return null;
}

/** The text with each character findBadCharacter finds replaced by `by`. */
export function replaceBadCharacters(text: string, by: string): string {
  let out = "";
  let from = 0;
  for (let bad = findBadCharacter(text); bad; bad = findBadCharacter(text, from)) {
    out += text.slice(from, bad.index) + by;
    from = bad.index + 1;
  }
  return out + text.slice(from);
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/** The field message for text holding a character we refuse, or null when it is clean. */
export function badCharacterMessage(text: string): string | null {
  const bad = findBadCharacter(text);
  if (!bad) return null;
  const where = `at character ${bad.index + 1}`;
  return bad.kind === "control"
    ? `This contains an invisible control character (${hex(bad.codePoint)}) ${where}: remove it and try again.`
    : `This contains a broken character (half of a UTF-16 surrogate pair, ${hex(bad.codePoint)}) ${where}: retype it and try again.`;
}

/** A refinement refusing text that holds a character we refuse (badCharacterMessage). */
export function refuseBadCharacters(value: string, ctx: z.RefinementCtx): void {
  const problem = badCharacterMessage(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

/** A string that holds only characters we can store and show. */
export const cleanString = (message?: string) => z.string(message ? { error: message } : undefined).superRefine(refuseBadCharacters);

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const blankToNull = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v);
const tooLong = (max: number) => `Keep this under ${max.toLocaleString("en")} characters.`;

/** Trimmed text that must not be empty; `missing` is the sentence shown when it is ("Enter a title."). */
export const requiredText = (max: number, missing: string) =>
  z.preprocess(trimmed, cleanString(missing).min(1, missing).max(max, tooLong(max)));

/** Trimmed text that may be empty: "" becomes null. */
export const optionalText = (max: number) =>
  z.preprocess(blankToNull, cleanString().max(max, tooLong(max)).nullable().optional()).transform((v) => v ?? null);

/** Long text kept exactly as typed (Markdown): may be empty, never trimmed. */
export const longText = (max: number, tooLongMessage = tooLong(max)) => cleanString().max(max, tooLongMessage).default("");

// ---------------------------------------------------------------------------
// One line: names, titles, labels

/*
 * A name or a title is read by people comparing it with others ("is this the Kazakhstan we
 * have?"), so what it holds must be what it shows. Characters that show nothing (Unicode's
 * default-ignorable code points) are taken out where they do nothing a reader could see, and
 * kept where a script needs them; explicit direction controls, which make text show in another
 * order than it is stored ("\u202Enatsikhkaz" shows as "zakhkistan"), are refused. The text
 * is then in Unicode's composed form (NFC), as a keyboard writes it. Long text (a summary,
 * a statement's words, Markdown) keeps what was typed: a quote pasted from a source may need
 * its marks, and nothing is looked up by it.
 */

/** Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). */
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
/** Scripts written right to left: only beside their letters can a direction mark change what is shown. */
const RIGHT_TO_LEFT = /[\p{sc=Hebrew}\p{sc=Arabic}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}\p{sc=Samaritan}\p{sc=Mandaic}\p{sc=Adlam}\p{sc=Hanifi_Rohingya}]/u;
/** Scripts whose letters never join or form conjuncts: a joiner beside them changes nothing shown. */
const NEVER_JOINED = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Armenian}\p{sc=Georgian}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const SKIN_TONE = /\p{Emoji_Modifier}/u;
const SPACE = /\s/u;
const isTag = (c: string | undefined) => c !== undefined && c >= "\u{E0020}" && c <= "\u{E007F}";

/** The letter a character belongs to: the one before it, past the marks written on it. */
function baseBefore(chars: string[], i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && MARK.test(chars[j]!)) j--;
  return chars[j];
}

/**
 * Whether the invisible character at `i` does something a reader can see, and stays:
 * - a zero-width non-joiner or joiner between two letters of a script that joins or forms
 *   conjuncts (Persian "می‌خواهم", Hindi "क्‍ष"; not Latin, Greek, Cyrillic, CJK …), or a
 *   joiner inside an emoji sequence (👩‍⚕️);
 * - a variation selector after the character it selects a form of (❤️, an ideograph's variant),
 *   not after a Latin, Greek or Cyrillic letter, a space or nothing;
 * - Mongolian's free variation selectors and vowel separator, after a Mongolian letter;
 * - a left-to-right, right-to-left or Arabic letter mark in a line holding right-to-left
 *   letters (where it places the punctuation and digits beside them), nowhere else;
 * - a direction control, which stays only to be refused (directionControlMessage).
 * Everything else default-ignorable goes: zero-width space, word joiner, byte order mark, soft
 * hyphen, the invisible operators, the Hangul fillers, and any of the above out of place.
 */
function keepsInvisible(chars: string[], i: number, isRightToLeft: boolean): boolean {
  const c = chars[i]!;
  if (DIRECTION_CONTROL.test(c)) return true;
  if (c === "\u200E" || c === "\u200F" || c === "\u061C") return isRightToLeft;
  const before = chars[i - 1];
  const base = baseBefore(chars, i);
  const after = chars[i + 1];
  if (c === "\u200C" || c === "\u200D") {
    const joins = (letter: string | undefined) => letter !== undefined && LETTER.test(letter) && !NEVER_JOINED.test(letter);
    if (joins(base) && joins(after)) return true;
    return c === "\u200D" && before !== undefined && (PICTOGRAPH.test(before) || SKIN_TONE.test(before) || before === "\uFE0F") && after !== undefined && PICTOGRAPH.test(after);
  }
  if ((c >= "\uFE00" && c <= "\uFE0F") || (c >= "\u{E0100}" && c <= "\u{E01EF}")) {
    return base !== undefined && !SPACE.test(base) && !INVISIBLE.test(base) && !(LETTER.test(base) && /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]/u.test(base));
  }
  if (c >= "\u180B" && c <= "\u180F") return base !== undefined && /\p{sc=Mongolian}/u.test(base);
  return false;
}

/**
 * One line of text as it is kept: composed (NFC), and without the invisible characters that
 * show nothing (keepsInvisible). Direction controls are left for the field to refuse. A tag
 * sequence (the flag of Scotland: 🏴 and tags to a cancel tag) is kept whole; stray tags go.
 */
export function cleanLine(text: string): string {
  const chars = Array.from(text.normalize("NFC"));
  if (!chars.some((c) => INVISIBLE.test(c))) return chars.join("");
  // Letters: the Arabic letter mark is of the Arabic script itself.
  const isRightToLeft = chars.some((c) => LETTER.test(c) && RIGHT_TO_LEFT.test(c));
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (isTag(c)) {
      let end = i;
      while (isTag(chars[end + 1])) end++;
      const run = chars.slice(i, end + 1);
      const isFlag = chars[i - 1] === "\u{1F3F4}" && run.length >= 2 && run.at(-1) === "\u{E007F}" && run.slice(0, -1).every((t) => t !== "\u{E007F}");
      if (isFlag) out += run.join("");
      i = end;
      continue;
    }
    if (!INVISIBLE.test(c) || keepsInvisible(chars, i, isRightToLeft)) out += c;
  }
  return out.normalize("NFC");
}

const DIRECTION_NAMES: Record<string, string> = {
  "\u202A": "left-to-right embedding",
  "\u202B": "right-to-left embedding",
  "\u202C": "pop directional formatting",
  "\u202D": "left-to-right override",
  "\u202E": "right-to-left override",
  "\u2066": "left-to-right isolate",
  "\u2067": "right-to-left isolate",
  "\u2068": "first strong isolate",
  "\u2069": "pop directional isolate",
};

/** The field message for a line holding a direction control, or null. */
export function directionControlMessage(text: string): string | null {
  const match = DIRECTION_CONTROL.exec(text);
  if (!match) return null;
  const c = match[0];
  return `This contains an invisible text-direction control (${hex(c.charCodeAt(0))}, ${DIRECTION_NAMES[c]}) at character ${match.index + 1}, which can make text show in another order than it is stored: remove it and try again.`;
}

/** A line that holds only characters we can store and show, and no direction control. */
const cleanLineString = (message?: string) =>
  cleanString(message).superRefine((value, ctx) => {
    const problem = directionControlMessage(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const trimmedLine = (v: unknown) => (typeof v === "string" ? cleanLine(v).trim() : v);
const blankLineToNull = (v: unknown) => (typeof v === "string" ? trimmedLine(v) || null : v);

/** A name or title that must not be empty (cleanLine, trimmed); `missing` is the sentence shown when it is. */
export const requiredLine = (max: number, missing: string) =>
  z.preprocess(trimmedLine, cleanLineString(missing).min(1, missing).max(max, tooLong(max)));

/** A name or label that may be empty: "" (or only invisible characters) becomes null. */
export const optionalLine = (max: number) =>
  z.preprocess(blankLineToNull, cleanLineString().max(max, tooLong(max)).nullable().optional()).transform((v) => v ?? null);

// ---------------------------------------------------------------------------
// Whole numbers

// readWholeNumber lives in a module without zod, which the browser's form reading imports
// (constructing a zod object schema probes for eval, a violation of the desk's CSP).
export { readWholeNumber };

/**
 * A whole number from `min` to `max`, read by readWholeNumber; anything else gets `message`
 * (or `typeMessage` when it is no whole number at all). Its JSON Schema is an integer with
 * its bounds (the OpenAPI document's parameters are generated from it).
 */
export const wholeNumber = ({ min, max, message, typeMessage = message }: { min: number; max: number; message: string; typeMessage?: string }) =>
  z.preprocess((value) => readWholeNumber(value) ?? value, z.number({ error: typeMessage }).int(typeMessage).min(min, message).max(max, message));

// ---------------------------------------------------------------------------
// References to other records

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a value from a URL or a form can be a record's id (cuid or ISO code); anything else matches nothing. */
export const isRecordId = (value: unknown): value is string => typeof value === "string" && ID.test(value);

/**
 * A record's version as a request names it (the version a form or list was based on, a
 * revision to restore). Versions are PostgreSQL integers: a larger number is no version at
 * all, and would otherwise reach the query and fail there (a 500) instead of being refused.
 */
export const versionNumber = z.number().int().min(1).max(2_147_483_647);

/** The id of a chosen record ("" or nothing: none chosen). */
export const optionalId = (what = "a record") =>
  z
    .preprocess(blankToNull, z.string().regex(ID, `Choose ${what} from the list.`).nullable().optional())
    .transform((v) => v ?? null);

/** Several chosen records. */
export const idList = (what = "records") =>
  z
    .array(z.string().trim().regex(ID, `Choose ${what} from the list.`), { error: `Choose ${what} from the list.` })
    .max(300, `At most 300 ${what}.`)
    .default([]);

/** An ISO 3166-1 alpha-2 country code, upper-cased ("kz" → "KZ"). */
export const iso2 = (what = "a country") =>
  z
    .string({ error: `Choose ${what} from the list.` })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, `Choose ${what} from the list.`);

export const optionalIso2 = (what = "a country") =>
  z.preprocess(blankToNull, iso2(what).nullable().optional()).transform((v) => v ?? null);

export const wikidataId = z
  .preprocess(blankToNull, z.string().regex(/^Q[1-9]\d{0,11}$/, "A Wikidata id is Q followed by digits, e.g. Q232.").nullable().optional())
  .transform((v) => v ?? null);

// ---------------------------------------------------------------------------
// Web addresses

const URL_MESSAGE = "Only http and https addresses are accepted.";

/** http and https only: a javascript: or data: link must never reach a page. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const httpUrl = z.preprocess(
  trimmed,
  cleanString("Enter a web address.").min(1, "Enter a web address.").max(2000, "Keep the address under 2,000 characters.").refine(isHttpUrl, URL_MESSAGE),
);

export const optionalHttpUrl = z
  .preprocess(blankToNull, cleanString().max(2000, "Keep the address under 2,000 characters.").refine(isHttpUrl, URL_MESSAGE).nullable().optional())
  .transform((v) => v ?? null);

// ---------------------------------------------------------------------------
// Dates with a precision

/**
 * Years a record's dates may carry. The diplomatic record reaches back to
 * medieval treaties but not before the year 1000, and forward to scheduled
 * events and far-off expiry dates; four-digit years are also what every layer
 * (ISO 8601 text, <input type="date">, PostgreSQL's driver, feeds) reads the
 * same way. Year 10000 comes back from the driver as an Invalid Date.
 */
export const YEAR_MIN = 1000;
export const YEAR_MAX = 2999;
export const YEAR_RANGE_MESSAGE = `Use a year between ${YEAR_MIN} and ${YEAR_MAX}.`;

export const PRECISIONS = ["DAY", "MONTH", "YEAR"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** A date known to a precision: "1992" is the year 1992, stored as its first day. */
export interface PartialDate {
  date: Date;
  precision: Precision;
}

export type DateReading = { ok: true; value: PartialDate } | { ok: false; problem: "format" | "range" };

const DATE_TEXT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads "1992", "1992-08" or "1992-04-10". Without a precision, the precision
 * is what was typed (a year-only fact never turns into a made-up day). With
 * one, the text must be at least that precise and is cut to it ("2025-11-06"
 * at MONTH is November 2025). Impossible days (30 February) are refused.
 */
export function readDate(text: string, precision?: Precision): DateReading {
  const match = DATE_TEXT.exec(text.trim());
  if (!match) return { ok: false, problem: "format" };
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : null;
  const day = match[3] ? Number(match[3]) : null;
  const typed: Precision = day !== null ? "DAY" : month !== null ? "MONTH" : "YEAR";
  const wanted = precision ?? typed;
  if (PRECISIONS.indexOf(typed) > PRECISIONS.indexOf(wanted)) return { ok: false, problem: "format" };
  if (month !== null && (month < 1 || month > 12)) return { ok: false, problem: "format" };
  if (day !== null) {
    const probe = new Date(Date.UTC(2000, 0, 1));
    probe.setUTCFullYear(year, month! - 1, day);
    if (probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day) return { ok: false, problem: "format" };
  }
  if (year < YEAR_MIN || year > YEAR_MAX) return { ok: false, problem: "range" };
  const m = wanted === "YEAR" ? 0 : month! - 1;
  const d = wanted === "DAY" ? day! : 1;
  return { ok: true, value: { date: new Date(Date.UTC(year, m, d)), precision: wanted } };
}

/** `readDate` for callers that only need the date or nothing. */
export function parsePartialDate(text: string): PartialDate | null {
  const reading = readDate(text);
  return reading.ok ? reading.value : null;
}

/** "2025-11-06" at MONTH → "2025-11-01": the first day the text stands for, or null. */
export function normaliseDate(text: string, precision: Precision): string | null {
  const reading = readDate(text, precision);
  return reading.ok ? dayText(reading.value.date) : null;
}

/** A stored date as "YYYY-MM-DD" (null for none, or for one outside the range we can read). */
export function dayText(date: Date | null | undefined): string | null {
  const text = date ? isoDate(date) : "";
  return text.length === 10 ? text : null;
}

/** The text a date is edited as: cut to its precision, "" for none. */
export function partialDateText(date: Date | null | undefined, precision: Precision = "DAY"): string {
  const day = dayText(date);
  if (!day) return "";
  return precision === "YEAR" ? day.slice(0, 4) : precision === "MONTH" ? day.slice(0, 7) : day;
}

/** "2025-11-06" → that day at UTC midnight (Prisma @db.Date). */
export const toDay = (text: string | null | undefined): Date | null => (text ? new Date(`${text}T00:00:00.000Z`) : null);

/** The last day a partial date may mean: "1992" lasts until 31 December 1992. */
export function partialDateEnd(value: PartialDate): Date {
  const d = value.date;
  if (value.precision === "YEAR") return new Date(Date.UTC(d.getUTCFullYear(), 11, 31));
  if (value.precision === "MONTH") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return d;
}

/** True when `end` cannot be before `start` at the precision each was given. */
export function isInOrder(start: PartialDate | null | undefined, end: PartialDate | null | undefined): boolean {
  if (!start || !end) return true;
  return partialDateEnd(end).getTime() >= start.date.getTime();
}

export const precision = z.enum(PRECISIONS, { error: "Choose day, month or year." }).default("DAY");

const readableYear = (d: Date) => d.getUTCFullYear() >= YEAR_MIN && d.getUTCFullYear() <= YEAR_MAX;

/** An already-read partial date (domain code passing a parsed input back in); never from JSON. */
const partialDateValue = z.object({
  date: z.date().refine(readableYear, YEAR_RANGE_MESSAGE),
  precision: z.enum(PRECISIONS),
});

/** A date typed to the precision that is known ("1992", "1992-08", "1992-04-10"), or nothing. */
export const optionalPartialDate = (what: string) =>
  z
    .preprocess(
      blankToNull,
      z
        .string()
        .or(partialDateValue)
        .transform((text, ctx): PartialDate => {
          if (typeof text !== "string") return text;
          const reading = readDate(text);
          if (reading.ok) return reading.value;
          ctx.addIssue({
            code: "custom",
            message: reading.problem === "range" ? `${what}: ${YEAR_RANGE_MESSAGE}` : `${what} must be a real date written YYYY, YYYY-MM or YYYY-MM-DD.`,
          });
          return z.NEVER;
        })
        .nullable()
        .optional(),
    )
    .transform((v) => v ?? null);

/** A whole calendar day as "YYYY-MM-DD", or nothing. */
export const optionalDay = (what: string) =>
  z
    .preprocess(
      blankToNull,
      z
        .string()
        .transform((text, ctx) => {
          const reading = readDate(text, "DAY");
          if (reading.ok) return dayText(reading.value.date)!;
          ctx.addIssue({ code: "custom", message: reading.problem === "range" ? `${what}: ${YEAR_RANGE_MESSAGE}` : `${what} must be a real date (YYYY-MM-DD).` });
          return z.NEVER;
        })
        .nullable()
        .optional(),
    )
    .transform((v) => v ?? null);

/**
 * A date typed as text beside a precision chooser (events, statements). The
 * text is checked against the precision in the record's own refinement, which
 * can see both; this piece only bounds and cleans it.
 */
export const dateText = z
  .preprocess(blankToNull, cleanString().max(10, "Write the date as YYYY-MM-DD, YYYY-MM or YYYY.").nullable().optional())
  .transform((v) => v ?? null);

/** The field message for a date text at a precision, or null when it reads. */
export function dateProblem(text: string, precision: Precision): string | null {
  const reading = readDate(text, precision);
  if (reading.ok) return null;
  return reading.problem === "range" ? YEAR_RANGE_MESSAGE : "This is not a real date for the chosen precision (YYYY-MM-DD, YYYY-MM or YYYY).";
}

export const localTime = z
  .preprocess(blankToNull, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Write the time as HH:MM (24-hour).").nullable().optional())
  .transform((v) => v ?? null);

export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z0-9_+/-]{1,64}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

export const timeZone = z
  .preprocess(blankToNull, z.string().max(64).refine(isTimeZone, "Enter an IANA time zone such as Asia/Almaty.").nullable().optional())
  .transform((v) => v ?? null);

/**
 * How far ahead an item may be scheduled. Publishing is an editorial decision
 * about the near future; a time years away is a typing slip (2062 for 2026)
 * that would sit unnoticed in the queue.
 */
export const SCHEDULE_HORIZON_YEARS = 5;

/** The field message for a publication time, or null when it is a usable one. */
export function scheduleProblem(at: Date, now: Date): string | null {
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) return "Choose a time in the future.";
  const horizon = new Date(now);
  horizon.setUTCFullYear(horizon.getUTCFullYear() + SCHEDULE_HORIZON_YEARS);
  if (at.getTime() > horizon.getTime()) return `Choose a time within the next ${SCHEDULE_HORIZON_YEARS} years.`;
  return null;
}

// ---------------------------------------------------------------------------
// Sources

/** A source as typed on any desk form. */
export const SourceInputSchema = z
  .object({
    url: httpUrl,
    title: requiredLine(500, "Enter the source's title."),
    publisher: optionalLine(200),
    publishedOn: optionalDay("Published on"),
    accessedOn: optionalDay("Accessed on"),
    archiveUrl: optionalHttpUrl,
  })
  .strict();

export type SourceInput = z.output<typeof SourceInputSchema>;

/**
 * A source's address as two sources of one item are compared: the scheme's and the host's
 * case, a default port and the fragment (a place in the same page) set aside. Null for text
 * that is no address (its own field says so).
 */
export function sourceAddressKey(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url.trim());
    parsed.hash = "";
    return parsed.href;
  } catch {
    return null;
  }
}

/** The same page given twice as a source of one item is refused at the later one's address. */
function refuseRepeatedSources(sources: unknown[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  sources.forEach((source, i) => {
    const key = typeof source === "object" && source !== null ? sourceAddressKey((source as { url?: unknown }).url) : null;
    if (key === null) return;
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "url"], message: "This address is already a source above: give each source once." });
    seen.add(key);
  });
}

export const sourcesList = z
  .array(SourceInputSchema)
  .max(50, "Keep it to 50 sources.")
  // Checked even when a source's own fields failed, so every problem shows at once.
  .superRefine(refuseRepeatedSources, { when: (payload) => Array.isArray(payload.value) })
  .default([]);

/** Rows for Prisma from validated sources, in the order given. */
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

/** The columns of a source row, for multi-row inserts (lib/records/insert-rows.ts). */
export const SOURCE_COLUMNS = {
  id: "text",
  url: "text",
  title: "text",
  publisher: "text",
  publishedOn: "date",
  accessedOn: "date",
  archiveUrl: "text",
  position: "int",
  eventId: "text",
  statementId: "text",
  createdAt: "timestamptz",
} as const;

/** Stored sources as the input that would write them again. */
export const sourceInputs = (
  rows: Array<{ url: string; title: string; publisher: string | null; publishedOn: Date | null; accessedOn: Date | null; archiveUrl: string | null }>,
): SourceInput[] =>
  rows.map((s) => ({
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedOn: dayText(s.publishedOn),
    accessedOn: dayText(s.accessedOn),
    archiveUrl: s.archiveUrl,
  }));

/**
 * Cross-field checks run even when other fields already failed, so the form
 * shows every problem at once. Their code must then cope with unparsed values.
 * They never run on what is not an object at all (`null` or a string sent as the
 * form, a participant sent as `null`): there is no field to check, the object's own
 * refusal says what is wrong, and reading a field of null would be a 500.
 */
export const ALWAYS = {
  when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
} as const;
