import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, PoolBusyError } from "@/lib/db/client";
import { freePort } from "@/lib/db/embedded";
import { handleApi } from "@/lib/api/respond";
import { toErrorResponse } from "@/lib/http/json-route";
import { isDatabaseUnavailable } from "./errors";

const clients: Array<{ $disconnect: () => Promise<void> }> = [];
afterAll(async () => {
  for (const client of clients) await client.$disconnect().catch(() => {});
});

async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("a database that is away is told apart from a bad request", () => {
  it("a server that refuses connections: 503 with Retry-After, no database text", async () => {
    const closed = createDb(`postgresql://nobody:nothing@127.0.0.1:${await freePort()}/none`);
    clients.push(closed);
    const error = await failureOf(() => closed.country.findFirst());
    expect(isDatabaseUnavailable(error)).toBe(true);
    const response = toErrorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe("UNAVAILABLE");
    expect(body.message).not.toMatch(/127\.0\.0\.1|P1001|reach/);
  });

  it("a connection cut in the middle of a query (as PostgreSQL's shutdown does)", async () => {
    const live = createDb(process.env.DATABASE_URL!);
    clients.push(live);
    await live.$queryRaw`SELECT 1`;
    const running = failureOf(() => live.$queryRaw`SELECT pg_sleep(20)::text AS slept`);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      for (let attempt = 0; attempt < 100; attempt++) {
        const { rows } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(20)%' AND pid <> pg_backend_pid()`);
        if (rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await admin.end();
    }
    const error = await running;
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toErrorResponse(error).status).toBe(503);
  }, 30_000);

  it("a query that is wrong, a unique index hit and our own bugs are not 'away'", async () => {
    const live = createDb(process.env.DATABASE_URL!);
    clients.push(live);
    const wrong = await failureOf(() => live.$queryRawUnsafe("SELECT * FROM no_such_table"));
    expect(isDatabaseUnavailable(wrong)).toBe(false);
    expect(toErrorResponse(wrong).status).toBe(500);
    const country = await live.country.findFirstOrThrow();
    const duplicate = await failureOf(() => live.country.create({ data: { ...country } }));
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(toErrorResponse(duplicate).status).toBe(409);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
  });

  it("a pool with too many queries waiting refuses the next at once; one that waited too long gives up: both 503", async () => {
    const pool = createDb(process.env.DATABASE_URL!, { max: 1, maxWaiting: 2, waitMs: 1_500 });
    clients.push(pool);
    // The one connection is busy for a second; two queries wait for it; the third is refused.
    // (Prisma's queries start when awaited: Promise.resolve starts them now.)
    const holding = Promise.resolve(pool.$queryRaw`SELECT pg_sleep(1)::text AS slept`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const waiting = [Promise.resolve(pool.$queryRaw`SELECT 1 AS one`), Promise.resolve(pool.$queryRaw`SELECT 2 AS two`)];
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const refused = await failureOf(() => pool.$queryRaw`SELECT 3 AS three`);
    expect(Date.now() - started).toBeLessThan(500);
    expect(String(refused)).toMatch(/busy/);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(toErrorResponse(refused).status).toBe(503);
    // The open data API says the same, in its own error shape.
    const api = await handleApi(new Request("http://127.0.0.1/api/v1/events"), () => Promise.reject(refused));
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");
    expect(api.headers.get("cache-control")).toBe("no-store");
    expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(/not answering/);
    // The ones that waited within the bound are answered.
    await holding;
    expect(await Promise.all(waiting)).toEqual([[{ one: 1 }], [{ two: 2 }]]);

    // A query that waits longer than waitMs for the connection gives up, and says the database is busy too.
    const long = Promise.resolve(pool.$queryRaw`SELECT pg_sleep(3)::text AS slept`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const timedOut = await failureOf(() => pool.$queryRaw`SELECT 4 AS four`);
    expect(isDatabaseUnavailable(timedOut)).toBe(true);
    expect(toErrorResponse(timedOut).status).toBe(503);
    // So does a transaction that cannot get a connection within its maxWait.
    const again = Promise.resolve(pool.$queryRaw`SELECT pg_sleep(2)::text AS slept`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const notStarted = await failureOf(() => pool.$transaction(async (tx) => tx.$queryRaw`SELECT 5 AS five`, { maxWait: 300 }));
    expect(String(notStarted)).toMatch(/Unable to start a transaction/);
    expect(isDatabaseUnavailable(notStarted)).toBe(true);
    expect(toErrorResponse(notStarted).status).toBe(503);
    await Promise.all([long, again]);
    expect(new PoolBusyError(3).message).toMatch(/3 queries/);
  }, 20_000);
});
