import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export { Prisma } from "@/lib/generated/prisma/client";

type Db = PrismaClient;

// chanceryPool: the pool of the one client, read by the web process's metrics (lib/server/metrics.ts).
const globalForDb = globalThis as unknown as { chanceryDb?: Db; chanceryDbUrl?: string; chanceryPool?: pg.Pool };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: start Chancery with `npm start` (which provides a database) or set DATABASE_URL.",
    );
  }
  return url;
}

function createPool(connectionString: string, max: number): pg.Pool {
  return new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
}

function clientOn(pool: pg.Pool): Db {
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

/** Builds a client for a connection string; callers own it and must $disconnect(). */
export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  return clientOn(createPool(connectionString, options.max ?? 10));
}

function getDb(): Db {
  const url = databaseUrl();
  // Rebuilt if DATABASE_URL changes (tests switch databases per worker).
  if (!globalForDb.chanceryDb || globalForDb.chanceryDbUrl !== url) {
    void globalForDb.chanceryDb?.$disconnect();
    globalForDb.chanceryPool = createPool(url, 10);
    globalForDb.chanceryDb = clientOn(globalForDb.chanceryPool);
    globalForDb.chanceryDbUrl = url;
  }
  return globalForDb.chanceryDb;
}

/**
 * The one Prisma client. It is created on first use, not on import, so that
 * `next build` can load modules without a database.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export type { Db };
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
