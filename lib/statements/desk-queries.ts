import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, type DeskListQuery } from "@/lib/desk/list-query";

/** Desk reads of statements: every status, for signed-in staff only (the pages guard themselves). */
export async function listDeskStatements(query: DeskListQuery) {
  const where: Prisma.StatementWhereInput = {};
  if (query.q) {
    where.OR = [
      { title: { contains: query.q, mode: "insensitive" } },
      { text: { contains: query.q, mode: "insensitive" } },
      { speakerLabel: { contains: query.q, mode: "insensitive" } },
      { speaker: { name: { contains: query.q, mode: "insensitive" } } },
    ];
  }
  if (query.status) where.status = query.status;
  const [total, rows] = await Promise.all([
    db.statement.count({ where }),
    db.statement.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      ...pageWindow(query.page),
      select: {
        id: true,
        title: true,
        slug: true,
        status: true,
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
    }),
  ]);
  return { total, rows };
}
