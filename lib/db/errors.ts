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
