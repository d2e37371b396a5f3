import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { POOL_BUSY } from "./errors";

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

/**
 * The web process's pool: at most this many connections, and as many kept open once
 * opened (openConnections opens them all at start). A page reads up to about ten things
 * at once (a country's page: its record, events, statements, agreements, people,
 * organizations, count and partners, beside the layout's reads); a connection closed
 * after 30 s idle made the first reader after every quiet spell pay for new ones (a CPU
 * profile of a busy country's first render: password exchanges in the middle of it).
 */
export const MAIN_POOL_SIZE = 10;

/**
 * How many queries may wait for one of the main pool's connections; the next is refused
 * at once (PoolBusyError, answered 503 with Retry-After like a database that is away).
 * Under a flood of renders that each need the database (distinct missing pages, searches,
 * filtered lists at c50, clients giving up after 2 s and asking again), 115-171 queries
 * waited for the ten connections, each for up to the 5 s wait below, each holding its
 * render and all it had read, and each answered seconds after its reader gave up.
 */
export const MAIN_POOL_QUEUE = 50;

/** A query refused because too many already wait for a connection of the pool. */
export class PoolBusyError extends Error {
  readonly code = POOL_BUSY;
  constructor(waiting: number) {
    super(`The database is busy: ${waiting} queries already wait for a connection.`);
    this.name = "PoolBusyError";
  }
}

type PoolOptions = { max: number; keepOpen?: number; maxWaiting?: number; waitMs?: number; sessionOptions?: string };

/**
 * A pool of connections: at most `max`, `keepOpen` of them kept open once opened (the
 * others close after 30 s idle), `maxWaiting` callers waiting at most. A new session is
 * slow for its first few hundred queries, not only its first: PostgreSQL's backend maps
 * the shared buffers page by page as it touches them (the same search step took 85 ms
 * in a new session, 11 ms in one that had run it before).
 */
/**
 * Settings of every connection the app opens, sent as the session starts (no statement of
 * their own). No parallel plans: the app's statements are small and many run at once, so
 * workers only take the cores other requests are waiting for. Left to itself the planner
 * read all 100,000 events in three processes for a desk search of a rare word (120 ms
 * each, against 35 ms for the whole page without: docs/performance.md, "The desk on a
 * large record"), and search's final join cost more with workers than without.
 */
export const SESSION_OPTIONS = "-c max_parallel_workers_per_gather=0";

/**
 * A connection that hands pg its queries one after another: a query asked for while
 * another runs starts when that one has answered. pg 8 queues such a query itself but
 * warns that pg 9 will refuse it, and Prisma's adapter sends them inside transactions: a
 * read with several relations asks for them all at once on the transaction's one
 * connection (prisma/orm#29407). The queries go to PostgreSQL in the same order as pg's
 * own queue would send them, each after the last has answered, so nothing is slower.
 * Only the promise form is ordered; a callback or a submittable (the pool's own
 * `pool.query`, on a connection nothing else holds) goes straight to pg.
 */
export class OneQueryAtATime extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    let previous: Promise<unknown> = Promise.resolve();
    this.query = ((...args: unknown[]) => {
      const first = args[0] as { submit?: unknown } | undefined;
      if (typeof args.at(-1) === "function" || typeof first?.submit === "function") return query(...args);
      const run = () => query(...args);
      const answer = previous.then(run, run);
      previous = answer.catch(() => {});
      return answer;
    }) as pg.Client["query"];
  }
}

export function createPool(connectionString: string, options: PoolOptions): pg.Pool {
  const { max, keepOpen = 0, maxWaiting, waitMs = 5_000, sessionOptions } = options;
  const pool = new pg.Pool({
    Client: OneQueryAtATime,
    connectionString,
    max,
    min: keepOpen,
    connectionTimeoutMillis: waitMs,
    idleTimeoutMillis: 30_000,
    // A pool's own settings (search's) are sent with the app's as the session starts.
    options: sessionOptions ? `${SESSION_OPTIONS} ${sessionOptions}` : SESSION_OPTIONS,
  });
  // An idle connection that fails (the database restarted) is dropped, never thrown at the
  // process; the next query opens a new one. (Prisma's adapter adds its own listener once
  // the client has connected; connections opened before that, by openConnections, need this.)
  pool.on("error", () => {});
  if (maxWaiting !== undefined) boundQueue(pool, maxWaiting);
  return pool;
}

/**
 * Refuses a connection at once when `maxWaiting` callers already wait for one. pg's pool
 * has no such bound; its query() and Prisma's adapter both go through connect(), in
 * callback and in promise form. The pool's `refusedCount` counts the refusals (read by
 * the web process's metrics through globalThis, as its other counts are).
 */
function boundQueue(pool: pg.Pool, maxWaiting: number): void {
  const refused = Object.assign(pool, { refusedCount: 0 });
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => Promise<pg.PoolClient> | undefined;
  const bounded = (callback?: (...args: unknown[]) => void) => {
    if (pool.waitingCount < maxWaiting) return connect(callback);
    refused.refusedCount++;
    const error = new PoolBusyError(pool.waitingCount);
    if (!callback) return Promise.reject(error);
    process.nextTick(() => callback(error, undefined, () => {}));
    return undefined;
  };
  pool.connect = bounded as typeof pool.connect;
}

const PREPARED_MARK = "/* prepared */ ";

/**
 * Put first in a raw statement (db.$queryRaw`${PREPARED}SELECT …`) to have it prepared
 * once on each connection: PostgreSQL then plans it for its first five runs and after
 * that keeps a generic plan if it is no worse. Planning the list pages' row reads took
 * about as long as running them (docs/performance.md, "Lists"). Only for a fixed text
 * whose best plan does not depend on its values (`id = ANY($1)`, not a date range or a
 * filter whose selectivity varies), and never for a text built from a varying number of
 * parts: each distinct text stays prepared on every connection it ran on.
 */
export const PREPARED = Prisma.raw(PREPARED_MARK);

/** The name a marked statement is prepared under: its text's hash, so two texts never share one. */
export function statementName(query: { sql: string }): string {
  // "" is the protocol's unnamed statement: parsed, planned and dropped with each run.
  if (!query.sql.startsWith(PREPARED_MARK)) return "";
  return `chancery_${createHash("sha1").update(query.sql).digest("hex").slice(0, 24)}`;
}

/** Each client createDb made, and the pool under it (queryRows runs on that pool). */
const poolOfClient = new WeakMap<object, pg.Pool>();

function clientOn(pool: pg.Pool): Db {
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: statementName }) });
  poolOfClient.set(client, pool);
  return client;
}

/** Builds a client for a connection string; callers own it and must $disconnect(). */
export function createDb(connectionString: string, options: Partial<PoolOptions> = {}): Db {
  return clientOn(createPool(connectionString, { ...options, max: options.max ?? 10 }));
}

function getDb(): Db {
  const url = databaseUrl();
  // Rebuilt if DATABASE_URL changes (tests switch databases per worker).
  if (!globalForDb.chanceryDb || globalForDb.chanceryDbUrl !== url) {
    void globalForDb.chanceryDb?.$disconnect();
    globalForDb.chanceryPool = createPool(url, { max: MAIN_POOL_SIZE, keepOpen: MAIN_POOL_SIZE, maxWaiting: MAIN_POOL_QUEUE });
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

/** The pool under the one client. */
function mainPool(): pg.Pool {
  getDb();
  return globalForDb.chanceryPool!;
}

/**
 * What a new database session loads before its first query on the record's tables:
 * their and their indexes' catalog entries (planning this loads them; it reads no row).
 */
const CATALOG_WARM_UP = `SELECT 1 FROM "Event", "Statement", "EventParticipant", "EventCountry", "EventTopic", "StatementCountry", "StatementConcern",
  "Country", "Person", "Organization", "Topic", "Agreement", "Source" WHERE false`;

/**
 * Opens `count` of the pool's connections at once and readies each session's catalog,
 * then returns them to the pool. A page reads several things at once, so the first
 * request after a start opened as many connections, each paying for the connection and
 * its password exchange (30-45 ms on the scale machine) and then for its session's cold
 * catalog (the first query on Event 13-17 ms instead of 4-6): the first render of the
 * home page waited on the database for half a second (a CPU profile: 569 ms idle).
 * The main pool keeps them open (MAIN_POOL_SIZE); other pools close a connection idle
 * for 30 s.
 */
export async function openConnections(count: number, pool: pg.Pool = mainPool(), warmUp?: string): Promise<void> {
  const opened = await Promise.allSettled(Array.from({ length: count }, () => pool.connect()));
  const clients = opened.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  try {
    // A pool's own warm-up (search's) goes in the same round trip.
    await Promise.all(clients.map((client) => client.query(warmUp ? `${CATALOG_WARM_UP}; ${warmUp}` : CATALOG_WARM_UP)));
  } finally {
    for (const client of clients) client.release();
  }
  const failed = opened.find((o) => o.status === "rejected");
  if (failed) throw failed.reason;
}

/** `date`: midnight UTC, as Prisma gives it (pg's own parser gives local midnight). */
function parseDate(text: string): Date | string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00.000Z`) : text;
}

/** `timestamp` (without time zone): read as UTC, as Prisma does (pg's own parser reads local time). */
function parseTimestamp(text: string): Date | string {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text) ? new Date(`${text.replace(" ", "T")}Z`) : text;
}

const parseInt8 = (text: string) => BigInt(text);
const parseNumeric = (text: string) => new Prisma.Decimal(text);

/** Where pg's parsers and Prisma's $queryRaw differ, Prisma's way; query-rows.test.ts holds the two to each other. */
const PRISMA_TYPES = {
  getTypeParser(oid: number, format?: string) {
    switch (oid) {
      case pg.types.builtins.DATE:
        return parseDate;
      case pg.types.builtins.TIMESTAMP:
        return parseTimestamp;
      case pg.types.builtins.INT8:
        return parseInt8;
      case pg.types.builtins.NUMERIC:
        return parseNumeric;
      default:
        return pg.types.getTypeParser(oid, format as "text");
    }
  },
};

/** A Date as Prisma's adapter sends it: UTC, no zone, milliseconds only when there are some. */
function formatDateTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, date.getUTCMilliseconds() ? 23 : 19)}`;
}

/** A parameter as Prisma sends it: a Date in UTC (pg writes one in the process's time zone), numbers as text. */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value === "bigint" || Prisma.Decimal.isDecimal(value)) return String(value);
  if (Array.isArray(value)) return value.map(toParameter);
  return value;
}

/**
 * Runs a raw read with pg on the pool under `client`, and gives what
 * `client.$queryRaw` gives for it (Dates in UTC, int8 as BigInt, numeric as
 * Decimal, json parsed; PREPARED statements prepared under the same names). For the
 * hottest reads: Prisma's raw path cost about 0.6 ms more CPU a statement than pg
 * on the same pool (docs/performance.md, "Rows read with pg"). Inside a
 * transaction (a client that is not one of createDb's, nor `db`) it is `$queryRaw`
 * itself, on the transaction's connection.
 */
export async function queryRows<T>(client: Db | Tx, sql: Prisma.Sql): Promise<T[]> {
  const pool = client === db ? mainPool() : poolOfClient.get(client);
  if (!pool) return client.$queryRaw<T[]>(sql);
  const name = statementName({ sql: sql.text });
  const result = await pool.query({ text: sql.text, values: sql.values.map(toParameter), types: PRISMA_TYPES, ...(name ? { name } : {}) });
  return result.rows as T[];
}

export type { Db };
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
