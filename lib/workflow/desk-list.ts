import { z } from "zod";
import { PublicationStatus } from "@/lib/generated/prisma/enums";

export const DESK_PAGE_SIZE = 25;

/** The desk list's query string: search, status, type and page. Unknown values fall back to "all". */
export const DeskListQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  status: z.enum(PublicationStatus).optional().catch(undefined),
  type: z.string().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type DeskListQuery = z.infer<typeof DeskListQuerySchema>;

export function parseDeskListQuery(params: Record<string, string | string[] | undefined>): DeskListQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return DeskListQuerySchema.parse({
    q: first(params.q) ?? "",
    status: first(params.status) || undefined,
    type: first(params.type) || undefined,
    page: first(params.page) ?? 1,
  });
}
