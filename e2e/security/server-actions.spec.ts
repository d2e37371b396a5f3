import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl, queryAt } from "../support/database";
import { cleanUp, freePort, launch, tempDataDir, waitUntilReady, type Instance } from "../support/launcher";

// Starts its own Chancery, to read what the server logs while it is attacked.
test.describe.configure({ mode: "serial" });

let app: Instance | null = null;
let dataDir = "";
test.afterEach(async () => {
  await cleanUp(app, dataDir);
});

/** A real action id of this build when there is one (the forged post then names an action that exists). */
function realActionId(): string {
  const manifest = ".next/server/server-reference-manifest.json";
  if (existsSync(manifest)) {
    const ids = Object.keys((JSON.parse(readFileSync(manifest, "utf8")) as { node?: object }).node ?? {});
    if (ids[0]) return ids[0];
  }
  return `7f${randomBytes(20).toString("hex")}`;
}

/** Every audit row of this spec's own server (nothing else writes to it). */
async function auditRows(url: string): Promise<number> {
  return (await queryAt<{ n: number }>(url, `SELECT count(*)::int AS n FROM "AuditLog"`))[0]!.n;
}

test("forged-origin and unknown Server Action posts are refused with 403 and 404, change nothing and log no error", async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  const pgPort = await freePort();
  dataDir = tempDataDir();
  app = launch({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), CHANCERY_DATA_DIR: dataDir, DATABASE_URL: "", SEED_DEMO: "false" });
  // A first start (cluster, migrations) on a machine other specs share.
  await waitUntilReady(port, app, 180_000);
  const base = `http://127.0.0.1:${port}`;
  const database = e2eDatabaseUrl({ dataDir, port: pgPort });
  const before = await auditRows(database);
  const logged = app.output().length;

  const post = (path: string, headers: Record<string, string>) =>
    fetch(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...headers },
      body: JSON.stringify([{ userId: "x", role: "ADMIN" }]),
    });
  const real = realActionId();
  const unknown = `7f${randomBytes(20).toString("hex")}`;
  for (const path of ["/", "/admin/users", "/dashboard/people/new", "/events"]) {
    for (const id of [real, unknown]) {
      const forged = await post(path, { "next-action": id, origin: "https://evil.example" });
      expect(forged.status, `forged origin, ${path}`).toBe(403);
      const sneaky = await post(path, { "next-action": id, origin: `http://127.0.0.1:${port}.evil.example` });
      expect(sneaky.status, `look-alike origin, ${path}`).toBe(403);
    }
    const missing = await post(path, { "next-action": unknown, origin: base });
    expect(missing.status, `unknown action, ${path}`).toBe(404);
    const bare = await post(path, { "next-action": unknown });
    expect(bare.status, `unknown action without an origin, ${path}`).toBe(404);
  }

  expect(await auditRows(database)).toBe(before);
  const output = app.output().slice(logged);
  expect(output, "the server's log while attacked").not.toMatch(/Error|⨯|Server Action/);
});
