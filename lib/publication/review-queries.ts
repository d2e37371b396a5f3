import "server-only";
import { db } from "@/lib/db/client";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import { REVIEW_STEP_LABELS } from "./review-steps";

export interface ReviewStepView {
  id: string;
  action: string;
  label: string;
  note: string | null;
  actor: string | null;
  createdAt: Date;
}

/** The review conversation of an item, oldest first: who did what, when, and what they wrote. */
export async function listReviewSteps(options: { kind: ContentKind; entityId: string }): Promise<ReviewStepView[]> {
  const rows = await db.reviewStep.findMany({
    where: { kind: options.kind, entityId: options.entityId },
    orderBy: [{ createdAt: "asc" }, { version: "asc" }],
    take: 200,
    select: { id: true, action: true, note: true, createdAt: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    label: REVIEW_STEP_LABELS[r.action] ?? r.action,
    note: r.note,
    actor: r.actor?.name ?? null,
    createdAt: r.createdAt,
  }));
}

export interface LatestStep {
  action: string;
  by: string | null;
  at: Date;
  note: string | null;
}

/**
 * The latest step of each item's review conversation, keyed "KIND:id": for an item in review,
 * who submitted it, when and with what note; for a draft whose latest step is
 * "request_changes", the reviewer who sent it back and what should change (countSentBack
 * counts the same drafts).
 */
export async function latestReviewSteps(items: Array<{ kind: ContentKind; id: string }>): Promise<Map<string, LatestStep>> {
  const out = new Map<string, LatestStep>();
  if (items.length === 0) return out;
  const rows = await db.reviewStep.findMany({
    where: { OR: (["EVENT", "STATEMENT"] as const).map((kind) => ({ kind, entityId: { in: items.filter((i) => i.kind === kind).map((i) => i.id) } })) },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: { kind: true, entityId: true, action: true, note: true, createdAt: true, actor: { select: { name: true } } },
  });
  for (const r of rows) {
    const key = `${r.kind}:${r.entityId}`;
    if (!out.has(key)) out.set(key, { action: r.action, by: r.actor?.name ?? null, at: r.createdAt, note: r.note });
  }
  return out;
}

/** How many items wait for review (the count in the desk header). */
export async function countAwaitingReview(): Promise<number> {
  const [events, statements] = await Promise.all([db.event.count({ where: { status: "IN_REVIEW" } }), db.statement.count({ where: { status: "IN_REVIEW" } })]);
  return events + statements;
}

/** How many of an author's drafts came back with changes requested since they last submitted them. */
export async function countSentBack(userId: string): Promise<number> {
  const rows = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*) AS n FROM (
      SELECT DISTINCT ON (s."kind", s."entityId") s."action"
      FROM "ReviewStep" s
      WHERE s."entityId" IN (
        SELECT id FROM "Event" WHERE "createdById" = ${userId} AND status = 'DRAFT'
        UNION ALL
        SELECT id FROM "Statement" WHERE "createdById" = ${userId} AND status = 'DRAFT'
      )
      ORDER BY s."kind", s."entityId", s."createdAt" DESC
    ) latest WHERE latest."action" = 'request_changes'`;
  return Number(rows[0]?.n ?? 0);
}
