import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
} from "@playwright/test";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded";
import { removeTempFolder } from "../../lib/testing/remove-temp-folder";
import { eventInput } from "../desk/helpers/staff";
import { signIn } from "../support/auth";
import { queryAt } from "../support/database";
import {
  cleanUp,
  freePort,
  isPortOpen,
  launch,
  tempDataDir,
  waitUntilReady,
  type Instance,
} from "../support/launcher";

// Each test starts its own Chancery (and, for the fault, its own PostgreSQL).
test.describe.configure({ mode: "serial" });

const ADMIN = { email: "faults-admin@e2e.chancery.test", password: "faults admin passphrase 1" };
const EVENT = "/events/kazakhstan-to-join-the-abraham-accords";

let app: Instance | null = null;
let dataDir = "";
let database: EmbeddedPostgres | null = null;
let databaseDir = "";
test.afterEach(async () => {
  await cleanUp(app, dataDir);
  await database?.stop().catch(() => {});
  database = null;
  await removeTempFolder(databaseDir);
  databaseDir = "";
});

test("PostgreSQL stopped under load: 503 with Retry-After, cached pages still served, recovery within 10 s without a restart, nothing lost", async () => {
  test.setTimeout(360_000);
  const pgPort = await freePort();
  databaseDir = tempDataDir();
  const pgDir = path.join(databaseDir, "postgres");
  // The same cluster is started again below: it keeps the password it was made with.
  const superuserPassword = randomBytes(18).toString("base64url");
  database = await startEmbeddedPostgres({
    dataDir: pgDir,
    port: pgPort,
    superuserPassword,
    log: () => {},
  });
  await database.createDatabase("chancery");
  const port = await freePort();
  dataDir = tempDataDir();
  app = launch({
    PORT: String(port),
    DATABASE_URL: database.urlFor("chancery"),
    CHANCERY_DATA_DIR: dataDir,
    WEB_CONCURRENCY: "2",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  await waitUntilReady(port, app);
  const base = `http://127.0.0.1:${port}`;
  const admin = await playwrightRequest.newContext({ baseURL: base });
  await signIn(admin, ADMIN.email, ADMIN.password);
  // A connection per request: the cluster hands new connections to the web processes
  // in turn, so the warm-up reaches each of them and so do the reads while it is down.
  const reader = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { Connection: "close" } });
  // Each web process has the event page in its cache.
  for (let i = 0; i < 6; i++) expect((await reader.get(EVENT)).status()).toBe(200);

  // Load: readers of the cached page and of pages that need the database, and a
  // writer saving valid drafts; every status is kept, and so is every answer that
  // never came (a socket cut or reset counts against the server).
  const statuses: number[] = [];
  const refused: string[] = [];
  const unanswered: string[] = [];
  const acknowledged: string[] = [];
  let loading = true;
  let written = 0;
  const loop = async (run: () => Promise<void>) => {
    while (loading) {
      await run().catch((error: unknown) => {
        if (loading) unanswered.push(String(error).split("\n")[0]!);
      });
    }
  };
  /** Answers other than 2xx–4xx and 503, with what was asked. */
  const broken: string[] = [];
  const read = (context: APIRequestContext, url: string) => async () => {
    const status = (await context.get(url)).status();
    statuses.push(status);
    if (status >= 500 && status !== 503) broken.push(`${status} GET ${url}`);
  };
  const write = async () => {
    const response = await admin.post("/api/desk/events", {
      data: { input: eventInput(`Fault check ${port} ${++written}`) },
    });
    statuses.push(response.status());
    if (response.status() >= 500 && response.status() !== 503) broken.push(`${response.status()} POST /api/desk/events: ${await response.text()}`);
    if (response.ok()) acknowledged.push(((await response.json()) as { id: string }).id);
    // A refusal other than the database's absence would mean the writer proves nothing.
    else if (response.status() !== 503)
      refused.push(`${response.status()} ${await response.text()}`);
  };
  const load = Promise.all([
    loop(read(reader, EVENT)),
    loop(read(admin, "/dashboard")),
    loop(read(reader, `/search?q=accords`)),
    loop(write),
  ]);
  try {
    await expect
      .poll(() => acknowledged.length > 2 || refused.length + unanswered.length > 0, {
        timeout: 30_000,
      })
      .toBe(true);
    expect(refused.concat(unanswered)).toEqual([]);

    await database.stop();
    // While it is down: 503 with Retry-After where the database is needed, no stack trace, cached pages as before.
    await expect
      .poll(async () => (await admin.get("/dashboard")).status(), { timeout: 30_000 })
      .toBe(503);
    const down = await admin.get("/dashboard");
    expect(down.headers()["retry-after"]).toBe("5");
    expect(await down.text()).not.toMatch(/\n\s+at |ECONNREFUSED|node_modules|\.ts:\d/);
    const save = await admin.post("/api/desk/events", {
      data: { input: eventInput(`Fault check ${port} while down`) },
    });
    expect(save.status()).toBe(503);
    expect(save.headers()["retry-after"]).toBe("5");
    expect(await save.text()).not.toMatch(/\n\s+at |ECONNREFUSED|node_modules/);
    for (let i = 0; i < 4; i++) expect((await reader.get(EVENT)).status()).toBe(200);
    const acknowledgedBefore = acknowledged.length;

    // Back up: the same processes serve again, within 10 s.
    database = await startEmbeddedPostgres({
      dataDir: pgDir,
      port: pgPort,
      superuserPassword,
      log: () => {},
    });
    await expect
      .poll(async () => (await admin.get("/dashboard")).status(), {
        timeout: 10_000,
        intervals: [250],
      })
      .toBe(200);
    await expect
      .poll(() => acknowledged.length, { timeout: 10_000 })
      .toBeGreaterThan(acknowledgedBefore);
  } finally {
    loading = false;
    await load;
  }

  expect(refused).toEqual([]);
  expect(unanswered).toEqual([]);
  expect(broken, app.output().split("\n").filter((line) => /error|fail/i.test(line)).slice(-15).join("\n")).toEqual([]);
  expect(statuses).toContain(503);
  // Every save that was answered 2xx is in the database.
  const rows = await queryAt<{ id: string }>(database.urlFor("chancery"), `SELECT id FROM "Event" WHERE id = ANY($1)`, [acknowledged]);
  expect(rows.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
  expect(app.output()).not.toContain("a web process exited");
  await admin.dispose();
  await reader.dispose();
});

test("SIGTERM to `npm start` lets an in-flight request finish, then stops the web processes and the database", async () => {
  test.setTimeout(300_000);
  const port = await freePort();
  const pgPort = await freePort();
  dataDir = tempDataDir();
  app = launch(
    {
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      CHANCERY_DATA_DIR: dataDir,
      DATABASE_URL: "",
      WEB_CONCURRENCY: "2",
    },
    { viaNpm: true },
  );
  await waitUntilReady(port, app);

  // A request in the server's hands (it answered 100 Continue) whose body is not all there yet.
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (d: Buffer) => (received += d.toString()));
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  const body = JSON.stringify({ token: "no-such-invitation", name: "x", password: "y" });
  socket.write(
    `POST /api/invitations/accept HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
  );
  await expect.poll(() => received, { timeout: 30_000 }).toContain("100 Continue");

  app.process.kill("SIGTERM");
  // The web processes stop taking connections...
  await expect.poll(() => isPortOpen(port), { timeout: 30_000 }).toBe(false);
  // ...but the request they hold is answered in full.
  socket.write(body);
  await closed;
  expect(received).toMatch(/HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 [2-4]\d\d /);
  // The whole JSON body, whether sent with a length or chunked (ending with the last chunk).
  expect(received).toMatch(/\r\n\r\n(?:[0-9a-f]+\r\n)?\{.*\}(?:\r\n0\r\n\r\n)?$/s);
  expect(await app.exited).toBe(0);
  expect(await isPortOpen(pgPort)).toBe(false);
  expect(app.output()).toMatch(
    /stopping: the web processes finish their requests, then the database stops[\s\S]*"stopped"/,
  );
});
