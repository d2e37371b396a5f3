import { db as defaultDb, Prisma, type Tx } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { revalidatePublicRecord } from "@/lib/cache/revalidate";
import { isAppError } from "@/lib/errors/app-error";
import { eventRecord } from "@/lib/events/event-record";
import { publishRow, WORKFLOW_COLUMNS, type ContentKind } from "@/lib/publication/content-workflow";
import { TRANSACTION } from "@/lib/records/record-store";
import { statementRecord } from "@/lib/statements/statement-record";

export interface PublishedDue {
  events: Array<{ id: string; slug: string }>;
  statements: Array<{ id: string; slug: string }>;
}

type AnyContent = ContentKind<{ title: string; sources: unknown[] }>;

const TABLES = { event: Prisma.raw(`"Event"`), statement: Prisma.raw(`"Statement"`) } as const;

/**
 * Claims one due item of a kind and publishes it through the one publish rule
 * (revision, version, audit row), in one transaction. `FOR UPDATE SKIP LOCKED`
 * lets ticks from several processes run at once: each item is locked by the
 * first that reaches it, skipped by the others, and no longer due once that
 * transaction commits — so it is published exactly once.
 */
async function publishNext(client: PrismaClient, kind: AnyContent, now: Date, skip: string[]) {
  return client.$transaction(async (tx: Tx) => {
    const [due] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM ${TABLES[kind.noun]}
      WHERE status = 'SCHEDULED' AND "scheduledAt" <= ${now} AND NOT (id = ANY(${skip}::text[]))
      ORDER BY "scheduledAt", id
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    if (!due) return null;
    const row = await kind.content(tx).findUnique({ where: { id: due.id }, select: WORKFLOW_COLUMNS });
    if (!row) return null;
    try {
      // A missed schedule goes live with the time it was meant for.
      return { published: await publishRow(tx, kind, { actor: null, row, at: row.scheduledAt ?? now, via: "schedule" }) };
    } catch (error) {
      // The rule refuses before it writes anything, so this transaction still holds nothing.
      if (isAppError(error) && error.code === "INVALID") return { published: null, failed: row.id, message: error.message };
      throw error;
    }
  }, TRANSACTION);
}

/**
 * An item that can no longer be published as it stands (its sources were
 * removed after it was scheduled) goes back to review, with a note, instead of
 * being retried every tick.
 */
async function sendBackToReview(client: PrismaClient, kind: AnyContent, id: string, message: string) {
  await client.$transaction(async (tx: Tx) => {
    const row = await kind.content(tx).findUnique({ where: { id }, select: WORKFLOW_COLUMNS });
    if (!row || row.status !== "SCHEDULED") return;
    await kind.content(tx).update({ where: { id }, data: { status: "IN_REVIEW", scheduledAt: null }, select: { id: true } });
    await writeAudit(tx, { action: `${kind.noun}.schedule_failed`, targetType: kind.auditType, targetId: id, summary: { slug: row.slug, reason: message } });
  }, TRANSACTION);
}

/**
 * Publishes every scheduled event and statement whose time has come, including
 * any missed while the server was down, and expires the public pages that show
 * them. Safe to run from several processes at once.
 */
export async function publishDueItems(now = new Date(), client: PrismaClient = defaultDb): Promise<PublishedDue> {
  const published: PublishedDue = { events: [], statements: [] };
  for (const kind of [eventRecord, statementRecord] as unknown as AnyContent[]) {
    const failed: string[] = [];
    for (;;) {
      const result = await publishNext(client, kind, now, failed);
      if (!result) break;
      if (!result.published) {
        failed.push(result.failed);
        await sendBackToReview(client, kind, result.failed, result.message);
        continue;
      }
      const item = result.published;
      (kind.noun === "event" ? published.events : published.statements).push({ id: item.id, slug: item.slug });
      if (item.publicChange) revalidatePublicRecord(item.publicChange);
    }
  }
  return published;
}
