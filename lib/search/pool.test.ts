import type pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { onEverySearchConnection as onEveryConnection } from "@/lib/testing/search-connections";
import {
  SEARCH_CONNECTIONS,
  SEARCH_STATEMENT_MS,
  WORD_SIMILARITY_THRESHOLD,
  closeSearchPool,
  openSearchConnections,
  searchConnectionsPerProcess,
  setStatementTimeout,
  withSearchConnection,
} from "./pool";

/** This process's search pool (lib/search/pool.ts keeps it on globalThis). */
const searchPool = () => (globalThis as unknown as { chancerySearchPool: pg.Pool }).chancerySearchPool;

describe("search connections", () => {
  it("are shared by a server's web processes: 4 for one, 2 each for two, at least 1 each", () => {
    expect([1, 2, 3, 4, 8, 64].map(searchConnectionsPerProcess)).toEqual([4, 2, 1, 1, 1, 1]);
    expect([0, Number.NaN, -3].map(searchConnectionsPerProcess)).toEqual([4, 4, 4]);
  });

  it("are opened at start and kept open however long they idle", async () => {
    await openSearchConnections();
    const pool = searchPool();
    expect(pool.totalCount).toBe(SEARCH_CONNECTIONS);
    expect(pool.idleCount).toBe(SEARCH_CONNECTIONS);
    // Only the timers: pg-pool closes an idle connection from a setTimeout.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      await withSearchConnection(async (client) => client.query("SELECT 1"));
      vi.advanceTimersByTime(10 * 60_000);
      expect(pool.totalCount).toBe(SEARCH_CONNECTIONS);
    } finally {
      vi.useRealTimers();
    }
  });

  it("are opened with their session's settings made, before their first search", async () => {
    await closeSearchPool();
    await openSearchConnections();
    const pool = searchPool();
    // Taken from the pool directly, not through withSearchConnection (which would make the settings itself).
    const clients = await Promise.all(Array.from({ length: SEARCH_CONNECTIONS }, () => pool.connect()));
    try {
      expect(pool.totalCount).toBe(SEARCH_CONNECTIONS);
      const settings = await Promise.all(
        clients.map(async (client) => (await client.query("SELECT current_setting('pg_trgm.word_similarity_threshold') AS similarity, current_setting('statement_timeout') AS timeout")).rows[0]),
      );
      expect(settings).toEqual(Array(SEARCH_CONNECTIONS).fill({ similarity: String(WORD_SIMILARITY_THRESHOLD), timeout: "2s" }));
    } finally {
      for (const client of clients) client.release();
    }
  });

  it("go back to the pool without the time limit a step gave them", async () => {
    const before = await withSearchConnection(async (client) => (await client.query<{ statement_timeout: string }>("SHOW statement_timeout")).rows[0]!.statement_timeout);
    const pids = await onEveryConnection(async (client) => {
      await setStatementTimeout(client, 5);
      return (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    });
    expect(new Set(pids).size).toBe(SEARCH_CONNECTIONS);
    // The next uses of the same connections: a statement of 50 ms is not cancelled, and the limit is the one before.
    const after = await onEveryConnection(async (client) => {
      await client.query("SELECT pg_sleep(0.05)");
      const { rows } = await client.query<{ statement_timeout: string; pid: number }>("SELECT current_setting('statement_timeout') AS statement_timeout, pg_backend_pid() AS pid");
      return rows[0]!;
    });
    expect(after.map((r) => r.statement_timeout)).toEqual(Array(SEARCH_CONNECTIONS).fill(before));
    expect(new Set(after.map((r) => r.pid))).toEqual(new Set(pids));
  });

  it("run every statement under their own time limit, and never plan in parallel", async () => {
    const settings = await onEveryConnection(async (client) => {
      const { rows } = await client.query<{ statement_timeout: string; workers: string }>(
        "SELECT current_setting('statement_timeout') AS statement_timeout, current_setting('max_parallel_workers_per_gather') AS workers",
      );
      return rows[0]!;
    });
    expect(SEARCH_STATEMENT_MS).toBe(2_000);
    expect(settings).toEqual(Array(SEARCH_CONNECTIONS).fill({ statement_timeout: "2s", workers: "0" }));
  });

  it("keep a step's limit while it runs: a statement over it is cancelled, and the connection stays usable", async () => {
    await expect(
      withSearchConnection(async (client) => {
        await setStatementTimeout(client, 20);
        await client.query("SELECT pg_sleep(0.5)");
      }),
    ).rejects.toMatchObject({ code: "57014" });
    await withSearchConnection(async (client) => {
      await client.query("SELECT pg_sleep(0.05)");
    });
  });
});
