import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { publishDueItems } from "./publish-due";

describe("publishDueItems", () => {
  it("publishes scheduled items whose time has come, including missed ones, and nothing else", async () => {
    const now = new Date();
    const make = (slug: string, status: "SCHEDULED" | "DRAFT", scheduledAt: Date | null) =>
      db.event.create({
        data: {
          slug,
          title: slug,
          summary: "s",
          type: "MEETING",
          date: new Date("2026-01-01"),
          status,
          scheduledAt,
          sources: { create: [{ url: "https://example.org/a", title: "A" }] },
        },
      });
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
});
