import "server-only";
import { db } from "@/lib/db/client";
import { checkDeskFilters, findDeskContent } from "@/lib/desk/content-search";
import type { DeskListQuery } from "@/lib/desk/list-query";

/**
 * Desk reads of events: every status, for signed-in staff only (the pages guard
 * themselves). `query` comes back with any filter that named nothing dropped.
 */
export async function listDeskEvents(given: DeskListQuery) {
  const query = await checkDeskFilters(given);
  const { total, ids } = await findDeskContent("event", query);
  const found = await db.event.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      version: true,
      type: true,
      date: true,
      datePrecision: true,
      updatedAt: true,
      stagedAt: true,
      scheduledAt: true,
      createdBy: { select: { name: true } },
    },
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  return { query, total, rows: ids.flatMap((id) => byId.get(id) ?? []) };
}
