import { afterAll, describe, expect, it } from "vitest";
import { createDb, db } from "@/lib/db/client";
import { publishDueItems } from "./publish-due";

const make = (slug: string, status: "SCHEDULED" | "DRAFT", scheduledAt: Date | null, withSource = true) =>
  db.event.create({
    data: {
      slug,
      title: slug,
      summary: "s",
      type: "MEETING",
      date: new Date("2026-01-01"),
      status,
      scheduledAt,
      sources: withSource ? { create: [{ url: "https://example.org/a", title: "A" }] } : undefined,
    },
  });

describe("publishDueItems", () => {
  it("publishes scheduled items whose time has come, including missed ones, and nothing else", async () => {
    const now = new Date();
    const missed = await make("missed-yesterday", "SCHEDULED", new Date(now.getTime() - 86_400_000));
    const due = await make("due-now", "SCHEDULED", new Date(now.getTime() - 1_000));
    const later = await make("later", "SCHEDULED", new Date(now.getTime() + 3_600_000));
    const draft = await make("draft", "DRAFT", new Date(now.getTime() - 1_000));

    const result = await publishDueItems(now);
    expect(result.events.map((e) => e.slug).sort()).toEqual(["due-now", "missed-yesterday"]);

    const statuses = Object.fromEntries(
      (await db.event.findMany({ where: { id: { in: [missed.id, due.id, later.id, draft.id] } } })).map((e) => [e.slug, e.status]),
    );
    expect(statuses).toEqual({ "missed-yesterday": "PUBLISHED", "due-now": "PUBLISHED", later: "SCHEDULED", draft: "DRAFT" });
    const published = await db.event.findUniqueOrThrow({ where: { id: missed.id } });
    expect(published.publishedAt?.getTime()).toBe(missed.scheduledAt?.getTime());
    expect(await db.auditLog.count({ where: { action: "event.publish", targetId: { in: [missed.id, due.id] } } })).toBe(2);

    expect((await publishDueItems(now)).events).toEqual([]);
  });

  it("publishes through the one publish rule: a new version and a revision", async () => {
    const item = await make("through-the-rule", "SCHEDULED", new Date(Date.now() - 1_000));
    await publishDueItems();
    const row = await db.event.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ status: "PUBLISHED", version: 2 });
    expect(row.firstPublishedAt?.getTime()).toBe(item.scheduledAt?.getTime());
    const revision = await db.revision.findUniqueOrThrow({ where: { kind_entityId_version: { kind: "EVENT", entityId: item.id, version: 2 } } });
    expect(revision).toMatchObject({ note: "Published as scheduled", authorId: null });
    expect(revision.data).toMatchObject({ title: "through-the-rule", sources: [{ url: "https://example.org/a" }] });
  });

  it("sends an item that lost its sources back to review instead of publishing it", async () => {
    const item = await make("no-sources-left", "SCHEDULED", new Date(Date.now() - 1_000), false);
    const result = await publishDueItems();
    expect(result.events.map((e) => e.id)).not.toContain(item.id);
    expect(await db.event.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "IN_REVIEW", scheduledAt: null, version: 1 });
    expect(await db.auditLog.count({ where: { action: "event.schedule_failed", targetId: item.id } })).toBe(1);
  });

  describe("ticks from several processes at once", () => {
    // Each "process" has its own client and connection pool, as separate servers would.
    const processes = Array.from({ length: 4 }, () => createDb(process.env.DATABASE_URL!, { max: 3 }));
    afterAll(() => Promise.all(processes.map((p) => p.$disconnect())));

    it("publish each due item exactly once", async () => {
      const now = new Date();
      const items = await Promise.all(Array.from({ length: 24 }, (_, i) => make(`concurrent-${i}`, "SCHEDULED", new Date(now.getTime() - 60_000 + i))));
      const ids = items.map((i) => i.id);

      const ticks = await Promise.all(processes.flatMap((client) => [publishDueItems(now, client), publishDueItems(now, client)]));

      const publishedIds = ticks.flatMap((t) => t.events.map((e) => e.id)).filter((id) => ids.includes(id));
      expect(publishedIds.sort()).toEqual([...ids].sort());
      const rows = await db.event.findMany({ where: { id: { in: ids } }, select: { status: true, version: true } });
      expect(rows.every((r) => r.status === "PUBLISHED" && r.version === 2)).toBe(true);
      expect(await db.revision.count({ where: { entityId: { in: ids } } })).toBe(ids.length);
      expect(await db.auditLog.count({ where: { action: "event.publish", targetId: { in: ids } } })).toBe(ids.length);
      // More than one process did some of the work: the test really raced them.
      expect(ticks.filter((t) => t.events.some((e) => ids.includes(e.id))).length).toBeGreaterThan(1);
    });
  });
});
