import pg from "pg";
import { describeDatabaseError } from "@/lib/db/errors";

// Errors that go away when the server comes (back) up. Wrong credentials or a missing
// database do not: those stop start-up with their own message.
const TRANSIENT = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND", "57P01", "57P02", "57P03"]);

export function isTransientDatabaseError(error: unknown): boolean {
  const e = error as { code?: string; message?: string; errors?: Array<{ code?: string }> } | undefined;
  const code = (Array.isArray(e?.errors) ? e.errors[0]?.code : undefined) ?? e?.code;
  if (code && TRANSIENT.has(code)) return true;
  return /timeout|terminated|Connection terminated/i.test(e?.message ?? "");
}

/**
 * Waits until PostgreSQL accepts a connection, saying so once per attempt, instead of
 * giving up: a service manager may start Chancery before its database. Resolves at
 * once on an error that waiting cannot fix (the caller then reports it), or when
 * `isCancelled` turns true (a stop was asked for).
 */
export async function waitForDatabase(options: {
  url: string;
  log: (line: string) => void;
  isCancelled: () => boolean;
  maxDelayMs?: number;
}): Promise<void> {
  let delay = 1_000;
  for (;;) {
    const client = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (!isTransientDatabaseError(error) || options.isCancelled()) return;
      options.log(`waiting for the database: ${describeDatabaseError(error, options.url)} Retrying in ${delay / 1000} s.`);
    } finally {
      await client.end().catch(() => {});
    }
    const until = Date.now() + delay;
    while (Date.now() < until && !options.isCancelled()) await new Promise((r) => setTimeout(r, 100));
    if (options.isCancelled()) return;
    delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
  }
}
