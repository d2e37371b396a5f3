import { cp, mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import { createEmptyDatabase } from "@/lib/testing/database-urls";
import { removeTempFolder } from "@/lib/testing/remove-temp-folder";
import { Prisma, db } from "@/lib/db/client";
import { EVENTS_NEWEST_FIRST } from "@/lib/events/event-order";
import { NEWEST_SHOWN } from "@/lib/site/public-selects";
import { STATEMENTS_NEWEST_FIRST } from "@/lib/statements/statement-order";
import { seedPublicRecordBeforeAll } from "@/lib/testing/public-record";
import { findPublicTopic } from "./public-queries";

/**
 * A topic's links carry their row's published flag and date (and an event's order of the
 * day), written by the database's triggers whatever writes the rows (migration
 * 20261205100000_topic_newest_indexes): a topic's newest rows are read from them.
 */
const leak = seedPublicRecordBeforeAll("topicl");

type Link = { id: string; topicId: string; published: boolean; date: string | null; dayOrder: number };
const byIdThenTopic = (a: Link, b: Link) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.topicId < b.topicId ? -1 : a.topicId > b.topicId ? 1 : 0);
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** Every link as the database keeps it. */
async function kept(): Promise<{ events: Link[]; statements: Link[] }> {
  const events = await db.$queryRaw<Link[]>`SELECT "eventId" AS id, "topicId", published, to_char(date, 'YYYY-MM-DD') AS date, "dayOrder" FROM "EventTopic"`;
  const statements = await db.$queryRaw<Link[]>`SELECT "statementId" AS id, "topicId", published, to_char("saidOn", 'YYYY-MM-DD') AS date, 0 AS "dayOrder" FROM "StatementTopic"`;
  return { events: events.sort(byIdThenTopic), statements: statements.sort(byIdThenTopic) };
}

/** The same links worked out from the events and statements in memory. */
async function recomputed(): Promise<{ events: Link[]; statements: Link[] }> {
  const events = await db.event.findMany({ select: { id: true, status: true, date: true, dayOrder: true, topics: { select: { topicId: true } } } });
  const statements = await db.statement.findMany({ select: { id: true, status: true, saidOn: true, topics: { select: { topicId: true } } } });
  return {
    events: events
      .flatMap((e) => e.topics.map((t) => ({ id: e.id, topicId: t.topicId, published: e.status === "PUBLISHED", date: day(e.date), dayOrder: e.dayOrder })))
      .sort(byIdThenTopic),
    statements: statements
      .flatMap((s) => s.topics.map((t) => ({ id: s.id, topicId: t.topicId, published: s.status === "PUBLISHED", date: day(s.saidOn), dayOrder: 0 })))
      .sort(byIdThenTopic),
  };
}

function stepChecker() {
  const steps: string[] = [];
  return async (step: string) => {
    steps.push(step);
    expect(await kept(), steps.join(" → ")).toEqual(await recomputed());
  };
}

describe("a topic's links", () => {
  it("carry each event's published flag, date and order of the day after every kind of write", async () => {
    const check = stepChecker();
    await check("seeded record");
    expect((await kept()).events.some((link) => link.published)).toBe(true);
    const [energy, trade] = await Promise.all([
      db.topic.create({ data: { slug: "topicl-energy", name: "Energy (links)" } }),
      db.topic.create({ data: { slug: "topicl-trade", name: "Trade (links)" } }),
    ]);
    const event = await db.event.create({
      data: {
        slug: "topicl-event",
        title: "An event with topics",
        summary: "Its topics' links follow it.",
        type: "MEETING",
        date: new Date("2025-11-06"),
        dayOrder: 2,
        status: "DRAFT",
        topics: { create: [{ topicId: energy.id }] },
      },
    });
    await check("a draft with a topic");
    await db.event.update({ where: { id: event.id }, data: { status: "PUBLISHED" } });
    await check("published");
    await db.eventTopic.create({ data: { eventId: event.id, topicId: trade.id } });
    await check("a second topic");
    await db.event.update({ where: { id: event.id }, data: { date: new Date("2025-11-09"), dayOrder: 0 } });
    await check("another day and order");
    await db.event.update({ where: { id: event.id }, data: { date: null } });
    await check("the day unknown");
    await db.eventTopic.updateMany({ where: { eventId: event.id, topicId: trade.id }, data: { published: false, date: new Date("1999-01-01"), dayOrder: 9 } });
    await check("a link's copies written by hand are the row's again");
    await db.event.updateMany({ where: { id: event.id }, data: { status: "RETRACTED" } });
    await check("retracted");
    await db.eventTopic.deleteMany({ where: { eventId: event.id, topicId: energy.id } });
    await check("a topic removed");
    await db.event.delete({ where: { id: event.id } });
    await check("deleted");
    expect(await db.eventTopic.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("carry each statement's published flag and date after every kind of write", async () => {
    const check = stepChecker();
    const topic = await db.topic.create({ data: { slug: "topicl-security", name: "Security (links)" } });
    const statement = await db.statement.create({
      data: {
        slug: "topicl-statement",
        title: "A statement with a topic",
        text: "Words on a topic.",
        medium: "OFFICIAL_STATEMENT",
        speakerLabel: "a senior official",
        saidOn: new Date("2025-11-06"),
        status: "PUBLISHED",
        topics: { create: [{ topicId: topic.id }] },
      },
    });
    await check("a published statement with a topic");
    await db.statement.update({ where: { id: statement.id }, data: { saidOn: new Date("2025-11-08") } });
    await check("said on another day");
    await db.statement.update({ where: { id: statement.id }, data: { status: "DRAFT" } });
    await check("unpublished");
    await db.statement.update({ where: { id: statement.id }, data: { status: "PUBLISHED", saidOn: null } });
    await check("published again, the day unknown");
    await db.statement.delete({ where: { id: statement.id } });
    await check("deleted");
  });

  it("refuse a link to nothing with the foreign key's error, not another", async () => {
    const topic = await db.topic.findFirstOrThrow();
    const error = await db.$executeRaw`INSERT INTO "EventTopic" ("eventId", "topicId") VALUES ('no-such-event', ${topic.id})`.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(String((error as Error).message)).toMatch(/foreign key/i);
  });
});

describe("a topic's page, read from its links", () => {
  it("shows the newest published events and statements and counts them as the plain filter on the rows does", async () => {
    const topics = await db.topic.findMany({ select: { id: true, slug: true } });
    expect(topics.length).toBeGreaterThan(1);
    let seen = 0;
    for (const topic of topics) {
      const page = (await findPublicTopic(topic.slug))!;
      const where = { status: "PUBLISHED" as const, topics: { some: { topicId: topic.id } } };
      const [events, statements, eventCount, statementCount] = await Promise.all([
        db.event.findMany({ where, orderBy: EVENTS_NEWEST_FIRST, take: NEWEST_SHOWN.events, select: { slug: true } }),
        db.statement.findMany({ where, orderBy: STATEMENTS_NEWEST_FIRST, take: NEWEST_SHOWN.statements, select: { slug: true } }),
        db.event.count({ where }),
        db.statement.count({ where }),
      ]);
      expect(page.events.map((e) => e.slug), topic.slug).toEqual(events.map((e) => e.slug));
      expect(page.statements.map((s) => s.slug), topic.slug).toEqual(statements.map((s) => s.slug));
      expect([page.eventCount, page.statementCount], topic.slug).toEqual([eventCount, statementCount]);
      seen += events.length + statements.length;
    }
    expect(seen).toBeGreaterThan(0);
    // An item in every editorial state on one topic: only the published ones are shown and counted.
    const leaks = await db.topic.create({ data: { slug: "topicl-every-state", name: "Every state (links)" } });
    for (const fixture of leak.fixtures) {
      const [event, statement] = await Promise.all([
        db.event.findUniqueOrThrow({ where: { slug: fixture.eventSlug } }),
        db.statement.findUniqueOrThrow({ where: { slug: fixture.statementSlug } }),
      ]);
      await db.eventTopic.create({ data: { eventId: event.id, topicId: leaks.id } });
      await db.statementTopic.create({ data: { statementId: statement.id, topicId: leaks.id } });
    }
    const live = leak.fixtures.filter((f) => f.status === "STAGED");
    expect(live.length).toBeGreaterThan(0);
    expect(leak.fixtures.length).toBeGreaterThan(live.length);
    const page = (await findPublicTopic(leaks.slug))!;
    expect(page.events.map((e) => e.slug).sort()).toEqual(live.map((f) => f.eventSlug).sort());
    expect(page.statements.map((s) => s.slug).sort()).toEqual(live.map((f) => f.statementSlug).sort());
    expect([page.eventCount, page.statementCount]).toEqual([live.length, live.length]);
    expect(await findPublicTopic("topicl-no-such-topic")).toBeNull();
  });
});

describe("the migration that gave the links their copies", () => {
  it("fills them in for the links a record already holds", async () => {
    const target = await createEmptyDatabase("topiclinks");
    const dir = await mkdtemp(path.join(os.tmpdir(), "chancery-migrations-"));
    const client = new pg.Client({ connectionString: target.url });
    try {
      // Every migration before it, then a record written by hand, then the rest.
      for (const name of (await readdir(MIGRATIONS_DIR)).filter((n) => n < "20261205100000_topic_newest_indexes")) {
        await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
      }
      await migrate({ connectionString: target.url, dir });
      await client.connect();
      await client.query(`
        INSERT INTO "Topic" (id, slug, name, "updatedAt") VALUES ('tp1', 'energy', 'Energy', now());
        INSERT INTO "Event" (id, slug, title, summary, type, date, "dayOrder", status, "updatedAt") VALUES
          ('e1', 'e1', 'Published', 's', 'MEETING', '2025-03-04', 2, 'PUBLISHED', now()),
          ('e2', 'e2', 'Draft', 's', 'MEETING', NULL, 0, 'DRAFT', now());
        INSERT INTO "Statement" (id, slug, title, text, medium, "speakerLabel", "saidOn", status, "updatedAt") VALUES
          ('s1', 's1', 'Said', 'words', 'SPEECH', 'an official', '2025-03-05', 'PUBLISHED', now());
        INSERT INTO "EventTopic" ("eventId", "topicId") VALUES ('e1', 'tp1'), ('e2', 'tp1');
        INSERT INTO "StatementTopic" ("statementId", "topicId") VALUES ('s1', 'tp1');`);
      await migrate({ connectionString: target.url });
      const events = await client.query(`SELECT "eventId", published, to_char(date, 'YYYY-MM-DD') AS date, "dayOrder" FROM "EventTopic" ORDER BY 1`);
      expect(events.rows).toEqual([
        { eventId: "e1", published: true, date: "2025-03-04", dayOrder: 2 },
        { eventId: "e2", published: false, date: null, dayOrder: 0 },
      ]);
      const statements = await client.query(`SELECT "statementId", published, to_char("saidOn", 'YYYY-MM-DD') AS "saidOn" FROM "StatementTopic"`);
      expect(statements.rows).toEqual([{ statementId: "s1", published: true, saidOn: "2025-03-05" }]);
    } finally {
      await client.end().catch(() => {});
      await target.drop();
      await removeTempFolder(dir);
    }
  });
});
