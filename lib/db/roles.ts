import pg from "pg";

/**
 * Two database roles instead of one superuser:
 *
 * - the **owner** owns the schema and every table; migrations run as it;
 * - the **app** role, which the web server uses, may read and write rows and
 *   nothing else: it owns nothing, so it cannot drop or alter a table or disable
 *   a trigger, and on the audit log it may only add and read rows.
 *
 * With the embedded PostgreSQL, start-up makes both roles (as the superuser, whose
 * password is generated into the data folder). With your own server you make them
 * (docs/security.md) and give DATABASE_OWNER_URL for migrations.
 */
export const OWNER_ROLE = "chancery_owner";
export const APP_ROLE = "chancery_app";

/** Tables on which the app role gets less than read-and-write. */
const RESTRICTED: Record<string, string> = {
  // Append-only: the trigger refuses UPDATE/DELETE/TRUNCATE for everyone; the grants
  // make sure the app role could not get round it by altering the table either.
  AuditLog: "SELECT, INSERT",
  // Read by the readiness probe; written only by migrations.
  _prisma_migrations: "SELECT",
  // Old audit rows, moved there by `npm run audit:archive` (as the owner): the app only reads them (the admin's export).
  AuditLogArchive: "SELECT",
};

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Creates the owner and app roles, or resets their passwords to the given ones.
 * Neither may log in as superuser, create databases or roles, or bypass row rules.
 * Run as a superuser (or a role with CREATEROLE).
 */
export async function ensureRoles(superuserUrl: string, roles: { name: string; password: string }[]): Promise<void> {
  await withClient(superuserUrl, async (client) => {
    for (const role of roles) {
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name]);
      const verb = exists.rowCount ? "ALTER" : "CREATE";
      await client.query(
        `${verb} ROLE ${ident(role.name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(role.password)}`,
      );
    }
  });
}

/**
 * Hands every object in the public schema that another role owns to the owner role.
 * Databases made before the two roles existed have the superuser's tables; after this
 * the owner can migrate them and grant the app role its rows. Run as a superuser.
 */
export async function transferOwnership(superuserDatabaseUrl: string, owner: string): Promise<number> {
  return withClient(superuserDatabaseUrl, async (client) => {
    const { rows } = await client.query<{ kind: string; name: string }>(
      `SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind,
              format('%I', c.relname) AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
          -- Sequences owned by a column follow their table.
          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
          AND pg_get_userbyid(c.relowner) <> $1
       UNION ALL
       SELECT 'TYPE', format('%I', t.typname)
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND pg_get_userbyid(t.typowner) <> $1
          AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)
       UNION ALL
       SELECT 'FUNCTION', format('%I(%s)', p.proname, pg_get_function_identity_arguments(p.oid))
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
      [owner],
    );
    for (const row of rows) await client.query(`ALTER ${row.kind} public.${row.name} OWNER TO ${ident(owner)}`);
    return rows.length;
  });
}

/**
 * Gives the app role what it needs and no more, now and for tables made later.
 * Idempotent; run as the owner after every migration.
 */
export async function grantAppPrivileges(ownerUrl: string, app: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const database = (await client.query<{ d: string }>("SELECT current_database() AS d")).rows[0]!.d;
    await client.query("BEGIN");
    try {
      await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${ident(app)}`);
      await client.query(`GRANT USAGE ON SCHEMA public TO ${ident(app)}`);
      await client.query(`REVOKE CREATE ON SCHEMA public FROM ${ident(app)}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident(app)}`);
      await client.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${ident(app)}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ident(app)}`);
      for (const [table, privileges] of Object.entries(RESTRICTED)) {
        const exists = await client.query("SELECT to_regclass($1) IS NOT NULL AS e", [`public.${ident(table)}`]);
        if (!exists.rows[0]?.e) continue;
        await client.query(`REVOKE ALL ON public.${ident(table)} FROM ${ident(app)}`);
        if (privileges) await client.query(`GRANT ${privileges} ON public.${ident(table)} TO ${ident(app)}`);
      }
      // Tables and sequences the owner makes later (new migrations) work for the app at once.
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${ident(app)}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${ident(app)}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
}

/** The role a connection string logs in as. */
export async function currentRole(url: string): Promise<string> {
  return withClient(url, async (client) => (await client.query<{ r: string }>("SELECT current_user AS r")).rows[0]!.r);
}
