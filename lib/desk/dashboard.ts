import "server-only";
import { db } from "@/lib/db/client";

const ITEM = { id: true, title: true, status: true, updatedAt: true, scheduledAt: true, publishedAt: true, stagedAt: true } as const;

export interface DashboardItem {
  kind: "event" | "statement";
  id: string;
  title: string;
  status: string;
  updatedAt: Date;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  stagedAt: Date | null;
}

const tag = (kind: "event" | "statement") => (rows: Array<Omit<DashboardItem, "kind">>) => rows.map((r) => ({ ...r, kind }));

async function both(args: { where: object; orderBy: object; take: number }): Promise<DashboardItem[]> {
  const [events, statements] = await Promise.all([
    db.event.findMany({ ...args, select: ITEM }),
    db.statement.findMany({ ...args, select: ITEM }),
  ]);
  return [...tag("event")(events), ...tag("statement")(statements)];
}

/** The four queues of the dashboard: my drafts, review queue, scheduled, recently published. */
export async function loadDashboard(userId: string) {
  const byUpdated = (a: DashboardItem, b: DashboardItem) => b.updatedAt.getTime() - a.updatedAt.getTime();
  const [myDrafts, review, scheduled, published, staged] = await Promise.all([
    both({ where: { createdById: userId, status: "DRAFT" }, orderBy: { updatedAt: "desc" }, take: 20 }),
    both({ where: { status: "IN_REVIEW" }, orderBy: { updatedAt: "asc" }, take: 50 }),
    both({ where: { status: "SCHEDULED" }, orderBy: { scheduledAt: "asc" }, take: 50 }),
    both({ where: { status: "PUBLISHED" }, orderBy: { publishedAt: "desc" }, take: 10 }),
    both({ where: { status: "PUBLISHED", stagedAt: { not: null } }, orderBy: { stagedAt: "desc" }, take: 50 }),
  ]);
  return {
    myDrafts: myDrafts.sort(byUpdated).slice(0, 20),
    review: review.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime()),
    scheduled: scheduled.sort((a, b) => (a.scheduledAt?.getTime() ?? 0) - (b.scheduledAt?.getTime() ?? 0)),
    published: published.sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0)).slice(0, 10),
    staged,
  };
}
