import "server-only";
import { db } from "@/lib/db/client";
import { findDeskContent, inPageOrder } from "@/lib/desk/content-search";
import type { DeskListQuery } from "@/lib/desk/list-query";

/**
 * Desk reads of statements: every status, for signed-in staff only (the pages
 * guard themselves). `query` comes back with any filter that named nothing dropped.
 */
export async function listDeskStatements(given: DeskListQuery) {
  const { query, total, ids } = await findDeskContent("statement", given);
  const found = await db.statement.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      version: true,
      medium: true,
      saidOn: true,
      saidPrecision: true,
      updatedAt: true,
      stagedAt: true,
      scheduledAt: true,
      speakerLabel: true,
      speaker: { select: { name: true } },
      createdBy: { select: { name: true } },
    },
  });
  return { query, total, rows: inPageOrder(ids, found) };
}
