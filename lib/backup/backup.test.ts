import { createHash } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { migrate, readLocalMigrations } from "@/lib/db/migrate";
import { loadDemoRecord } from "@/lib/seed/load-demo";
import { createEmptyDatabase, createMigratedDatabase } from "@/lib/testing/database-urls";
import { exportRecord } from "./export-record";
import { BackupError } from "./format";
import { restoreRecord } from "./restore-record";
import { readBackupShape, readTableNames } from "./schema-graph";
import { CREDENTIAL_COLUMNS, LEFT_OUT_TABLES, SECRET_LIKE_COLUMN } from "./tables";

const NOW = new Date("2026-11-30T12:00:00.000Z");

async function exportToBuffer(connectionString: string, options: { withCredentials?: boolean } = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await exportRecord({ connectionString, out, now: NOW, ...options });
  return Buffer.concat(chunks);
}

const restoreFrom = (connectionString: string, file: Buffer) => restoreRecord({ connectionString, input: Readable.from([file]) });

async function freshDatabase(label: string) {
  const target = await createEmptyDatabase(label);
  await migrate({ connectionString: target.url });
  return target;
}

/** Every topic link with the copies of its row's flag and dates that the database keeps (LEFT_OUT_COLUMNS). */
async function topicLinks(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; topicId: string; published: boolean; date: string | null; dayOrder: number }>(
      `SELECT "eventId" AS id, "topicId", published, date::text, "dayOrder" FROM "EventTopic"
       UNION ALL SELECT "statementId", "topicId", published, "saidOn"::text, 0 FROM "StatementTopic" ORDER BY 1, 2`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function rowCounts(connectionString: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    for (const name of await readTableNames(client)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${name}"`);
      out[name] = Number(rows[0]!.n);
    }
    return out;
  } finally {
    await client.end();
  }
}

const sourceUrl = () => process.env.DATABASE_URL!;
const targets: { drop: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const t of targets) await t.drop();
});

beforeAll(async () => {
  await loadDemoRecord(db, { now: NOW });
  const user = await db.user.create({ data: { email: "backup@example.test", name: "Backup Editor", role: "EDITOR", passwordHash: "scrypt$not-a-real-hash" } });
  await db.auditLog.create({ data: { action: "test.backup", actorId: user.id, actorEmail: user.email, summary: { nested: { list: [1, null, "two"] } }, ip: "127.0.0.1" } });
  await db.auditLog.create({ data: { action: "test.backup.nulljson", summary: "plain string" } });
  // A self-reference (an event inside another) and staged JSON, both must survive.
  const [summit, meeting] = await db.event.findMany({ orderBy: { slug: "asc" }, take: 2 });
  await db.event.update({ where: { id: meeting!.id }, data: { parentId: summit!.id, stagedData: { title: "staged “quotes” and \\ backslash", list: [] } } });
  await db.userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
});

describe("what a backup holds", () => {
  it("classifies every table: kept, or left out with a reason", async () => {
    const client = new pg.Client({ connectionString: sourceUrl() });
    await client.connect();
    try {
      const shapes = await readBackupShape(client);
      const kept = shapes.map((s) => s.name);
      for (const name of await readTableNames(client)) expect(kept.includes(name) || name in LEFT_OUT_TABLES, name).toBe(true);
      expect(kept).toEqual(expect.arrayContaining(["Country", "Person", "Office", "Organization", "Agreement", "TreatyAction", "Event", "EventParticipant", "Statement", "Source", "Topic", "Correction", "Revision", "User", "AuditLog"]));
      // Parents come before children.
      expect(kept.indexOf("Country")).toBeLessThan(kept.indexOf("Person"));
      expect(kept.indexOf("Event")).toBeLessThan(kept.indexOf("EventParticipant"));
      // Every column that looks like a secret is a listed credential.
      for (const shape of shapes) {
        for (const column of shape.columns.filter((c) => SECRET_LIKE_COLUMN.test(c))) {
          expect(CREDENTIAL_COLUMNS[shape.name] ?? [], `${shape.name}.${column}`).toContain(column);
        }
      }
    } finally {
      await client.end();
    }
  });

  it("leaves password hashes out unless asked, and sessions always", async () => {
    const text = gunzipSync(await exportToBuffer(sourceUrl())).toString();
    expect(text).not.toContain("scrypt$not-a-real-hash");
    expect(text).toContain('"email":"backup@example.test"');
    expect(text).not.toContain('"t":"UserSession"');
    const withCredentials = gunzipSync(await exportToBuffer(sourceUrl(), { withCredentials: true })).toString();
    expect(withCredentials).toContain("scrypt$not-a-real-hash");
    expect(JSON.parse(withCredentials.split("\n")[0]!)).toMatchObject({ format: "chancery-backup", version: 1, withCredentials: true });
  });
});

describe("the round trip", () => {
  it("export → restore into a fresh database → export again gives the same file, byte for byte", async () => {
    const first = await exportToBuffer(sourceUrl(), { withCredentials: true });
    const target = await freshDatabase("restore");
    targets.push(target);
    const result = await restoreFrom(target.url, first);
    expect(result.rows.Event).toBeGreaterThan(5);
    const second = await exportToBuffer(target.url, { withCredentials: true });
    expect(gunzipSync(second).toString()).toBe(gunzipSync(first).toString());

    const [before, after] = await Promise.all([rowCounts(sourceUrl()), rowCounts(target.url)]);
    for (const name of Object.keys(before).filter((n) => !(n in LEFT_OUT_TABLES))) expect(after[name], name).toBe(before[name]);
    expect(after.UserSession).toBe(0);
    // What the file leaves out of the topic links (their rows' flags and dates) the database wrote again as it restored them.
    expect(gunzipSync(first).toString()).not.toMatch(/"t":"EventTopic".*"published"/);
    const [linksBefore, linksAfter] = await Promise.all([topicLinks(sourceUrl()), topicLinks(target.url)]);
    expect(linksBefore.some((link) => link.published && link.date)).toBe(true);
    expect(linksAfter).toEqual(linksBefore);

    // The restored database keeps working: new audit rows get new ids.
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    const { rows } = await client.query<{ id: string; max: string }>(`INSERT INTO "AuditLog" (action) VALUES ('after.restore') RETURNING id::text, (SELECT max(id)::text FROM "AuditLog") AS max`);
    await client.end();
    expect(BigInt(rows[0]!.id)).toBeGreaterThan(BigInt(rows[0]!.max));
  });
});

describe("refusals (nothing is changed)", () => {
  let file: Buffer;
  let target: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    file = await exportToBuffer(sourceUrl());
    target = await freshDatabase("refuse");
    targets.push(target);
  });

  const lines = () => gunzipSync(file).toString().split("\n");
  const rewrap = (text: string) => gzipSync(Buffer.from(text));

  async function expectRefused(bad: Buffer, message: RegExp, url = target.url) {
    const before = await rowCounts(url);
    const error = await restoreFrom(url, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(message);
    expect(await rowCounts(url)).toEqual(before);
  }

  it("refuses a database that already holds a record", async () => {
    await expectRefused(file, /not empty/, sourceUrl());
  });

  it("refuses a damaged file", async () => {
    const damaged = Buffer.from(file);
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = damaged[middle]! ^ 0xff;
    await expectRefused(damaged, /damaged|changed/);
    await expectRefused(Buffer.from("not a backup at all"), /damaged|not a Chancery backup/);
  });

  it("refuses a file cut short", async () => {
    await expectRefused(file.subarray(0, Math.floor(file.length * 0.6)), /damaged|cut short/);
    await expectRefused(rewrap(lines().slice(0, -3).join("\n") + "\n"), /cut short/);
  });

  it("refuses a file edited after it was written", async () => {
    const edited = lines().map((line) => line.replace("Kazakhstan", "Kazakstan")).join("\n");
    await expectRefused(rewrap(edited), /changed after it was written/);
  });

  it("calls a file damaged when an edited row breaks a constraint before the checksum is checked", async () => {
    // A flipped byte can decompress to a row that points nowhere; rows are written as
    // they are read, so the database refuses it before the end marker's checksum is checked.
    const edit = (all: string[], at: number, change: (r: Record<string, unknown>) => Record<string, unknown>) => {
      const row = JSON.parse(all[at]!) as { t: string; r: Record<string, unknown> };
      all[at] = JSON.stringify({ ...row, r: change(row.r) });
    };
    /** The same lines with an end marker whose checksum was made for them. */
    const signed = (all: string[]) => {
      const end = all.findIndex((line) => line.startsWith('{"end":'));
      const sha256 = createHash("sha256").update(all.slice(0, end).map((line) => `${line}\n`).join("")).digest("hex");
      return [...all.slice(0, end), JSON.stringify({ ...(JSON.parse(all[end]!) as object), sha256 }), ...all.slice(end + 1)];
    };

    // A row in the middle, refused while the file is still being read.
    const middle = lines();
    const at = middle.findIndex((line) => line.startsWith('{"t":"EventTopic"'));
    expect(at).toBeGreaterThan(0);
    edit(middle, at, (r) => ({ ...r, topicId: "no-such-topic" }));
    await expectRefused(rewrap(middle.join("\n")), /damaged or was changed after it was written/);
    // The same row in a file whose checksum was made for it: then it is the rows that do not fit.
    await expectRefused(rewrap(signed(middle).join("\n")), /rows do not fit this database \(.*EventTopic/);

    // The last row, written after the end marker was read.
    const last = lines();
    const end = last.findIndex((line) => line.startsWith('{"end":'));
    edit(last, end - 1, (r) => Object.fromEntries(Object.keys(r).map((column) => [column, null])));
    await expectRefused(rewrap(last.join("\n")), /damaged or was changed after it was written/);
    await expectRefused(rewrap(signed(last).join("\n")), /rows do not fit this database/);
  });

  it("refuses a newer format and a newer migration", async () => {
    const [head, ...rest] = lines();
    const header = JSON.parse(head!) as Record<string, unknown>;
    await expectRefused(rewrap([JSON.stringify({ ...header, version: 99 }), ...rest].join("\n")), /newer Chancery \(backup format 99/);
    const newest = (await readLocalMigrations()).at(-1)!.name;
    await expectRefused(rewrap([JSON.stringify({ ...header, migration: `9${newest}` }), ...rest].join("\n")), /newer Chancery \(migration/);
  });

  it("refuses prototype keys in a row", async () => {
    const [head, ...rest] = lines();
    const poisoned = [head, '{"t":"Country","r":{"__proto__":{"polluted":true}}}', ...rest].join("\n");
    await expectRefused(rewrap(poisoned), /damaged/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("start-up after a restore", () => {
  it("loads the demo record into an empty record and keeps it where it is, but never adds it to a restored archive", async () => {
    const { shouldLoadDemoRecord } = await import("@/lib/seed/demo-policy");
    const { createDb } = await import("@/lib/db/client");
    expect(await shouldLoadDemoRecord(db)).toBe(true); // this record holds the demo

    const archive = await freshDatabase("archive");
    targets.push(archive);
    const archiveDb = createDb(archive.url, { max: 1 });
    try {
      expect(await shouldLoadDemoRecord(archiveDb)).toBe(true); // empty
      await archiveDb.topic.create({ data: { slug: "archive-only", name: "Archive only" } });
      await archiveDb.event.create({ data: { slug: "a-newsroom-event", title: "A newsroom's own event", summary: "Theirs.", type: "MEETING" } });
      expect(await shouldLoadDemoRecord(archiveDb)).toBe(false);
    } finally {
      await archiveDb.$disconnect();
    }
  });
});

describe("a record larger than one batch", () => {
  // Thousands of rows: more than one cursor batch (2,000) and one insert batch (1,000) a table.
  it("round-trips thousands of rows a table exactly (cursor and insert batches)", { timeout: 180_000 }, async () => {
    const { generateScaleRecord } = await import("@/lib/testing/scale-record");
    const scaleSource = await createMigratedDatabase("scale_source");
    const scaleTarget = await freshDatabase("scale_target");
    targets.push(scaleSource, scaleTarget);
    const client = new pg.Client({ connectionString: scaleSource.url });
    await client.connect();
    await generateScaleRecord(client, { events: 1_500, statements: 1_500 });
    await client.end();
    const first = await exportToBuffer(scaleSource.url);
    const { rows } = await restoreFrom(scaleTarget.url, first);
    expect(rows).toMatchObject({ Event: 1_500, EventParticipant: 3_000, Statement: 1_500, Source: 3_000 });
    expect(gunzipSync(await exportToBuffer(scaleTarget.url)).toString()).toBe(gunzipSync(first).toString());
  });
});
