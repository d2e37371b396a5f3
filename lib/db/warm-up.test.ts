import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { MAIN_POOL_SIZE, db, openConnections } from "./client";

/** The pool of the one client (lib/db/client.ts keeps it on globalThis for the metrics). */
const appPool = () => (globalThis as unknown as { chanceryPool: pg.Pool }).chanceryPool;

describe("openConnections", () => {
  it("opens that many sessions at once, readies their catalog and leaves them idle in the pool", async () => {
    await openConnections(3);
    const pool = appPool();
    expect(pool.totalCount).toBeGreaterThanOrEqual(3);
    expect(pool.idleCount).toBe(pool.totalCount);
    expect(pool.waitingCount).toBe(0);
  });

  it("keeps the main pool's connections open however long they idle", async () => {
    // Only the timers: pg-pool closes an idle connection from a setTimeout.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      await openConnections(MAIN_POOL_SIZE);
      const pool = appPool();
      expect(pool.totalCount).toBe(MAIN_POOL_SIZE);
      vi.advanceTimersByTime(10 * 60_000);
      expect(pool.totalCount).toBe(MAIN_POOL_SIZE);
      expect(pool.idleCount).toBe(MAIN_POOL_SIZE);
    } finally {
      vi.useRealTimers();
    }
  });

  it("plans nothing in parallel on the app's connections, through Prisma and through pg", async () => {
    const viaPrisma = await db.$queryRaw<Array<{ workers: string }>>`SELECT current_setting('max_parallel_workers_per_gather') AS workers`;
    expect(viaPrisma[0]!.workers).toBe("0");
    const { rows } = await appPool().query<{ workers: string }>("SELECT current_setting('max_parallel_workers_per_gather') AS workers");
    expect(rows[0]!.workers).toBe("0");
    // The database's own default is still PostgreSQL's: the setting is the app's sessions'.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      expect((await other.query<{ workers: string }>("SELECT current_setting('max_parallel_workers_per_gather') AS workers")).rows[0]!.workers).not.toBe("0");
    } finally {
      await other.end();
    }
  });

  it("says so when the database refuses, and keeps no connection checked out", async () => {
    const wrong = new URL(process.env.DATABASE_URL!);
    wrong.password = "not-the-password";
    const pool = new pg.Pool({ connectionString: wrong.toString(), max: 4 });
    try {
      await expect(openConnections(2, pool)).rejects.toThrow(/password|authentication/i);
      expect(pool.totalCount - pool.idleCount).toBe(0);
    } finally {
      await pool.end();
    }
  });
});
