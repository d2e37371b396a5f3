import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { isPrototypeKey } from "@/lib/objects/safe-keys";
import { refuseBadCharacters, wholeNumber } from "@/lib/records/fields";

/**
 * The public query language shared by /events, /statements, /search, the feeds and
 * /api/v1. One schema per list; the OpenAPI document is generated from these same
 * schemas (lib/api/openapi.ts), so the published contract cannot drift from what
 * the server accepts.
 */

export const EVENT_TYPES = [
  "STATEMENT",
  "PHONE_CALL",
  "VISIT",
  "MEETING",
  "SUMMIT",
  "NEGOTIATION",
  "INTENT_ANNOUNCED",
  "AGREEMENT_SIGNED",
  "TREATY_ACTION",
  "RELATIONS_ESTABLISHED",
  "ENDORSEMENT",
  "APPEAL_OR_DEMAND",
  "PROTEST",
  "REJECTION",
  "THREAT",
  "RELATIONS_DOWNGRADED",
  "SANCTIONS",
  "COOPERATION",
] as const;

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** A bad query parameter; pages show it politely, the API answers 400 naming `parameter`. */
export class QueryParameterError extends AppError {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super("INVALID", message, { [parameter]: [message] });
  }
}

/**
 * A filter naming a person, a topic or an agreement since merged into another (lib/records/merge.ts): the
 * same list is at the kept one's slug, so a feed reader's subscription or a bookmark follows a
 * permanent redirect there rather than failing.
 */
export class MovedFilterError extends QueryParameterError {
  constructor(
    parameter: string,
    from: string,
    readonly to: string,
  ) {
    super(parameter, `"${parameter}": "${from}" was merged into "${to}"`);
  }

  /** The query asked for, with this filter naming the kept record. */
  moved(params: RawParams): URLSearchParams {
    const out = new URLSearchParams(paramEntries(params));
    out.set(this.parameter, this.to);
    return out;
  }
}

/** What a slug looks like in an address: lower-case words of letters and digits joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface DateBound {
  /** As given: YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  /** First day of the period (UTC midnight). */
  start: Date;
  /** Last day of the period (UTC midnight). */
  end: Date;
}

/** A UTC day; unlike Date.UTC, years 0-99 are those years, not 1900-1999 ("0050" is not 1950). */
function utcDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** YYYY, YYYY-MM or YYYY-MM-DD as the period it names, or null when it names none (year 0, 2025-02-30). */
export function parseDateBound(value: string): DateBound | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : null;
  const day = match[3] ? Number(match[3]) : null;
  if (year < 1 || (month !== null && (month < 1 || month > 12))) return null;
  if (month === null) return { value, start: utcDay(year, 0, 1), end: utcDay(year, 11, 31) };
  if (day === null) return { value, start: utcDay(year, month - 1, 1), end: utcDay(year, month, 0) };
  const date = utcDay(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1) return null; // 2025-02-30 and friends
  return { value, start: date, end: date };
}

/** A date bound as the public lists take it (YYYY, YYYY-MM or YYYY-MM-DD); the desk lists use it too. */
export const dateParam = z
  .string()
  .trim()
  .max(10, "must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
  .transform((value, ctx) => {
    const bound = parseDateBound(value);
    if (!bound) {
      ctx.addIssue({ code: "custom", message: "must be a date: YYYY, YYYY-MM or YYYY-MM-DD" });
      return z.NEVER;
    }
    return bound;
  })
  .meta({ description: "A date with year, month or day precision: YYYY, YYYY-MM or YYYY-MM-DD.", examples: ["2025-11"] });

/** What a slug names, with its article and an example from the demo record. */
const SLUG_KINDS = {
  topic: { a: "a topic", example: "energy" },
  agreement: { a: "an agreement", example: "abraham-accords" },
  person: { a: "a person", example: "kassym-jomart-tokayev" },
  record: { a: "a record", example: "abraham-accords" },
} as const;

const slugParam = (what: keyof typeof SLUG_KINDS) => {
  const kind = SLUG_KINDS[what];
  return z
    .string()
    .trim()
    .toLowerCase()
    .max(200, `must be the slug of ${kind.a}`)
    .regex(SLUG, `must be the slug of ${kind.a}, such as "${kind.example}"`)
    .meta({ description: `The slug of ${kind.a}, such as ${kind.example}.`, examples: [kind.example] });
};

/** A filter value as the slug it names, or undefined when it cannot be one (the list's parser says why). */
export function slugOrUndefined(value: string | undefined): string | undefined {
  const parsed = slugParam("record").safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A country filter keeps what the country's page counts (lib/api/filters.ts); `kept` says what, per list. */
const countryParam = (kept: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "must be a two-letter ISO 3166-1 code such as KZ")
    .transform((v) => v.toUpperCase())
    .meta({ description: `ISO 3166-1 alpha-2 code, case-insensitive (kz or KZ). ${kept}`, examples: ["KZ"] })
    .optional();

const EVENTS_OF_A_COUNTRY = "Events involving the country: its own, or with it, one of its people or one of its organizations taking part.";
const STATEMENTS_OF_A_COUNTRY = "Statements concerning the country: tagged with it, or said by one of its people.";

const commonFilters = {
  country: countryParam(`${EVENTS_OF_A_COUNTRY} ${STATEMENTS_OF_A_COUNTRY}`),
  topic: slugParam("topic").optional(),
  agreement: slugParam("agreement").optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
};

const cursorParam = z
  .string()
  .max(300, "is not a valid cursor")
  .meta({ description: "Opaque paging cursor taken from a previous response's `next` or `prev`." })
  .optional();

// A prefault, not a default: the JSON Schema of a value read from text shows only the former.
const limitParam = (byDefault = DEFAULT_LIMIT) =>
  wholeNumber({ min: 1, max: MAX_LIMIT, message: `must be a whole number from 1 to ${MAX_LIMIT}` })
    .prefault(byDefault)
    .meta({ description: `Items per page, 1 to ${MAX_LIMIT}.` });

/** An event type, in any case. */
const eventTypeParam = (description: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(EVENT_TYPES, { error: "must be an event type such as PHONE_CALL or SUMMIT" }))
    .meta({ description: `${description} One of ${EVENT_TYPES.join(", ")}.`, examples: ["SUMMIT"] })
    .optional();

export const EventListQuerySchema = z
  .object({
    ...commonFilters,
    country: countryParam(EVENTS_OF_A_COUNTRY),
    type: eventTypeParam("Event type, case-insensitive."),
    cursor: cursorParam,
    limit: limitParam(),
  })
  .strict();

/** The calendar of upcoming events (/calendar.ics) takes the events' filters; it has no pages. */
export const CalendarQuerySchema = EventListQuerySchema.omit({ cursor: true, limit: true });

export const StatementListQuerySchema = z
  .object({
    ...commonFilters,
    country: countryParam(STATEMENTS_OF_A_COUNTRY),
    speaker: slugParam("person").optional(),
    cursor: cursorParam,
    limit: limitParam(),
  })
  .strict();

/** Reference lists (countries, people, organizations, agreements, topics): keyset on the slug or code. */
export const EntityListQuerySchema = z
  .object({
    cursor: cursorParam,
    limit: limitParam(MAX_LIMIT),
  })
  .strict();

export const MAX_QUERY_LENGTH = 200;
export const MAX_SEARCH_PAGE = 50;

/** Search: the list filters plus the words. Over-long queries are cut, not refused. */
export const SearchQuerySchema = z
  .object({
    q: z
      .string()
      // A control character (a NUL, which PostgreSQL refuses in text) is refused, as in every field.
      .superRefine(refuseBadCharacters)
      .transform((v) => v.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH))
      .meta({ description: `Search words; "quoted phrases" and -excluded words work. Longer than ${MAX_QUERY_LENGTH} characters is cut.` })
      .optional(),
    ...commonFilters,
    type: eventTypeParam("Only events of this type (statements are left out)."),
    speaker: slugParam("person").meta({ description: "Only statements by this person (events are left out)." }).optional(),
    page: wholeNumber({ min: 1, max: MAX_SEARCH_PAGE, message: `must be a page number from 1 to ${MAX_SEARCH_PAGE}` })
      .prefault(1)
      .meta({ description: "Result page (ranked results are paged by number)." }),
    limit: limitParam(),
  })
  .strict();

export type EntityListQuery = z.output<typeof EntityListQuerySchema>;
export type SearchQuery = z.output<typeof SearchQuerySchema>;

export type EventListQuery = z.output<typeof EventListQuerySchema>;
export type StatementListQuery = z.output<typeof StatementListQuerySchema>;
/** What both lists share; search filters use this plus the list-specific keys. */
export type ListFilters = Partial<Pick<EventListQuery, "country" | "topic" | "agreement" | "from" | "to" | "type">> & {
  speaker?: string;
};

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * Turns query parameters into a plain object: empty values (a GET form's untouched
 * fields) mean "not given"; a parameter given twice is refused rather than guessed.
 * With `knownOnly`, unknown keys (utm_*, and the like) are dropped instead of refused.
 */
export function paramsToObject(params: RawParams, options: { knownOnly?: readonly string[] } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of paramEntries(params)) {
    if (options.knownOnly && !options.knownOnly.includes(key)) continue;
    if (isPrototypeKey(key)) throw new QueryParameterError(key, `"${key}" is not a known parameter`);
    if (value.trim() === "") continue;
    if (key in out) throw new QueryParameterError(key, `"${key}" was given more than once`);
    out[key] = value;
  }
  return out;
}

/** What a page says beside a filter its address gives twice (?status=a&status=b). */
export const GIVEN_TWICE = "Given more than once in the address: choose one.";

/**
 * A page's parameters `keys`, each given once (blank is not given). A page cannot answer 400
 * as the API does (paramsToObject): it leaves out a parameter given more than once and names
 * it in `repeated`, to be said beside its filter (GIVEN_TWICE), rather than guess between them.
 */
export function singleParams<K extends string>(params: RawParams, keys: readonly K[]): { values: Partial<Record<K, string>>; repeated: K[] } {
  const given = new Map<K, string[]>();
  for (const [key, value] of paramEntries(params)) {
    if (!(keys as readonly string[]).includes(key) || value.trim() === "") continue;
    given.set(key as K, [...(given.get(key as K) ?? []), value]);
  }
  const values: Partial<Record<K, string>> = {};
  const repeated: K[] = [];
  for (const [key, list] of given) {
    if (list.length > 1) repeated.push(key);
    else values[key] = list[0];
  }
  return { values, repeated };
}

/** Each parameter given, as [name, value], in order (a page's searchParams object, or a URL's). */
function paramEntries(params: RawParams): [string, string][] {
  return params instanceof URLSearchParams
    ? [...params.entries()]
    : Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
}

function firstIssueAsError(error: z.ZodError): QueryParameterError {
  const issue = error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "parameter";
    return new QueryParameterError(key, `"${key}" is not a known parameter`);
  }
  const parameter = String(issue.path[0] ?? "query");
  return new QueryParameterError(parameter, `"${parameter}" ${issue.message}`);
}

function checkRange(query: { from?: DateBound; to?: DateBound }) {
  if (query.from && query.to && query.from.start > query.to.end) {
    throw new QueryParameterError("to", `"to" (${query.to.value}) is before "from" (${query.from.value})`);
  }
}

function parseWith<S extends z.ZodType>(schema: S, params: RawParams, options: { strict?: boolean; extraKeys?: readonly string[] }): z.output<S> {
  const shape = (schema as unknown as z.ZodObject).shape as Record<string, unknown>;
  const known = [...Object.keys(shape), ...(options.extraKeys ?? [])];
  const raw = paramsToObject(params, options.strict ? {} : { knownOnly: known });
  for (const key of options.extraKeys ?? []) delete raw[key];
  const result = schema.safeParse(raw);
  if (!result.success) throw firstIssueAsError(result.error);
  checkRange(result.data as { from?: DateBound; to?: DateBound });
  return result.data;
}

/**
 * Parses /events-style parameters. `strict` (the API) refuses unknown parameters;
 * pages and feeds ignore them. Throws QueryParameterError naming the parameter.
 */
export function parseEventListQuery(params: RawParams, options: { strict?: boolean; extraKeys?: readonly string[] } = {}): EventListQuery {
  return parseWith(EventListQuerySchema, params, options);
}

export type CalendarQuery = z.output<typeof CalendarQuerySchema>;
/** Parses /calendar.ics's filters as a feed's: unknown parameters are ignored, a bad value is refused naming it. */
export function parseCalendarQuery(params: RawParams): CalendarQuery {
  return parseWith(CalendarQuerySchema, params, {});
}

export function parseEntityListQuery(params: RawParams): EntityListQuery {
  return parseWith(EntityListQuerySchema, params, { strict: true });
}

export function parseSearchQuery(params: RawParams, options: { strict?: boolean } = {}): SearchQuery {
  return parseWith(SearchQuerySchema, params, options);
}

export function parseStatementListQuery(params: RawParams, options: { strict?: boolean; extraKeys?: readonly string[] } = {}): StatementListQuery {
  return parseWith(StatementListQuerySchema, params, options);
}

/**
 * The named filters of a parsed query as a query string, in the order named: a date
 * as it was written, a filter left empty not at all. The public lists, the desk's
 * and the audit log build their links with it.
 */
export function filterParams<K extends string>(query: Partial<Record<K, string | DateBound>>, keys: readonly K[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of keys) {
    const value: string | DateBound | undefined = query[key];
    const text = typeof value === "object" ? value.value : value;
    if (text) out.set(key, text);
  }
  return out;
}

/** The parameters a list query round-trips to, for next/previous links and feed self-links. */
export function queryToParams(query: Partial<EventListQuery & StatementListQuery>, overrides: Record<string, string | undefined> = {}): URLSearchParams {
  const out = filterParams({ ...query, country: query.country?.toLowerCase() }, ["country", "type", "topic", "agreement", "speaker", "from", "to"]);
  if (query.limit && query.limit !== DEFAULT_LIMIT) out.set("limit", String(query.limit));
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) out.delete(key);
    else out.set(key, value);
  }
  return out;
}
