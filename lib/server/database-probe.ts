import pg from "pg";

/**
 * Answers "does PostgreSQL answer right now?" for the 503 decision. One connection
 * at most, an answer reused for a second, concurrent askers share one query: with
 * the database gone and a thousand failing requests, it still tries once a second.
 */
export function createDatabaseProbe(connectionString: string, options: { reuseMs?: number; timeoutMs?: number } = {}) {
  const reuseMs = options.reuseMs ?? 1_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, idleTimeoutMillis: 10_000 });
  // An idle connection dies with the database; the next probe opens a new one.
  pool.on("error", () => {});
  let last: { at: number; ok: boolean } | null = null;
  let pending: Promise<boolean> | null = null;

  async function isAvailable(): Promise<boolean> {
    if (last && Date.now() - last.at < reuseMs) return last.ok;
    pending ??= pool
      .query("SELECT 1")
      .then(
        () => true,
        () => false,
      )
      .then((ok) => {
        last = { at: Date.now(), ok };
        pending = null;
        return ok;
      });
    return pending;
  }

  return { isAvailable, close: () => pool.end().catch(() => {}) };
}
