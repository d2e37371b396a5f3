import "server-only";
import { db } from "@/lib/db/client";
import { DESK_ROW_COLUMNS, listDeskContent } from "@/lib/desk/content-search";
import type { DeskListQuery } from "@/lib/desk/list-query";

/** Desk reads of events: every status, for signed-in staff only (the pages guard themselves). */
export function listDeskEvents(given: DeskListQuery) {
  return listDeskContent("event", given, (ids) =>
    db.event.findMany({ where: { id: { in: ids } }, select: { ...DESK_ROW_COLUMNS, type: true, date: true, datePrecision: true } }),
  );
}
