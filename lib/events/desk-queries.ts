import "server-only";
import { db } from "@/lib/db/client";
import { findDeskContent, inPageOrder } from "@/lib/desk/content-search";
import type { DeskListQuery } from "@/lib/desk/list-query";

/**
 * Desk reads of events: every status, for signed-in staff only (the pages guard
 * themselves). `query` comes back with any filter that named nothing dropped.
 */
export async function listDeskEvents(given: DeskListQuery) {
  const { query, total, ids } = await findDeskContent("event", given);
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
  return { query, total, rows: inPageOrder(ids, found) };
}
