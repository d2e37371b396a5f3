import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "@/lib/testing/database-urls";
import { removeTempFolder } from "@/lib/testing/remove-temp-folder";
import { getMigrationStatus, migrate, MIGRATIONS_DIR, MigrationError, readLocalMigrations } from "./migrate";

const drops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (drops.length) await drops.pop()!();
});

async function emptyDb() {
  const db = await createEmptyDatabase("migrate");
  drops.push(db.drop);
  return db.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrate", () => {
  it("applies every migration once and records Prisma's checksum", async () => {
    const url = await emptyDb();
    const local = await readLocalMigrations();
    expect(local.length).toBeGreaterThan(0);

    const first = await migrate({ connectionString: url });
    expect(first.applied).toEqual(local.map((m) => m.name));
    const second = await migrate({ connectionString: url });
    expect(second.applied).toEqual([]);

    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    for (const [i, m] of local.entries()) {
      const bytes = await readFile(path.join(MIGRATIONS_DIR, m.name, "migration.sql"));
      expect(rows[i]).toEqual({
        migration_name: m.name,
        checksum: createHash("sha256").update(bytes).digest("hex"),
        applied_steps_count: 1,
      });
    }
  });

  it("applies once when two instances start at the same moment", async () => {
    const url = await emptyDb();
    const results = await Promise.all([migrate({ connectionString: url }), migrate({ connectionString: url })]);
    const total = results.reduce((n, r) => n + r.applied.length, 0);
    expect(total).toBe((await readLocalMigrations()).length);
    const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.n)).toBe(total);
  });

  it("rolls a failing migration back whole and names it", async () => {
    const url = await emptyDb();
    const dir = await mkdtemp(path.join(os.tmpdir(), "chancery-migrations-"));
    drops.push(() => removeTempFolder(dir));
    await mkdir(path.join(dir, "20260101000000_good"));
    await writeFile(path.join(dir, "20260101000000_good", "migration.sql"), `CREATE TABLE "Good" (id int);`);
    await mkdir(path.join(dir, "20260102000000_bad"));
    await writeFile(
      path.join(dir, "20260102000000_bad", "migration.sql"),
      `CREATE TABLE "HalfDone" (id int);\nINSERT INTO "NoSuchTable" VALUES (1);`,
    );

    const error = await migrate({ connectionString: url, dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe("20260102000000_bad");
    expect((error as Error).message).toMatch(/^Migration 20260102000000_bad failed and was rolled back: relation "NoSuchTable" does not exist/);

    const tables = await query<{ t: string | null }>(url, `SELECT to_regclass('"HalfDone"')::text AS t`);
    expect(tables[0]!.t).toBeNull();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const status = await getMigrationStatus(client, await readLocalMigrations(dir));
    await client.end();
    expect(status).toEqual({ applied: ["20260101000000_good"], pending: ["20260102000000_bad"], unknown: [], failed: [] });
  });
});
