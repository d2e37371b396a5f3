import { z } from "zod";
import { PublicationStatus } from "@/lib/generated/prisma/enums";
import { cleanString } from "@/lib/records/fields";

export const DESK_PAGE_SIZE = 25;

/**
 * Every desk list's query string: search, status, type or kind, country and
 * page. A value that does not fit falls back to "all" rather than an error
 * page, since these come from links and the list's own filter form.
 */
export const DeskListQuerySchema = z.object({
  q: cleanString().trim().max(200).catch(""),
  status: z.enum(PublicationStatus).optional().catch(undefined),
  type: z.string().regex(/^[A-Z_]{1,40}$/).optional().catch(undefined),
  kind: z.string().regex(/^[A-Z_]{1,40}$/).optional().catch(undefined),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type DeskListQuery = z.infer<typeof DeskListQuerySchema>;

export function parseDeskListQuery(params: Record<string, string | string[] | undefined>): DeskListQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return DeskListQuerySchema.parse({
    q: first(params.q) ?? "",
    status: first(params.status) || undefined,
    type: first(params.type) || undefined,
    kind: first(params.kind) || undefined,
    country: first(params.country) || undefined,
    page: first(params.page) ?? 1,
  });
}

/** Pages in a list of `total` rows. */
export const pageCount = (total: number) => Math.max(1, Math.ceil(total / DESK_PAGE_SIZE));

/** The rows of one page of a desk list, for Prisma's findMany. */
export const pageWindow = (page: number) => ({ skip: (Math.max(1, page) - 1) * DESK_PAGE_SIZE, take: DESK_PAGE_SIZE });
