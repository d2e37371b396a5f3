import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { parseRelationPair } from "../../lib/countries/relation-path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded";
import { chooseWarmUpPages } from "../../lib/server/warm-up-pages";
import { removeTempFolder } from "../../lib/testing/remove-temp-folder";
import { queryAt } from "../support/database";
import { cleanUp, freePort, launch, tempDataDir, waitUntilReady, type Instance } from "../support/launcher";

/**
 * Two Chancery servers on ONE PostgreSQL, as behind a load balancer. With every
 * public surface read first on both (caches warm), an editor publishes, corrects,
 * unpublishes and retracts an event through the desk on server A; every surface of
 * both servers must show each change, and no response begun more than a second
 * after the desk answered may still show the previous state. Sessions, sign-in
 * throttling and scheduled publishing hold across both.
 */
test.describe.configure({ mode: "serial" });

const ADMIN = { email: "admin@two-servers.chancery.test", password: "two-servers-admin-password-1" };
const SECRET = randomBytes(32).toString("base64url");
/** The promise: what one server writes, every server shows within a second. */
const WITHIN_MS = 1_000;

let postgres: EmbeddedPostgres | null = null;
let pgDir = "";
let databaseUrl = "";
const servers: Array<{ name: string; url: string; instance: Instance | null; dataDir: string }> = [];

const sql = <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => queryAt<T>(databaseUrl, text, params);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  pgDir = tempDataDir();
  postgres = await startEmbeddedPostgres({ dataDir: path.join(pgDir, "postgres"), port: await freePort(), ephemeral: true });
  await postgres.createDatabase("chancery");
  databaseUrl = postgres.urlFor("chancery");
  // One after the other: both migrate and seed the same database (the second finds it done).
  for (const name of ["A", "B"]) {
    const port = await freePort();
    const dataDir = tempDataDir();
    const url = `http://127.0.0.1:${port}`;
    const instance = launch({
      PORT: String(port),
      CHANCERY_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    servers.push({ name, url, instance, dataDir });
    await waitUntilReady(port, instance, 240_000);
  }
});

test.afterAll(async () => {
  for (const server of servers) await cleanUp(server.instance, server.dataDir);
  await postgres?.stop();
  await removeTempFolder(pgDir);
});

async function signedIn(base: string, email: string, password: string): Promise<APIRequestContext> {
  // One connection per request: this spec is about what two servers show, and a kept-alive
  // socket that sits idle while the surfaces are polled can meet the server's idle close
  // (5 s) just as the next POST goes out — a client-side race Playwright does not retry.
  const context = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { Connection: "close" } });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: "/dashboard", json: "true" }, maxRedirects: 0 });
  return context;
}

/** Whether the context's session opens the desk on that server (the server checks the session in the database). */
async function opensDesk(context: APIRequestContext, base: string): Promise<boolean> {
  return (await context.get(`${base}/dashboard`, { maxRedirects: 0 })).status() === 200;
}

/** An editor invited by the admin on server A, the way staff join. */
async function createEditor(): Promise<{ email: string; password: string }> {
  const suffix = randomBytes(4).toString("hex");
  const email = `editor-${suffix}@two-servers.chancery.test`;
  const password = `two servers editor ${suffix}`;
  const admin = await signedIn(servers[0]!.url, ADMIN.email, ADMIN.password);
  const invited = await admin.post("/api/admin/users", { data: { email, role: "EDITOR" } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { link } = (await invited.json()) as { link: string };
  const accepted = await admin.post("/api/invitations/accept", { data: { token: link.split("/").pop(), name: `Editor ${suffix}`, password } });
  expect(accepted.status(), await accepted.text()).toBe(201);
  await admin.dispose();
  return { email, password };
}

interface Surface {
  path: string;
  /** Whether the response shows the state being waited for. */
  shows: (body: string, status: number) => boolean;
}

/**
 * Polls every surface on every server at once until each shows the expected state.
 * Fails if a response to a request begun more than WITHIN_MS after `since` still
 * shows the old state, or if a surface never gets there.
 */
async function expectEverywhere(what: string, since: number, surfaces: Surface[]) {
  const late: string[] = [];
  const never: string[] = [];
  await Promise.all(
    servers.flatMap((server) =>
      surfaces.map(async (surface) => {
        const giveUp = since + 60_000;
        for (;;) {
          const began = Date.now();
          const response = await fetch(server.url + surface.path, { redirect: "manual" });
          const body = await response.text();
          if (surface.shows(body, response.status)) return;
          if (began - since > WITHIN_MS) late.push(`${server.name} ${surface.path} (request begun ${began - since} ms after the write)`);
          if (Date.now() > giveUp) return void never.push(`${server.name} ${surface.path}: ${response.status} ${body.slice(0, 200)}`);
          if (late.length > 0) return;
          await new Promise((r) => setTimeout(r, 25));
        }
      }),
    ),
  );
  expect(never, `${what}: surfaces that never showed it`).toEqual([]);
  expect(late, `${what}: surfaces still stale more than ${WITHIN_MS} ms after the write`).toEqual([]);
}

test("a not-found page names no other reader's address (the first 404s of fresh servers)", async () => {
  // Next answers unknown addresses, and notFound() in a route handler (the event's
  // card image), under one cache key. Served from a render made for the first such
  // address, every later 404 repeated that address and its query: a draft's slug, a
  // token. These servers are fresh, so their first 404s are the ones made here.
  for (const server of servers) {
    const [a, b, c, d] = Array.from({ length: 4 }, () => `x${randomBytes(5).toString("hex")}`);
    const addresses = [
      { address: `/events/draft-${a}/opengraph-image`, names: [a!] },
      { address: `/no-such-page-${b}?token=${c}`, names: [b!, c!] },
      { address: `/events/draft-${d}/opengraph-image`, names: [d!] },
    ];
    for (const { address } of addresses) {
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const response = await fetch(server.url + address, { headers });
        expect(response.status, `${server.name} ${address}`).toBe(404);
        const body = await response.text();
        for (const other of addresses.filter((o) => o.address !== address)) {
          for (const name of other.names) expect(body.includes(name), `${server.name}: the 404 for ${address} names ${other.address}`).toBe(false);
        }
      }
    }
  }
});

// Before any write: a write to the record expires every country and relation page.
test("the pages each server rendered to itself at start are served from its cache, and a write on one server expires them on both", async () => {
  test.setTimeout(120_000);
  // What every web process rendered before it listened (lib/server/warm-up-pages.ts); no reader has asked for them yet.
  const warmed = await chooseWarmUpPages(databaseUrl, { timeoutMs: 10_000 });
  const pair = parseRelationPair(warmed[1]?.split("/").pop() ?? "");
  expect(pair, warmed.join(", ")).not.toBeNull();
  for (const server of servers) {
    for (const path of warmed) {
      const response = await fetch(server.url + path);
      expect(response.status, `${server.name} ${path}`).toBe(200);
      // On a miss, what the server logged of this page, its warm-up, its cache listener and any warning.
      const log = () =>
        (server.instance?.output() ?? "")
          .split("\n")
          .filter((line) => line.includes(`"${path}"`) || /warm|\[cache\]|"level":[456]0/.test(line))
          .slice(-30)
          .join("\n");
      const cache = response.headers.get("x-nextjs-cache");
      expect(cache, cache === "HIT" ? "" : `${server.name} ${path}; its log:\n${log()}`).toBe("HIT");
    }
  }

  const editor = await createEditor();
  const desk = await signedIn(servers[0]!.url, editor.email, editor.password);
  const title = `Warm-up expiry check ${randomBytes(4).toString("hex")}`;
  const created = await desk.post("/api/desk/events", {
    data: {
      input: {
        title,
        summary: "An event between the two countries of the pages rendered at start.",
        type: "MEETING",
        date: "2031-03-15",
        datePrecision: "DAY",
        occurrence: "SCHEDULED",
        countryId: pair!.a,
        participants: [
          { role: "HOST", countryId: pair!.a },
          { role: "VISITOR", countryId: pair!.b },
        ],
        sources: [{ url: "https://example.org/two-servers-warm-up", title: "Two servers", publisher: "Example" }],
      },
    },
  });
  const draft = (await created.json()) as { ok: boolean; id: string; version: number };
  expect(draft.ok, JSON.stringify(draft)).toBe(true);
  const published = await desk.post(`/api/desk/events/${draft.id}/workflow`, { data: { action: "publish", baseVersion: draft.version } });
  const result = (await published.json()) as { ok: boolean; warning?: string };
  expect(result.ok, JSON.stringify(result)).toBe(true);
  expect(result.warning, "the public caches were told").toBeUndefined();
  await expectEverywhere("published beside the pages rendered at start", Date.now(), warmed.map((path) => ({ path, shows: (body: string) => body.includes(title) })));
  await desk.dispose();
});

test("publish, correct, unpublish and retract on one server show on every surface of both", async () => {
  test.setTimeout(300_000);
  const [a] = servers;
  const editor = await createEditor();
  const desk = await signedIn(a!.url, editor.email, editor.password);

  // A demo person, topic and agreement the event will name, so their pages show it.
  const [person] = await sql<{ id: string; slug: string }>(`SELECT id, slug FROM "Person" ORDER BY slug LIMIT 1`);
  const [topic] = await sql<{ id: string; slug: string }>(`SELECT id, slug FROM "Topic" ORDER BY slug LIMIT 1`);
  const [agreement] = await sql<{ id: string; slug: string }>(`SELECT id, slug FROM "Agreement" ORDER BY slug LIMIT 1`);
  const word = `quorvex${randomBytes(3).toString("hex")}`;
  // This database is the spec's own, so these phrases name the event; the search
  // page marks the searched word up, so it stands apart at the end of each title.
  const title = "Two servers first title";
  const changedTitle = "Two servers corrected title";
  const stagedTitle = "Two servers staged only";
  const input = (t: string) => eventInput(`${t} ${word}`);
  const correction = `Corrected the title (${word}).`;
  const reason = `Retracted for the two-server test (${word}).`;
  const eventInput = (t: string) => ({
    title: t,
    summary: `An event that two servers must agree on (${word}).`,
    body: "Shown by both servers.",
    type: "SUMMIT",
    date: "2031-03-14",
    datePrecision: "DAY",
    occurrence: "SCHEDULED",
    countryId: "KZ",
    agreementId: agreement!.id,
    participants: [
      { role: "HOST", countryId: "KZ" },
      { role: "VISITOR", countryId: "IL" },
      { role: "PARTICIPANT", personId: person!.id },
    ],
    topicIds: [topic!.id],
    sources: [{ url: "https://example.org/two-servers", title: "Two servers", publisher: "Example" }],
  });

  const created = await desk.post("/api/desk/events", { data: { input: input(title) } });
  const draft = (await created.json()) as { ok: boolean; id: string; slug: string; version: number };
  expect(draft.ok, JSON.stringify(draft)).toBe(true);
  const slug = draft.slug;
  let version = draft.version;

  const lists = ["/", "/events", "/feed.xml", "/atom.xml", "/feed.json", "/calendar.ics", "/api/v1/events", "/api/v1/events.csv", `/search?q=${word}`, `/api/v1/search?q=${word}`];
  const pages = ["/countries/kz", "/relations/il-kz", `/people/${person!.slug}`, `/topics/${topic!.slug}`, `/agreements/${agreement!.slug}`];
  const has = (text: string) => (body: string) => body.includes(text);
  const lacks = (text: string) => (body: string) => !body.includes(text);
  const showing = (text: string): Surface[] => [
    ...[...lists, ...pages].map((p) => ({ path: p, shows: has(text) })),
    // The sitemap is an index; the demo record's events all fit its first events file.
    { path: "/sitemaps/events-1.xml", shows: has(`/events/${slug}<`) },
    { path: `/events/${slug}`, shows: (body, status) => status === 200 && body.includes(text) },
    { path: `/api/v1/events/${slug}`, shows: (body, status) => status === 200 && body.includes(text) },
  ];
  const hidden: Surface[] = [
    // By its address: the search page repeats the words searched for.
    ...[...lists, ...pages].map((p) => ({ path: p, shows: lacks(`/events/${slug}`) })),
    { path: "/sitemaps/events-1.xml", shows: lacks(`/events/${slug}<`) },
    { path: `/events/${slug}`, shows: (_body, status) => status === 404 },
    { path: `/api/v1/events/${slug}`, shows: (_body, status) => status === 404 },
  ];
  const workflow = async (body: Record<string, unknown>) => {
    const response = await desk.post(`/api/desk/events/${draft.id}/workflow`, { data: { ...body, baseVersion: version } });
    const result = (await response.json()) as { ok: boolean; version: number; warning?: string };
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.warning, "the public caches were told").toBeUndefined();
    version = result.version;
    return Date.now();
  };

  // Every surface read first on both servers, the draft on none (and the 404s now cached too).
  await expectEverywhere("a draft is on no public surface", Date.now(), hidden);

  await test.step("publish", async () => {
    const at = await workflow({ action: "publish" });
    await expectEverywhere("published", at, showing(title));
  });

  await test.step("a staged edit stays off every surface", async () => {
    const response = await desk.put(`/api/desk/events/${draft.id}`, { data: { baseVersion: version, input: input(stagedTitle) } });
    const saved = (await response.json()) as { ok: boolean; version: number };
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    version = saved.version;
    await expectEverywhere("published, staged edit hidden", Date.now(), showing(title).map((s) => ({ ...s, shows: (b, st) => s.shows(b, st) && !b.includes(stagedTitle) })));
  });

  await test.step("correct: publish the change with a correction note", async () => {
    const response = await desk.put(`/api/desk/events/${draft.id}`, { data: { baseVersion: version, input: input(changedTitle) } });
    version = ((await response.json()) as { version: number }).version;
    const at = await workflow({ action: "publishChanges", isMaterial: true, correctionNote: correction });
    await expectEverywhere("corrected", at, [
      ...showing(changedTitle).map((s) => ({ ...s, shows: (b: string, st: number) => s.shows(b, st) && !b.includes(title) })),
      { path: "/corrections", shows: has(correction) },
      { path: `/events/${slug}`, shows: has(correction) },
    ]);
  });

  await test.step("unpublish", async () => {
    const at = await workflow({ action: "unpublish" });
    await expectEverywhere("unpublished", at, hidden);
  });

  await test.step("publish again, then retract", async () => {
    const published = await workflow({ action: "publish" });
    await expectEverywhere("published again", published, showing(changedTitle));
    const at = await workflow({ action: "retract", reason });
    await expectEverywhere("retracted", at, [
      ...hidden.filter((s) => !s.path.startsWith("/events/") && !s.path.startsWith("/api/v1/events/")),
      { path: `/events/${slug}`, shows: (body) => body.includes(reason) && body.includes("Retracted") },
      { path: `/api/v1/events/${slug}`, shows: (body, status) => status === 410 && body.includes(reason) },
    ]);
  });
  await desk.dispose();
});

test("a session made on one server holds on the other, and ends on both", async () => {
  const [a, b] = servers;
  const editor = await createEditor();
  // Cookies belong to the host, not the port: one browser, two servers, as behind a balancer.
  const context = await signedIn(a!.url, editor.email, editor.password);
  expect(await opensDesk(context, a!.url)).toBe(true);
  expect(await opensDesk(context, b!.url)).toBe(true);
  // Signing out on B ends the session that A issued: its token no longer opens A.
  const issued = await context.storageState();
  const { csrfToken } = (await (await context.get(`${b!.url}/api/auth/csrf`)).json()) as { csrfToken: string };
  await context.post(`${b!.url}/api/auth/signout`, { form: { csrfToken, json: "true" }, maxRedirects: 0 });
  const anonymous = await playwrightRequest.newContext({ storageState: issued });
  expect(await opensDesk(anonymous, a!.url)).toBe(false);
  expect(await opensDesk(anonymous, b!.url)).toBe(false);
  await anonymous.dispose();
  await context.dispose();
});

test("failed sign-ins on both servers count against one limit, and an unlock on one lifts the lock-out on both", async () => {
  test.setTimeout(120_000);
  const [a, b] = servers;
  const editor = await createEditor();
  const attempt = async (base: string, password: string) => {
    const context = await signedIn(base, editor.email, password);
    const opened = await opensDesk(context, base);
    await context.dispose();
    return opened;
  };
  expect(await attempt(b!.url, editor.password), "the right password works before").toBe(true);
  // 30 wrong passwords, alternating servers, six at a time: the account locks for both.
  for (let batch = 0; batch < 5; batch++) {
    const results = await Promise.all(Array.from({ length: 6 }, (_, j) => attempt((batch * 6 + j) % 2 ? b!.url : a!.url, `wrong guess ${batch}-${j}`)));
    expect(results.every((ok) => !ok)).toBe(true);
  }
  expect(await attempt(a!.url, editor.password), "locked on A").toBe(false);
  expect(await attempt(b!.url, editor.password), "locked on B").toBe(false);
  // One counter for the account, whichever server answered: each failure on either
  // server counted (15 per server would not have locked it; the answers slow down by
  // this same count), and the refused right passwords after the lock count too.
  const [counter] = await sql<{ failures: number; locked: boolean }>(
    `SELECT failures, "lockedUntil" > now() AS locked FROM "SignInThrottle" WHERE key = $1`,
    [`account:${editor.email}`],
  );
  expect(counter).toEqual({ failures: 32, locked: true });
  // The admin lifts the lock-out on B; the editor signs in again on A (and on B).
  const [user] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [editor.email]);
  const admin = await signedIn(b!.url, ADMIN.email, ADMIN.password);
  const unlocked = await admin.post(`/api/admin/users/${user!.id}/unlock`);
  expect(unlocked.status(), await unlocked.text()).toBe(200);
  await admin.dispose();
  expect(await attempt(a!.url, editor.password), "unlocked on A").toBe(true);
  expect(await attempt(b!.url, editor.password), "unlocked on B").toBe(true);
});

test("items scheduled for the same moment are each published once, whichever server's scheduler gets there", async () => {
  test.setTimeout(180_000);
  const editor = await createEditor();
  const desk = await signedIn(servers[0]!.url, editor.email, editor.password);
  const schedule = async (label: string, inMs: number) => {
    const created = await desk.post("/api/desk/events", {
      data: {
        input: {
          title: `Scheduled ${label} ${randomBytes(3).toString("hex")}`,
          summary: "Both servers run the schedule; only one may publish it.",
          type: "MEETING",
          date: "2025-11-06",
          datePrecision: "DAY",
          participants: [{ role: "HOST", countryId: "KZ" }],
          sources: [{ url: "https://example.org/scheduled", title: "Scheduled", publisher: "Example" }],
        },
      },
    });
    const draft = (await created.json()) as { ok: boolean; id: string; slug: string; version: number };
    expect(draft.ok, JSON.stringify(draft)).toBe(true);
    const at = new Date(Date.now() + inMs).toISOString();
    const scheduled = await desk.post(`/api/desk/events/${draft.id}/workflow`, { data: { action: "schedule", baseVersion: draft.version, at } });
    expect(((await scheduled.json()) as { ok: boolean }).ok).toBe(true);
    return draft;
  };
  const liveOnBoth = async (slug: string) =>
    expect
      .poll(async () => (await Promise.all(servers.map(async (s) => (await fetch(`${s.url}/events/${slug}`)).status))).every((st) => st === 200), { timeout: 60_000 })
      .toBe(true);

  const due = await Promise.all(["one", "two", "three", "four"].map((label) => schedule(label, 3_000)));
  for (const item of due) await liveOnBoth(item.slug);
  // Each scheduler runs every few seconds: once a later item is live too, both have
  // had their turn at the first ones, which must have gone live exactly once.
  const marker = await schedule("marker", 7_000);
  await liveOnBoth(marker.slug);
  await desk.dispose();

  const ids = due.map((d) => d.id);
  const publishes = await sql<{ targetId: string; n: string }>(
    `SELECT "targetId", count(*) AS n FROM "AuditLog" WHERE action = 'event.publish' AND "targetId" = ANY($1) GROUP BY "targetId"`,
    [ids],
  );
  expect(publishes.map((r) => [r.targetId, Number(r.n)]).sort()).toEqual(ids.map((id) => [id, 1]).sort());
  // Publishing adds at most one revision (none was made after the scheduled time but by it).
  const revisions = await sql<{ id: string; n: string }>(
    `SELECT e.id, count(r.id) AS n FROM "Event" e LEFT JOIN "Revision" r ON r."entityId" = e.id AND r."createdAt" >= COALESCE(e."scheduledAt", e."publishedAt")
      WHERE e.id = ANY($1) GROUP BY e.id`,
    [ids],
  );
  expect(revisions).toHaveLength(ids.length);
  for (const row of revisions) expect(Number(row.n), `revisions made by publishing ${row.id}`).toBeLessThanOrEqual(1);
});
