import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "@/lib/testing/database-urls";
import { migrate } from "./migrate";
import { ensureRoles, grantAppPrivileges, transferOwnership } from "./roles";

/**
 * The app's own database role, attacked: whatever SQL the app could be tricked into
 * running (or a thief with its password), the audit log stays append-only and the
 * schema stays as the migrations made it.
 */
const suffix = randomBytes(3).toString("hex");
const owner = { name: `test_owner_${suffix}`, password: randomBytes(12).toString("hex") };
const app = { name: `test_app_${suffix}`, password: randomBytes(12).toString("hex") };
const database = `chancery_roles_${suffix}`;
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;

function as(role: { name: string; password: string }): string {
  const url = new URL(withDatabase(adminUrl, database));
  url.username = role.name;
  url.password = role.password;
  return url.toString();
}

async function run(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const refused = (url: string, sql: string) => run(url, sql).then(() => "allowed", (error: { code?: string; message: string }) => error.code ?? error.message);

beforeAll(async () => {
  await ensureRoles(adminUrl, [owner, app]);
  await run(adminUrl, `CREATE DATABASE ${database} OWNER ${owner.name}`);
  // A table the superuser made before the roles existed (as older installs have) moves to the owner.
  await run(withDatabase(adminUrl, database), `CREATE TABLE "Legacy" (id int)`);
  expect(await transferOwnership(withDatabase(adminUrl, database), owner.name)).toBe(1);
  await migrate({ connectionString: as(owner) });
  await grantAppPrivileges(as(owner), app.name);
});

afterAll(async () => {
  await run(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await run(adminUrl, `DROP ROLE IF EXISTS ${app.name}`);
  await run(adminUrl, `DROP ROLE IF EXISTS ${owner.name}`);
});

describe("the app's database role", () => {
  it("reads and writes rows, and appends to the audit log", async () => {
    await run(as(app), `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('roles-test', '1', now())`);
    await run(as(app), `UPDATE "Setting" SET "value" = '2' WHERE "key" = 'roles-test'`);
    await run(as(app), `DELETE FROM "Setting" WHERE "key" = 'roles-test'`);
    await run(as(app), `INSERT INTO "AuditLog" ("action") VALUES ('test.append')`);
    expect((await run(as(app), `SELECT count(*)::int AS n FROM "AuditLog"`)).rows[0].n).toBe(1);
    expect((await run(as(app), `SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows[0].n).toBeGreaterThan(0);
  });

  it("cannot disable the audit log's triggers, change or remove its rows, or drop or alter tables", async () => {
    const attacks = [
      `ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`,
      `ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`,
      `DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`,
      `UPDATE "AuditLog" SET "action" = 'forged'`,
      `DELETE FROM "AuditLog"`,
      `TRUNCATE "AuditLog"`,
      `DROP TABLE "AuditLog"`,
      `DROP TABLE "Event" CASCADE`,
      `ALTER TABLE "User" ADD COLUMN "backdoor" text`,
      `TRUNCATE "Event" CASCADE`,
      `CREATE TABLE "Mine" (id int)`,
      `SET session_replication_role = replica`,
      `DELETE FROM "_prisma_migrations"`,
      `CREATE OR REPLACE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
      `ALTER ROLE ${app.name} SUPERUSER`,
    ];
    for (const sql of attacks) expect(await refused(as(app), sql), sql).toBe("42501");
    expect((await run(as(app), `SELECT count(*)::int AS n FROM "AuditLog" WHERE "action" = 'forged'`)).rows[0].n).toBe(0);
    // The owner is what migrations run as; the audit trigger still holds for it too.
    expect(await refused(as(owner), `UPDATE "AuditLog" SET "action" = 'forged'`)).not.toBe("allowed");
  });

  it("gets its rows on tables that later migrations make", async () => {
    await run(as(owner), `CREATE TABLE "LaterTable" (id serial PRIMARY KEY, note text)`);
    await run(as(app), `INSERT INTO "LaterTable" (note) VALUES ('works at once')`);
    expect(await refused(as(app), `DROP TABLE "LaterTable"`)).toBe("42501");
  });
});
