import pg from "pg";
import { afterAll, inject } from "vitest";
import { TEMPLATE_DB, withDatabase } from "./database-urls";

// Each test file gets its own database, cloned from the migrated template, so
// files run in parallel without seeing each other's rows.
const adminUrl = inject("testAdminUrl");
const name = `chancery_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
await admin.end();

process.env.DATABASE_URL = withDatabase(adminUrl, name);
process.env.TEST_ADMIN_DATABASE_URL = adminUrl;

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await cleanup.end();
});
