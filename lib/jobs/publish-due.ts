import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";

export interface PublishedDue {
  events: Array<{ id: string; slug: string }>;
  statements: Array<{ id: string; slug: string }>;
}

/**
 * Publishes every scheduled event and statement whose time has come, including
 * any missed while the server was down. Safe to run from several processes:
 * each row is claimed with FOR UPDATE SKIP LOCKED.
 */
export async function publishDueItems(now = new Date()): Promise<PublishedDue> {
  return db.$transaction(async (tx) => {
    const events = await tx.$queryRaw<Array<{ id: string; slug: string }>>`
      UPDATE "Event" SET status = 'PUBLISHED', "publishedAt" = "scheduledAt",
        "firstPublishedAt" = COALESCE("firstPublishedAt", "scheduledAt"), "updatedAt" = ${now}
      WHERE id IN (SELECT id FROM "Event" WHERE status = 'SCHEDULED' AND "scheduledAt" <= ${now} FOR UPDATE SKIP LOCKED)
      RETURNING id, slug`;
    const statements = await tx.$queryRaw<Array<{ id: string; slug: string }>>`
      UPDATE "Statement" SET status = 'PUBLISHED', "publishedAt" = "scheduledAt",
        "firstPublishedAt" = COALESCE("firstPublishedAt", "scheduledAt"), "updatedAt" = ${now}
      WHERE id IN (SELECT id FROM "Statement" WHERE status = 'SCHEDULED' AND "scheduledAt" <= ${now} FOR UPDATE SKIP LOCKED)
      RETURNING id, slug`;
    for (const e of events) {
      await writeAudit(tx, { action: "event.publish", targetType: "Event", targetId: e.id, summary: { slug: e.slug, via: "schedule" } });
    }
    for (const s of statements) {
      await writeAudit(tx, { action: "statement.publish", targetType: "Statement", targetId: s.id, summary: { slug: s.slug, via: "schedule" } });
    }
    return { events, statements };
  });
}
