/**
 * Turns a failure to reach PostgreSQL into one line a person can act on.
 * Never echoes the connection string (it may hold a password).
 */
export function describeDatabaseError(error: unknown, url?: string): string {
  const e = error as { code?: string; message?: string; errors?: unknown[] } | undefined;
  let where = "the database";
  if (url) {
    try {
      const parsed = new URL(url);
      where = `PostgreSQL at ${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
    } catch {
      return "DATABASE_URL is not a valid URL (expected postgresql://user:password@host:5432/database).";
    }
  }
  // pg reports an AggregateError when every address of a host refused.
  const inner = (Array.isArray(e?.errors) ? e.errors[0] : e) as { code?: string; message?: string } | undefined;
  switch (inner?.code ?? e?.code) {
    case "ECONNREFUSED":
      return `Cannot reach ${where}: connection refused (is the server running?).`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach ${where}: unknown host.`;
    case "ETIMEDOUT":
      return `Cannot reach ${where}: timed out.`;
    case "28P01":
    case "28000":
      return `${where} refused the user name or password in DATABASE_URL.`;
    case "3D000":
      return `${where} has no such database; create it first.`;
    default: {
      const message = (inner?.message ?? e?.message ?? String(error)).split("\n")[0];
      if (/timeout/i.test(message ?? "")) return `Cannot reach ${where}: timed out.`;
      return `Cannot use ${where}: ${message}`;
    }
  }
}

/** Checks that the server answers and is PostgreSQL 14 or newer. */
export async function checkServerVersion(client: { query: (sql: string) => Promise<{ rows: Array<{ server_version_num: string }> }> }): Promise<number> {
  const { rows } = await client.query("SHOW server_version_num");
  const version = Number(rows[0]?.server_version_num ?? 0);
  if (version < 140000) {
    throw new Error(`PostgreSQL 14 or newer is required (this server is ${Math.floor(version / 10000)}).`);
  }
  return version;
}

/** SQLSTATEs that mean the server went away or will not take the session now, not that the query was wrong. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** Prisma's codes for a server it cannot reach, that closed the connection, or a pool with no free connection in time. */
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** What the pg driver adapter calls the same. */
const UNAVAILABLE_ADAPTER = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);
/** The code of our pool's refusal when too many queries already wait for a connection (PoolBusyError, lib/db/client.ts). */
export const POOL_BUSY = "CHANCERY_POOL_BUSY";
/** What pg says of a connection cut, or of a pool with no free connection within its wait. */
const UNAVAILABLE_MESSAGE = /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect)$/;
/** Prisma's P2028 when a transaction found no connection in time (other P2028s are faults of the code). */
const TRANSACTION_NOT_STARTED = /Unable to start a transaction in the given time/;

/**
 * Whether a failure is PostgreSQL being away (stopped, restarting, refusing
 * connections, a connection cut mid-query) rather than a fault of the request or
 * of our code: such a request is answered 503 with Retry-After, never 500. Looks
 * through Prisma's error, its driver adapter's error and their causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const o = e as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; errors?: unknown };
    for (const code of [o.code, o.originalCode]) {
      if (typeof code !== "string") continue;
      if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_PRISMA.has(code) || UNAVAILABLE_SOCKET.has(code) || code === POOL_BUSY) return true;
    }
    if (typeof o.kind === "string" && UNAVAILABLE_ADAPTER.has(o.kind)) return true;
    if (typeof o.message === "string" && UNAVAILABLE_MESSAGE.test(o.message)) return true;
    if (o.code === "P2028" && typeof o.message === "string" && TRANSACTION_NOT_STARTED.test(o.message)) return true;
    queue.push(o.cause, o.meta?.driverAdapterError, ...(Array.isArray(o.errors) ? o.errors : []));
  }
  return false;
}
