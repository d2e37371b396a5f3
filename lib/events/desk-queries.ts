import "server-only";
import { db } from "@/lib/db/client";
import { isRecordId } from "@/lib/records/fields";
import { EventType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, type DeskListQuery } from "@/lib/desk/list-query";
import { eventRecord } from "./event-record";
import type { EventInput } from "./event-input";

/** Desk reads of events: every status, for signed-in staff only (the pages guard themselves). */
export async function listDeskEvents(query: DeskListQuery) {
  const where: Prisma.EventWhereInput = {};
  if (query.q) where.OR = [{ title: { contains: query.q, mode: "insensitive" } }, { slug: { contains: query.q.toLowerCase() } }];
  if (query.status) where.status = query.status;
  if (query.type && query.type in EventType) where.type = query.type as EventType;
  const [total, rows] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      ...pageWindow(query.page),
      select: {
        id: true,
        title: true,
        slug: true,
        status: true,
        type: true,
        date: true,
        datePrecision: true,
        updatedAt: true,
        stagedAt: true,
        scheduledAt: true,
        createdBy: { select: { name: true } },
      },
    }),
  ]);
  return { total, rows };
}

/** An event as the edit form needs it: the staged edit of a published event, else the row. */
export async function getEventForEdit(id: string) {
  if (!isRecordId(id)) return null;
  const row = await db.event.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      version: true,
      createdById: true,
      firstPublishedAt: true,
      publishedAt: true,
      scheduledAt: true,
      retractedAt: true,
      retractionReason: true,
      stagedData: true,
      stagedAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      stagedBy: { select: { name: true } },
    },
  });
  if (!row) return null;
  const staged = row.stagedData ? eventRecord.schema.safeParse(row.stagedData) : null;
  const values: EventInput = staged?.success ? staged.data : await db.$transaction((tx) => eventRecord.snapshot(tx, id));
  return { row, values };
}
