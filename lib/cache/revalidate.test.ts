import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { CHANNEL, TagListener, expireTags, isStale, now, tagPayloads } from "./handlers/tag-expirations.mjs";
import { announceExpiredTags, revalidatePublicRecord, tagsFor } from "./revalidate";
import { tags } from "./tags";

/**
 * Expiry across processes and servers, against a real PostgreSQL: each TagListener
 * here stands for one web process (each has its own connection, as each process
 * does), and announcements go through the app's own revalidatePublicRecord.
 */

type Heard = { tags: string[]; via: "notification" | "catch-up" };
const listeners: TagListener[] = [];

function listen(): { listener: TagListener; heard: Heard[] } {
  const heard: Heard[] = [];
  const listener = new TagListener({ connectionString: process.env.DATABASE_URL!, onExpire: (list, via) => heard.push({ tags: list, via }) });
  listeners.push(listener);
  return { listener, heard };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const heardTag = (heard: Heard[], tag: string) => heard.some((h) => h.tags.includes(tag));

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.stop()));
});

describe("tags of a change", () => {
  it("expire the item, its lists and search; names of actors expire the lists that show them", () => {
    expect(tagsFor({ events: ["a"], corrections: true }).sort()).toEqual([tags.corrections, tags.event("a"), tags.eventLists, tags.search].sort());
    expect(tagsFor({ statements: ["s"] })).toEqual(expect.arrayContaining([tags.statement("s"), tags.statementLists, tags.search]));
    expect(tagsFor({ people: ["p"], countries: ["KZ"] })).toEqual(
      expect.arrayContaining([tags.person("p"), tags.country("kz"), tags.eventLists, tags.statementLists, tags.search]),
    );
    expect(tagsFor({})).toEqual([]);
  });
});

describe("announcing expired tags", () => {
  it("reaches every listening process and is kept in the table", async () => {
    const a = listen();
    const b = listen();
    await Promise.all([a.listener.ready, b.listener.ready]);
    const slug = `event-${Date.now()}`;
    expect(await revalidatePublicRecord({ events: [slug], corrections: true })).toEqual({ ok: true });
    await until(() => heardTag(a.heard, tags.event(slug)) && heardTag(b.heard, tags.event(slug)), "both processes heard the event's tag");
    expect(a.heard.find((h) => h.tags.includes(tags.event(slug)))?.via).toBe("notification");
    const rows = await sql<{ tag: string }>(`SELECT tag FROM "CacheTagExpiration" WHERE tag = ANY($1)`, [tagsFor({ events: [slug], corrections: true })]);
    expect(rows.map((r) => r.tag).sort()).toEqual(tagsFor({ events: [slug], corrections: true }).sort());
  });

  it("splits many tags into payloads PostgreSQL accepts, and every tag arrives", async () => {
    const many = Array.from({ length: 1500 }, (_, i) => `person:someone-with-a-long-slug-${i}`);
    expect(tagPayloads(many).length).toBeGreaterThan(1);
    for (const payload of tagPayloads(many)) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    const a = listen();
    await a.listener.ready;
    await announceExpiredTags(many);
    await until(() => many.every((t) => heardTag(a.heard, t)), "all 1500 tags arrived");
  });

  it("says so, without throwing, when the database cannot be reached", async () => {
    const saved = process.env.DATABASE_URL;
    const { db } = await import("@/lib/db/client");
    process.env.DATABASE_URL = "postgresql://nobody:wrong@127.0.0.1:1/none";
    try {
      const result = await revalidatePublicRecord({ events: ["unreachable"] });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.tags).toContain(tags.event("unreachable"));
    } finally {
      process.env.DATABASE_URL = saved;
      await db.$queryRaw`SELECT 1`;
    }
  });
});

describe("a listener that missed notifications", () => {
  it("catches up from the table when it reconnects", async () => {
    const a = listen();
    await a.listener.ready;
    const pid = a.listener.backendPid;
    expect(pid).toBeTypeOf("number");
    // The process loses its connection, and cannot get a new one for a while.
    const good = a.listener.connectionString;
    a.listener.connectionString = "postgresql://nobody:wrong@127.0.0.1:1/none";
    await sql(`SELECT pg_terminate_backend($1)`, [pid]);
    await until(() => !a.listener.connected, "the listener noticed");
    const slug = `missed-${Date.now()}`;
    await revalidatePublicRecord({ events: [slug] });
    expect(heardTag(a.heard, tags.event(slug))).toBe(false);
    a.listener.connectionString = good;
    await until(() => heardTag(a.heard, tags.event(slug)), "the reconnected listener caught up");
    expect(a.heard.find((h) => h.tags.includes(tags.event(slug)))?.via).toBe("catch-up");
  });

  it("started late, still learns what expired since its process started", async () => {
    const slug = `before-listening-${Date.now()}`;
    await announceExpiredTags([tags.event(slug)]);
    const a = listen();
    await a.listener.ready;
    expect(a.heard).toContainEqual({ tags: expect.arrayContaining([tags.event(slug)]), via: "catch-up" });
  });

  it("notices a connection that stops answering, and listens again", async () => {
    const a = listen();
    await a.listener.ready;
    const first = a.listener.backendPid;
    await sql(`SELECT pg_terminate_backend($1)`, [first]);
    await until(() => a.listener.connected && a.listener.backendPid !== first, "a new connection listens");
    const slug = `after-reconnect-${Date.now()}`;
    await sql(`SELECT pg_notify($1, $2)`, [CHANNEL, JSON.stringify([tags.event(slug)])]);
    await until(() => heardTag(a.heard, tags.event(slug)), "the new connection hears notifications");
  });
});

describe("expiry state of a process", () => {
  it("makes entries begun before the expiry stale, and later ones fresh", () => {
    const tag = `event:state-${Date.now()}`;
    const before = now();
    expireTags([tag]);
    const after = now() + 1;
    expect(isStale([tag], before)).toBe(true);
    expect(isStale([tag], after)).toBe(false);
    expect(isStale(["event:never-expired"], before)).toBe(false);
  });
});
