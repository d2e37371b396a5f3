import pg from "pg";

/**
 * Answers "does PostgreSQL answer right now?" for the 503 decision. Each probe opens
 * a connection of its own and closes it: a kept connection could still answer for a
 * moment while PostgreSQL is shutting down (a fast shutdown ends its sessions one
 * by one), when new connections are already refused and the request that failed
 * met exactly that. An answer is reused for a second and concurrent askers share
 * one probe: with the database gone and a thousand failing requests, it still
 * tries once a second.
 */
export function createDatabaseProbe(connectionString: string, options: { reuseMs?: number; timeoutMs?: number } = {}) {
  const reuseMs = options.reuseMs ?? 1_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  let last: { at: number; ok: boolean } | null = null;
  let pending: Promise<boolean> | null = null;

  async function probe(): Promise<boolean> {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, application_name: "chancery-probe" });
    // A connection that dies after its answer must not take the process with it.
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      void client.end().catch(() => {});
    }
  }

  async function isAvailable(): Promise<boolean> {
    if (last && Date.now() - last.at < reuseMs) return last.ok;
    pending ??= probe().then((ok) => {
      last = { at: Date.now(), ok };
      pending = null;
      return ok;
    });
    return pending;
  }

  return { isAvailable, close: async () => {} };
}
