import { z } from "zod";
import { dateParam, filterParams, GIVEN_TWICE, singleParams, type DateBound } from "@/lib/api/list-query";
import { EventType, PublicationStatus } from "@/lib/generated/prisma/enums";
import { isRecordId, refuseBadCharacters, wholeNumber } from "@/lib/records/fields";

export const DESK_PAGE_SIZE = 25;
export const MAX_DESK_QUERY_LENGTH = 200;
export const MAX_DESK_PAGE = 10_000;

/**
 * Every desk list's query string (and the desk search's): words, status, event
 * type, kind (a statement's kind, an organization's or agreement's), author,
 * country, a date range and the page. Kept in the URL, so a list can be shared
 * and the back button works.
 */
export const DeskListQuerySchema = z.object({
  q: z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .max(MAX_DESK_QUERY_LENGTH, `Keep the search under ${MAX_DESK_QUERY_LENGTH} characters.`)
        .superRefine(refuseBadCharacters),
    )
    .default(""),
  status: z.enum(PublicationStatus, { error: "Choose a status from the list." }).optional(),
  type: z.enum(EventType, { error: "Choose an event type from the list." }).optional(),
  kind: z.string().regex(/^[A-Z_]{1,40}$/, "Choose a kind from the list.").optional(),
  author: z.string().refine(isRecordId, "Choose an author from the list.").optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "Use a two-letter country code such as KZ.")
    .transform((v) => v.toUpperCase())
    .optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  page: wholeNumber({ min: 1, max: MAX_DESK_PAGE, message: `Pages are numbered from 1 to ${MAX_DESK_PAGE.toLocaleString("en")}.` }).default(1),
});

export type DeskListParam = keyof z.input<typeof DeskListQuerySchema>;
const PARAMS = Object.keys(DeskListQuerySchema.shape) as DeskListParam[];

/** A parameter of the address that could not be used, and why (shown next to its filter). */
export type DeskListProblems = Partial<Record<DeskListParam, string>>;

export type DeskListQuery = z.output<typeof DeskListQuerySchema> & {
  /** What was dropped from the address; the list shows it rather than failing. */
  problems: DeskListProblems;
};

const DATE_MESSAGE = "Enter a date as YYYY-MM-DD (or YYYY, or YYYY-MM).";

/**
 * Reads a desk list's query string. A value that does not fit is dropped and
 * named in `problems` (the list says so beside the filter and shows the rest),
 * so an odd link is a clear message, never an error page. `kinds` is the list's
 * own vocabulary for `kind`.
 */
export function parseDeskListQuery(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
  options: { kinds?: Record<string, string> } = {},
): DeskListQuery {
  const problems: DeskListProblems = {};
  const { values: raw, repeated } = singleParams(params, PARAMS);
  for (const key of repeated) problems[key] = GIVEN_TWICE;
  // Drop each parameter that fails and read the rest again, until what is left fits.
  let parsed = DeskListQuerySchema.safeParse(raw);
  while (!parsed.success) {
    const keys = parsed.error.issues.map((issue) => issue.path[0]).filter((key): key is DeskListParam => PARAMS.includes(key as DeskListParam) && Object.hasOwn(raw, key as DeskListParam));
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as DeskListParam;
      if (key !== undefined && keys.includes(key)) problems[key] ??= key === "from" || key === "to" ? DATE_MESSAGE : issue.message;
    }
    keys.forEach((key) => delete raw[key]);
    parsed = DeskListQuerySchema.safeParse(keys.length > 0 ? raw : {});
  }
  const query: DeskListQuery = { ...parsed.data, problems };
  if (query.kind && options.kinds && !Object.hasOwn(options.kinds, query.kind)) {
    problems.kind = "Choose a kind from the list.";
    query.kind = undefined;
  }
  if (query.from && query.to && query.from.start > query.to.end) {
    problems.to = `“To” (${query.to.value}) is before “From” (${query.from.value}).`;
    query.to = undefined;
  }
  return query;
}

/** The query string of a list (page 1 unless given), for its links: filters kept, nothing empty. */
export function deskListParams(query: DeskListQuery, page = 1): URLSearchParams {
  const out = filterParams(query, ["q", "status", "type", "kind", "author", "country", "from", "to"]);
  if (page > 1) out.set("page", String(page));
  return out;
}

/** Whether any filter beyond the page is set. */
export const hasDeskFilters = (query: DeskListQuery) => deskListParams(query).size > 0;

export type { DateBound };

/** Pages in a list of `total` rows. */
export const pageCount = (total: number) => Math.max(1, Math.ceil(total / DESK_PAGE_SIZE));

/** The rows of one page of a desk list, for Prisma's findMany. */
export const pageWindow = (page: number) => ({ skip: (Math.max(1, page) - 1) * DESK_PAGE_SIZE, take: DESK_PAGE_SIZE });
