import "server-only";
import { db } from "@/lib/db/client";

/**
 * Public reads of events. Every function here sees published events only; the
 * `status: "PUBLISHED"` filter is applied here and nowhere else may skip it.
 */
const PUBLISHED = { status: "PUBLISHED" } as const;

export async function listLatestPublishedEvents(options: { limit: number }) {
  return db.event.findMany({
    where: PUBLISHED,
    orderBy: [{ date: { sort: "desc", nulls: "first" } }, { id: "desc" }],
    take: options.limit,
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      type: true,
      date: true,
      datePrecision: true,
      occurrence: true,
      placeName: true,
      country: { select: { iso2: true, name: true } },
    },
  });
}

export type LatestEvent = Awaited<ReturnType<typeof listLatestPublishedEvents>>[number];
