import path from "node:path";
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
