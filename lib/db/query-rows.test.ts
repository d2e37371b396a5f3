import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { PREPARED, Prisma, createDb, db, queryRows } from "./client";

const appPool = () => (globalThis as unknown as { chanceryPool: pg.Pool }).chanceryPool;

/** A value as text that tells every type apart (a BigInt from a number, a Date by its instant). */
const shown = (value: unknown) =>
  String(value instanceof Date ? value.toISOString() : Prisma.Decimal.isDecimal(value) ? value.toString() : JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)));

/** Every type the two paths could read differently, with parameters of each kind. */
const everyType = (at: Date, day: Date, ids: string[]) => Prisma.sql`SELECT
  ${day}::date AS "day", ${at}::text AS "atAsText", ${day}::text AS "dayAsText", '2024-02-29'::date AS "leapDay", NULL::date AS "noDay",
  ${at}::timestamp AS "wallClock", '2024-03-01 23:59:59.123'::timestamp AS "literalWallClock",
  ${at}::timestamptz AS "instant", '2024-03-01 23:59:59.123+05:30'::timestamptz AS "offsetInstant",
  ${BigInt("9007199254740993")}::int8 AS "big", count(*) OVER () AS "counted", 7::int AS "small", 2.5::float8 AS "float",
  ${new Prisma.Decimal("12.345")}::numeric AS "decimal", true AS "flag", NULL::text AS "nothing",
  json_build_object('at', ${at}::timestamptz, 'list', json_build_array(1, 'two', NULL)) AS "json", '{"a": [1, {"b": null}]}'::jsonb AS "jsonb",
  ${ids}::text[] AS "ids", ARRAY[1, 2]::int[] AS "ints", 'SUMMIT'::text AS "kind"`;

describe("queryRows", () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  for (const tz of ["UTC", "Asia/Kolkata", "America/Los_Angeles"]) {
    it(`gives what $queryRaw gives, type for type, in a process whose time zone is ${tz}`, async () => {
      process.env.TZ = tz;
      const at = new Date("2025-11-06T22:30:00.250Z");
      const day = new Date("2025-11-06T00:00:00.000Z");
      const sql = everyType(at, day, ["a", "b'c", "d\"e"]);
      const [viaPg] = await queryRows<Record<string, unknown>>(db, sql);
      const [viaPrisma] = await db.$queryRaw<Array<Record<string, unknown>>>(sql);
      expect(Object.keys(viaPg!)).toEqual(Object.keys(viaPrisma!));
      for (const key of Object.keys(viaPrisma!)) {
        const a = viaPg![key];
        const b = viaPrisma![key];
        expect([key, Object.prototype.toString.call(a)]).toEqual([key, Object.prototype.toString.call(b)]);
        expect([key, shown(a)]).toEqual([key, shown(b)]);
      }
      expect(viaPg!.day).toEqual(day);
      expect(viaPg!.wallClock).toEqual(at);
      expect(viaPg!.big).toBe(9007199254740993n);
    });
  }

  it("prepares a PREPARED statement under the name Prisma's adapter gives it, and runs it again from there", async () => {
    const tag = `q${process.pid}_${Date.now()}`;
    for (let i = 0; i < 3; i++) await queryRows(db, Prisma.sql`${PREPARED}SELECT ${i}::int AS n, ${tag}::text AS "queryRowsTag"`);
    await db.$queryRaw`${PREPARED}SELECT ${3}::int AS n, ${tag}::text AS "queryRowsTag"`;
    const clients = await Promise.all(Array.from({ length: appPool().totalCount }, () => appPool().connect()));
    try {
      const names = new Set<string>();
      for (const client of clients) {
        const { rows } = await client.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE statement LIKE '%queryRowsTag%'`);
        for (const row of rows) names.add(row.name);
      }
      expect([...names]).toHaveLength(1);
      expect([...names][0]).toMatch(/^chancery_[0-9a-f]{24}$/);
    } finally {
      for (const client of clients) client.release();
    }
  });

  it("runs on the pool of the client it is given, and inside a transaction on the transaction's connection", async () => {
    const other = createDb(process.env.DATABASE_URL!, { max: 1 });
    try {
      const [mine] = await queryRows<{ pid: number }>(other, Prisma.sql`SELECT pg_backend_pid() AS pid`);
      const [again] = await other.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
      expect(mine!.pid).toBe(again!.pid);
      const seen = await db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL application_name = 'query-rows-in-transaction'`;
        const [row] = await queryRows<{ name: string }>(tx, Prisma.sql`SELECT current_setting('application_name') AS name`);
        return row!.name;
      });
      expect(seen).toBe("query-rows-in-transaction");
    } finally {
      await other.$disconnect();
    }
  });

  it("throws PostgreSQL's error for a bad statement and leaves the pool usable", async () => {
    await expect(queryRows(db, Prisma.sql`SELECT 1 / ${0}::int AS n`)).rejects.toMatchObject({ code: "22012" });
    await expect(queryRows<{ n: number }>(db, Prisma.sql`SELECT ${2}::int AS n`)).resolves.toEqual([{ n: 2 }]);
  });
});
