import { statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { CREDENTIALS_FILE, embeddedUrl, freePort, readEmbeddedCredentials, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { parseEnv } from "@/lib/env/schema";
import { cleanupsAfterAll, tempDataFolder } from "@/lib/testing/temp-folders";
import { prepareDatabase, type PreparedDatabase } from "./prepare";

const cleanups = cleanupsAfterAll();

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("start-up with the embedded PostgreSQL", () => {
  it("replaces an old install's fixed superuser password, and serves the app as a role that owns nothing", async () => {
    const root = await tempDataFolder("prepare", cleanups);
    const port = await freePort();

    // An install made by an older Chancery: the password fixed in the code, tables owned by the superuser.
    const old = await startEmbeddedPostgres({ dataDir: path.join(root, "postgres"), port, superuserPassword: "chancery-local" });
    await old.createDatabase("chancery");
    await migrate({ connectionString: old.urlFor("chancery") });
    await old.stop();

    const env = parseEnv({ CHANCERY_DATA_DIR: root, EMBEDDED_PG_PORT: String(port), SEED_DEMO: "false", ADMIN_PASSWORD: "a first admin passphrase" });
    const lines: string[] = [];
    const prepared: PreparedDatabase = await prepareDatabase({ env, log: (line) => lines.push(line) });
    cleanups.push(() => prepared.stop());

    const credentials = readEmbeddedCredentials(root)!;
    expect(statSync(path.join(root, CREDENTIALS_FILE)).mode & 0o777).toBe(0o600);
    expect(new Set(Object.values(credentials)).size).toBe(3);
    const legacy = embeddedUrl({ port, user: "postgres", password: "chancery-local", database: "postgres" });
    expect(await query(legacy, "SELECT 1").then(() => "allowed", (e: { code?: string }) => e.code)).toBe("28P01");
    expect(lines.join("\n")).toMatch(/replacing the embedded PostgreSQL's old fixed superuser password/);
    // The start says what PostgreSQL's shared memory is (lib/db/shared-memory.ts).
    expect(lines.some((line) => /^PostgreSQL's shared buffers: \d+[kMG]B(, |$)/.test(line))).toBe(true);

    const role = await query(prepared.url, "SELECT current_user AS r, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS s");
    expect(role.rows[0]).toEqual({ r: "chancery_app", s: false });
    const owners = await query(prepared.url, `SELECT DISTINCT pg_get_userbyid(relowner) AS o FROM pg_class WHERE relnamespace = 'public'::regnamespace`);
    expect(owners.rows).toEqual([{ o: "chancery_owner" }]);
    // The first admin was written by the app role; the audit log took its row.
    expect((await query(prepared.url, `SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'user.create'`)).rows[0].n).toBe(1);
    const attack = await query(prepared.url, `ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`).then(() => "allowed", (e: { code?: string }) => e.code);
    expect(attack).toBe("42501");
  }, 120_000); // two cluster starts and a full migration, on a machine other tests share
});
