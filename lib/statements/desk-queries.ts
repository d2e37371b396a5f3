import "server-only";
import { db } from "@/lib/db/client";
import { DESK_ROW_COLUMNS, listDeskContent } from "@/lib/desk/content-search";
import type { DeskListQuery } from "@/lib/desk/list-query";

/** Desk reads of statements: every status, for signed-in staff only (the pages guard themselves). */
export function listDeskStatements(given: DeskListQuery) {
  return listDeskContent("statement", given, (ids) =>
    db.statement.findMany({
      where: { id: { in: ids } },
      select: { ...DESK_ROW_COLUMNS, medium: true, saidOn: true, saidPrecision: true, speakerLabel: true, speaker: { select: { name: true } } },
    }),
  );
}
