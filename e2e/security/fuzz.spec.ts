import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "../support/auth";
import { e2eDatabaseUrl, withDatabase } from "../support/database";
import { cleanUp, freePort, launch, tempDataDir, waitUntilReady, type Instance } from "../support/launcher";

/**
 * Fuzz: ≥ 10,000 generated inputs to every JSON route under app/api (found in the file
 * tree, so routes added later are covered too), to every desk form's Server Action (found
 * in the build's manifest, sent both the way React sends them and the way a browser
 * without JavaScript posts a form) and to every public page's query parameters, as an
 * anonymous visitor, a contributor, an editor and an admin, against a server of its own. Passes when no answer is a 5xx, nothing lands in the server's
 * error log, and no row that existed before changed, except the records the fuzz was
 * given to write to (its own draft event and statement, its target user).
 */
test.describe.configure({ mode: "serial" });

const INPUTS = 10_000;
const CONCURRENCY = 6;
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const ADMIN = { email: "fuzz-admin@e2e.chancery.test", password: "fuzz admin passphrase 2026" };

let app: Instance | null = null;
let dataDir = "";
test.afterEach(async () => {
  await cleanUp(app, dataDir);
});

interface Route {
  template: string;
  methods: string[];
}

/** Every route handler under app/api and the methods it exports. */
function apiRoutes(dir = "app/api"): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) routes.push(...apiRoutes(full));
    else if (entry === "route.ts") {
      const source = readFileSync(full, "utf8");
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) =>
        new RegExp(`export (const|async function|function) ${m}\\b|as ${m}\\b`).test(source),
      );
      const template = "/" + path.dirname(full).split(path.sep).filter((s) => s !== "app" && !/^\(.*\)$/.test(s)).join("/");
      routes.push({ template, methods });
    }
  }
  return routes;
}

/** Every page of the desk and of signing in, as templates ("/dashboard/[kind]/[id]/history"). */
function staffPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "page.tsx") pages.push("/" + path.dirname(full).split(path.sep).filter((s) => s !== "app" && !/^\(.*\)$/.test(s)).join("/"));
    }
  };
  walk("app/(desk)");
  walk("app/(auth)");
  return pages;
}

const PUBLIC_PAGES = ["/", "/events", "/statements", "/search", "/corrections", "/countries", "/agreements", "/feed.xml", "/atom.xml", "/feed.json", "/statements/feed.xml", "/statements/feed.json", "/calendar.ics", "/sitemap.xml"];
/** The public pages of one record, their keys generated ("/events/%00" answered 500 once). */
const PUBLIC_RECORD_PAGES = ["/events/[slug]", "/statements/[slug]", "/people/[slug]", "/organizations/[slug]", "/agreements/[slug]", "/topics/[slug]", "/countries/[iso2]", "/relations/[pair]"];
const QUERY_NAMES = ["q", "country", "type", "topic", "agreement", "speaker", "from", "to", "cursor", "before", "after", "limit", "page", "sort", "lang", "format", "precision", "status", "kind", "actor", "action", "target", "callbackUrl"];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "null", "0", "-1", "1e308", "9999-12-31", "10000-01-01", "2025-11-06", "__proto__", "constructor", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "\u0000", "\ud800", "PUBLISHED", "ADMIN", "kz", "il-kz"),
);
const json = fc.oneof(
  { depthSize: "small" },
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.oneof(text, fc.constantFrom("title", "slug", "summary", "body", "date", "sources", "role", "isActive", "email", "name", "password", "currentPassword", "newPassword", "code", "token", "action", "version", "baseVersion", "note", "__proto__", "constructor")), fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })), { maxKeys: 6 }),
);
const query = fc.dictionary(fc.oneof(fc.constantFrom(...QUERY_NAMES), text), text, { maxKeys: 4 });

/** A path segment from any text: percent-encoded, and a broken character as the bytes a broken client would send. */
function pathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80"; // a lone surrogate as UTF-8: not a character
  }
}

interface Probe {
  method: string;
  url: string;
  as: "anonymous" | "contributor" | "editor" | "admin";
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  multipart?: Record<string, string>;
}

interface Action {
  id: string;
  /** A desk page whose form posts this action (dynamic segments filled in by the fuzz). */
  page: string;
}

/** Every Server Action of the production build, with a page that carries it. */
function serverActions(): Action[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node?: Record<string, { workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node ?? {}).map(([id, { workers }]) => {
    const page = Object.keys(workers).sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")))[0]!;
    return { id, page: "/" + page.replace(/\/page$/, "").split("/").filter((s) => s !== "app" && !/^\(.*\)$/.test(s)).join("/") };
  });
}

/** Names the desk forms post (dotted paths for rows, "[]" for multi-pickers), and some they never do. */
const FORM_FIELDS = [
  "id", "baseVersion", "version", "name", "title", "summary", "body", "text", "description", "acronym", "slug", "kind", "type",
  "status", "countryId", "countryIds[]", "parentId", "agreementId", "treatyActionId", "wikidataId", "concluded", "from", "to",
  "offices.0.title", "offices.0.countryId", "offices.0.from", "offices.500.title", "offices.x.title", "actions.0.countryId",
  "actions.0.kind", "actions.0.date", "sources.0.url", "sources.0.title", "aliases[]", "__proto__.x", "constructor.prototype.x",
  "$ACTION_KEY", "",
];

async function snapshot(url: string): Promise<Map<string, string>> {
  return withDatabase(url, async (client) => {
    const tables = (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.t);
    const rows = new Map<string, string>();
    for (const table of tables) {
      const { rows: found } = await client.query<{ r: string }>(`SELECT t::text AS r FROM "${table}" t`);
      for (const { r } of found) rows.set(`${table}:${r}`, table);
    }
    return rows;
  });
}

test("≥ 10,000 generated inputs to every JSON route and public query, and every public query parameter with hostile values: no 5xx, no error logged, no row changed outside the fuzz's own", async () => {
  test.setTimeout(900_000);
  const port = await freePort();
  const pgPort = await freePort();
  dataDir = tempDataDir();
  app = launch({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), CHANCERY_DATA_DIR: dataDir, DATABASE_URL: "", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  await waitUntilReady(port, app, 180_000);
  const baseURL = `http://127.0.0.1:${port}`;
  const database = e2eDatabaseUrl({ dataDir, port: pgPort });

  // The fuzz's own accounts and records: the only rows it may change.
  const signedIn = async (email: string, password: string) => {
    const context = await playwrightRequest.newContext({ baseURL });
    await signIn(context, email, password);
    return context;
  };
  const admin = await signedIn(ADMIN.email, ADMIN.password);
  const adminId = ((await (await admin.get("/api/auth/session")).json()) as { user: { id: string } }).user.id;
  // The fuzz's own accounts may be changed by it: its admin's (throttle counters,
  // two-factor set-up), its contributor's and editor's, and a target user's.
  const own = new Set<string>([adminId]);
  const staff: Record<string, { id: string; email: string; password: string }> = {};
  for (const [label, role] of [["contributor", "CONTRIBUTOR"], ["editor", "EDITOR"], ["target", "CONTRIBUTOR"]] as const) {
    const email = `fuzz-${label}@e2e.chancery.test`;
    const password = `fuzz ${label} passphrase 2026`;
    const invited = await admin.post("/api/admin/users", { data: { email, role } });
    const { link } = (await invited.json()) as { link: string };
    const accepted = await admin.post("/api/invitations/accept", { data: { token: link.split("/").pop(), name: `Fuzz ${label}`, password } });
    const { id } = (await accepted.json()) as { id: string };
    own.add(id);
    staff[label] = { id, email, password };
  }
  const sessions: Record<Probe["as"], APIRequestContext> = {
    anonymous: await playwrightRequest.newContext({ baseURL }),
    contributor: await signedIn(staff.contributor!.email, staff.contributor!.password),
    editor: await signedIn(staff.editor!.email, staff.editor!.password),
    admin,
  };
  const targetUser = staff.target!.id;
  const draft = async (kind: string, input: object) => {
    const created = await sessions.editor.post(`/api/desk/${kind}`, { data: { input } });
    const body = (await created.json()) as { ok: boolean; id: string };
    expect(body.ok, `the fuzz's own ${kind} draft: ${JSON.stringify(body)}`).toBe(true);
    return body;
  };
  const source = { url: "https://example.org/fuzz", title: "Fuzz source", publisher: "Example" };
  const draftEvent = await draft("events", {
    title: "Fuzz target event", summary: "The fuzz's own.", type: "MEETING", date: "2025-11-06", datePrecision: "DAY",
    participants: [{ role: "HOST", countryId: "KZ" }], sources: [source],
  });
  const draftStatement = await draft("statements", { title: "Fuzz target statement", text: "Words.", language: "en", speakerLabel: "a senior official", medium: "READOUT", sources: [source] });
  own.add(draftEvent.id).add(draftStatement.id);
  const before = await snapshot(database);
  const logged = app.output().length;

  const ids = [targetUser, draftEvent.id, draftStatement.id, "nope", "../admin", "%00", "kz%00", "9".repeat(300)];
  /** The desk's record kinds (app/api/desk/[kind]), and some it does not have. */
  const kinds = ["events", "statements", "people", "organizations", "agreements", "topics", "users", "__proto__", "constructor"];
  const routes = apiRoutes().filter((r) => !r.template.startsWith("/api/internal"));
  const filler = (template: string) =>
    fc.tuple(...[...template.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => (m[1] ? fc.constantFrom("session", "csrf", "providers", "signin", "callback/credentials", "signout", "error") : m[2] === "kind" ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...kinds) }, text.map(pathSegment)) : fc.oneof(fc.constantFrom(...ids), text.map(pathSegment)))))
      .map((values) => { let i = 0; return template.replace(/\[(\.\.\.)?[^\]]+\]/g, () => String(values[i++] ?? "x")); });
  // The desk has none today (one way in: JSON routes); made-up ids on desk pages stand in,
  // and every action a later build adds is fuzzed too.
  const actions = [...serverActions(), ...["/dashboard", "/dashboard/events/new", "/admin/users", "/"].map((page) => ({ id: `7f${"0".repeat(38)}`, page }))];
  const fields = fc.dictionary(fc.oneof(fc.constantFrom(...FORM_FIELDS), text), fc.oneof(text, fc.constantFrom(...ids)), { maxKeys: 8 });
  const actionProbe: fc.Arbitrary<Probe> = fc.tuple(fc.constantFrom(...actions), fields, fc.constantFrom("anonymous", "contributor", "editor", "admin"), fc.nat(9), json).map(
    ([action, form, as, shape, args]) => {
      const url = action.page.replace(/\[[^\]]+\]/g, () => ids[shape % ids.length]!);
      if (shape < 3) {
        // A form posted by a browser without JavaScript.
        return { method: "POST", url, as, multipart: { [`$ACTION_ID_${action.id}`]: "", ...form } };
      }
      // React's encoding: part "0" is the arguments, "_1_<name>" the form's fields; now and
      // then arguments it never sends.
      const encoded = shape < 6 ? '[null,"$K1"]' : shape < 8 ? '["$K1"]' : JSON.stringify(args);
      const multipart: Record<string, string> = { "0": encoded };
      for (const [name, value] of Object.entries(form)) multipart[`_1_${name}`] = value;
      return { method: "POST", url, as, headers: { "next-action": action.id, accept: "text/x-component" }, multipart };
    },
  );
  const probe: fc.Arbitrary<Probe> = fc.oneof(
    { weight: 1, arbitrary: actionProbe },
    { weight: 3, arbitrary: fc.constantFrom(...routes).chain((route) => fc.record({
      method: fc.constantFrom(...route.methods),
      url: fc.tuple(filler(route.template), query).map(([p, q]) => `${p}?${new URLSearchParams(q)}`),
      as: fc.constantFrom("anonymous", "contributor", "editor", "admin"),
      body: fc.oneof(json.map((j) => JSON.stringify(j)), text),
      contentType: fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded"),
    })) },
    { weight: 1, arbitrary: fc.record({
      method: fc.constant("GET"),
      url: fc.constantFrom(...PUBLIC_RECORD_PAGES).chain((template) => filler(template)),
      as: fc.constant("anonymous" as const),
    }) },
    { weight: 1, arbitrary: fc.record({
      method: fc.constant("GET"),
      url: fc.tuple(fc.constantFrom(...PUBLIC_PAGES, ...routes.filter((r) => r.template.startsWith("/api/v1") && !r.template.includes("["))).map((r) => (typeof r === "string" ? r : r.template)), query).map(([p, q]) => `${p}?${new URLSearchParams(q)}`),
      as: fc.constant("anonymous" as const),
    }) },
  );
  const probes = fc.sample(probe, { numRuns: INPUTS, seed: SEED });
  expect(probes.length).toBeGreaterThanOrEqual(10_000);
  // And, beside the sample, every public page's and API list's every query parameter with each of the values
  // most likely to break one: a sample of 10,000 may never pair "/search" and "q" with a NUL
  // (which answered 500 once).
  const HOSTILE = ["\u0000", "\ud800", "x".repeat(5_000), "__proto__", "' OR 1=1 --", "<script>alert(1)</script>", "-1", "9999-12-31"];
  for (const page of [...PUBLIC_PAGES, ...routes.filter((r) => r.template.startsWith("/api/v1") && !r.template.includes("[")).map((r) => r.template)]) {
    for (const name of QUERY_NAMES) {
      for (const value of HOSTILE) probes.push({ method: "GET", url: `${page}?${new URLSearchParams({ [name]: value })}`, as: "anonymous" });
    }
  }

  // The same for the staff's pages and their JSON reads, as an admin: each query parameter
  // with the two characters PostgreSQL cannot hold or a page cannot show ("/admin/audit?actor=%00"
  // and "/admin/users?q=%00" answered 500 until 7 December). The pages come from the file tree,
  // so a page added later is covered too; the whole-record export is left out (it is the
  // export's own test's, and a few seconds a request).
  const deskKinds = ["events", "statements", "people", "organizations", "agreements", "topics"];
  const idOf: Record<string, string> = { events: draftEvent.id, statements: draftStatement.id, users: targetUser };
  const staffTargets = [
    ...staffPages().flatMap((template) => (template.includes("[kind]") ? deskKinds.map((kind) => ({ template: template.replace("[kind]", kind), kind })) : [{ template, kind: template.split("/")[2] ?? "" }]))
      .map(({ template, kind }) => template.replace(/\[[^\]]+\]/g, () => idOf[kind] ?? "nope")),
    ...routes.filter((r) => r.methods.includes("GET") && !r.template.includes("[") && !r.template.startsWith("/api/v1") && r.template !== "/api/admin/export").map((r) => r.template),
  ];
  expect(staffTargets).toEqual(expect.arrayContaining(["/admin/audit", "/admin/users", "/dashboard/events", `/dashboard/events/${draftEvent.id}/history`, "/api/admin/audit", "/api/desk/lookup"]));
  for (const page of staffTargets) {
    for (const name of QUERY_NAMES) {
      for (const value of ["\u0000", "\ud800"]) probes.push({ method: "GET", url: `${page}?${new URLSearchParams({ [name]: value })}`, as: "admin" });
    }
  }

  // The probes go out through Node's own fetch, with each identity's cookies as a browser
  // sends them, and their bodies exactly as generated. Playwright's request context spent as
  // much CPU in the test's process as the server did answering (110 s against 102 s for the
  // 10,000, on the two cores the server and the other worker's specs share), and it quoted
  // a body that is not JSON into a JSON string whenever the content type said JSON, so no
  // malformed JSON ever reached a route.
  const cookies = Object.fromEntries(
    await Promise.all(Object.entries(sessions).map(async ([as, context]) => [as, (await context.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ")] as const)),
  ) as Record<Probe["as"], string>;
  const send = async (p: Probe) => {
    let body: FormData | string | undefined;
    if (p.multipart) {
      body = new FormData();
      for (const [name, value] of Object.entries(p.multipart)) body.append(name, value);
    } else if (p.method !== "GET") body = p.body;
    const response = await fetch(baseURL + p.url, {
      method: p.method,
      headers: { ...(cookies[p.as] ? { cookie: cookies[p.as] } : {}), ...(p.contentType ? { "content-type": p.contentType } : {}), ...p.headers },
      body,
      redirect: "manual",
      // As long as Playwright's request waited: an answer that never comes is a failure.
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, text: await response.text(), retryAfter: response.headers.get("retry-after") };
  };
  /** A transport failure: the connection reset or closed under the request. */
  const isReset = (error: Error) => {
    const cause = error.cause as { code?: string } | undefined;
    return /ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed/.test(`${cause?.code ?? ""} ${String(cause ?? "")} ${error.message}`);
  };

  const failures: string[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < probes.length) {
      const p = probes[next++]!;
      // A kept-alive connection that the server closed as idle (its 5 s keep-alive) can be
      // reused by the client in that same instant and reset; a browser sends again, and so
      // does this, once. A second transport failure is a failure (599, with its message).
      // "Too busy, ask again in a second" (503 with Retry-After: the database's queue was full
      // under the fuzz's load, a designed answer) is asked again once, after that second, as a
      // client honouring Retry-After does; a second refusal is a failure.
      const sendHonouringRetry = async (probe: Probe) => {
        const first = await send(probe);
        if (first.status !== 503 || !first.retryAfter) return first;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5, Number(first.retryAfter) || 1) * 1000));
        return send(probe);
      };
      const response = await sendHonouringRetry(p)
        .catch((error: Error) => (isReset(error) ? send(p) : Promise.reject(error)))
        .catch((error: Error) => ({ status: 599, text: `${error.message} ${String(error.cause ?? "")}`.trim(), error: true }));
      // The readiness probe's 503 is its answer, not a failure: it says "not ready" when the
      // database does not answer within 3 s, which a process under this fuzz's load may not.
      const isReadinessAnswer = response.status === 503 && p.url.startsWith("/api/ready") && response.text.includes('"not ready"');
      if (response.status >= 500 && !isReadinessAnswer) failures.push(`${response.status} ${p.method} ${p.url} as ${p.as}${"error" in response ? ` (${response.text.slice(0, 200)})` : ""}: ${(p.body ?? JSON.stringify(p.headers ?? {}) + " " + JSON.stringify(p.multipart ?? {})).slice(0, 300)}`);
    }
  }));
  expect(failures.slice(0, 20), `${failures.length} answers were 5xx`).toEqual([]);

  const after = await snapshot(database);
  // Counters, sessions, history, and when public cache tags last expired (a publish of the fuzz's draft).
  const bookkeeping = new Set(["AuditLog", "SignInThrottle", "UserSession", "Revision", "CacheTagExpiration", "_prisma_migrations"]);
  const changed = [...before].filter(([row, table]) => !after.has(row) && !bookkeeping.has(table) && ![...own].some((id) => row.includes(id)));
  expect(changed.slice(0, 10), `${changed.length} rows that existed before changed or went`).toEqual([]);
  expect(app.output().slice(logged), "the server's log during the fuzz").not.toMatch(/⨯|Unexpected error|TypeError|RangeError/);
  await Promise.all(Object.values(sessions).map((s) => s.dispose()));
});
