import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, createPool } from "./client";

/**
 * pg 8 queues a query handed to a connection that is busy and warns that pg 9 will refuse
 * it. Prisma's adapter does that inside a transaction: a read with several relations sends
 * their queries at once on the transaction's one connection (prisma/orm#29407). Every
 * connection of the app's pools hands pg its queries one after another.
 */
describe("a connection of the app's pools", () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => {
    if (warning.name === "DeprecationWarning") warnings.push(warning);
  };
  beforeEach(() => {
    warnings.length = 0;
    process.on("warning", onWarning);
  });
  afterEach(() => {
    process.off("warning", onWarning);
  });
  /** Warnings are emitted on the next tick. */
  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it("runs queries handed to it at once one after another, each answering its own", async () => {
    const pool = createPool(process.env.DATABASE_URL!, { max: 1 });
    const client = await pool.connect();
    try {
      const started = Date.now();
      const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => client.query<{ n: number }>("SELECT $1::int AS n, pg_sleep(0.02)", [n])));
      expect(answers.map((a) => a.rows[0]!.n)).toEqual([1, 2, 3, 4, 5]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      // One that fails leaves the next its turn.
      const [failed, after] = await Promise.allSettled([client.query("SELECT 1/0"), client.query("SELECT 7 AS n")]);
      expect(failed.status).toBe("rejected");
      expect(after.status === "fulfilled" && after.value.rows[0].n).toBe(7);
      await settled();
      expect(warnings.map((w) => w.message)).toEqual([]);
    } finally {
      client.release();
      await pool.end();
    }
  });

  it("takes a transaction's read of several relations without pg's warning", async () => {
    const db = createDb(process.env.DATABASE_URL!, { max: 2 });
    try {
      const country = await db.$transaction((tx) =>
        tx.country.findFirst({ where: { iso2: "KZ" }, include: { persons: true, organizations: true, events: true, memberships: true, offices: true } }),
      );
      expect(country?.iso2).toBe("KZ");
      await settled();
      expect(warnings.map((w) => w.message)).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  });
});
