import "server-only";
import { db } from "@/lib/db/client";
import { EventType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, type DeskListQuery } from "@/lib/desk/list-query";

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
