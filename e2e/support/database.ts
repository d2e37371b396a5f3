import path from "node:path";
import pg from "pg";
import { embeddedUrl, readEmbeddedCredentials } from "../../lib/db/embedded";

/**
 * The e2e server's own database, for fixtures written straight into it: E2E_DATABASE_URL,
 * or the embedded PostgreSQL under the data folder playwright.config.ts chose, as its
 * superuser (the password is generated there on first start).
 */
export function e2eDatabaseUrl(options: { dataDir?: string; port?: string | number } = {}): string {
  if (process.env.E2E_DATABASE_URL && !options.dataDir) return process.env.E2E_DATABASE_URL;
  const dataDir = options.dataDir ?? process.env.E2E_DATA_DIR!;
  const credentials = readEmbeddedCredentials(path.resolve(dataDir));
  if (!credentials) throw new Error(`No embedded database credentials in ${dataDir} (has the server started?)`);
  return embeddedUrl({ port: Number(options.port ?? process.env.E2E_PG_PORT), user: "postgres", password: credentials.superuser, database: "chancery" });
}

/** Runs `fn` with a connection of its own to the database at `url`, closed afterwards whatever happens. */
export async function withDatabase<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One query against the database at `url`: its rows. */
export async function queryAt<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withDatabase(url, async (client) => (await client.query<T>(sql, params)).rows);
}
