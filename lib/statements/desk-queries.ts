import "server-only";
import { db } from "@/lib/db/client";
import { isRecordId } from "@/lib/records/fields";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, type DeskListQuery } from "@/lib/desk/list-query";
import { statementRecord } from "./statement-record";
import type { StatementInput } from "./statement-input";

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

/** A statement as the edit form needs it: the staged edit of a published statement, else the row. */
export async function getStatementForEdit(id: string) {
  if (!isRecordId(id)) return null;
  const row = await db.statement.findUnique({
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
  const staged = row.stagedData ? statementRecord.schema.safeParse(row.stagedData) : null;
  const values: StatementInput = staged?.success ? staged.data : await db.$transaction((tx) => statementRecord.snapshot(tx, id));
  return { row, values };
}
