export const TEMPLATE_DB = "chancery_test_template";

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A new empty database on the test server, for tests that need to start from nothing. */
export async function createEmptyDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  return createDatabase(label, "");
}

/** A new database as every test file starts with: migrated, countries loaded. */
export async function createMigratedDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  return createDatabase(label, ` TEMPLATE ${TEMPLATE_DB}`);
}

async function createDatabase(label: string, template: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import("pg");
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
  const name = `chancery_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
