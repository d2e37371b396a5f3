import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../../lib/auth/password";
import { signIn, signInContext } from "../../support/auth";
import { e2eDatabaseUrl, queryAt } from "../../support/database";

/**
 * Staff for the desk specs. Users are written straight into the e2e server's own
 * throw-away database (the embedded PostgreSQL that playwright.config.ts starts),
 * with the app's own password hashing, the way a factory would. Nothing in the
 * app itself can create them: there is no test-only route in production.
 */
export { e2eDatabaseUrl };

export const query = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => queryAt<T>(e2eDatabaseUrl(), sql, params);

export interface Staff {
  id: string;
  email: string;
  password: string;
  name: string;
}

/** A staff member written into the e2e server's database, or into the one at `databaseUrl` (a spec's own server). */
export async function createStaff(
  role: "CONTRIBUTOR" | "EDITOR" | "ADMIN",
  name = `${role.toLowerCase()} ${randomUUID().slice(0, 6)}`,
  databaseUrl = e2eDatabaseUrl(),
): Promise<Staff> {
  const id = `e2e${randomUUID().replaceAll("-", "")}`;
  const email = `${id}@e2e.chancery.test`;
  const password = `pw-${randomUUID()}`;
  await queryAt(
    databaseUrl,
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "isActive", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, true, now(), now())`,
    [id, email, name, await hashPassword(password), role],
  );
  return { id, email, password, name };
}

/** A signed-in browser context for a new staff member of the role. */
export async function staffContext(browser: Browser, role: "CONTRIBUTOR" | "EDITOR", name?: string): Promise<{ context: BrowserContext; staff: Staff }> {
  const staff = await createStaff(role, name);
  const context = await browser.newContext();
  await signInContext(context, staff.email, staff.password);
  return { context, staff };
}

export async function signInAs(request: APIRequestContext, staff: Staff) {
  await signIn(request, staff.email, staff.password);
}

export const unique = () => randomUUID().slice(0, 8);

export const rubioSource = {
  url: "https://edition.cnn.com/2025/11/06/politics/kazakhstan-abraham-accords",
  title: "Kazakhstan to join Abraham Accords",
  publisher: "CNN",
};

/** A valid event input; `title` must be unique per test. */
export function eventInput(title: string, overrides: Record<string, unknown> = {}) {
  return {
    title,
    summary: "The US president announced Kazakhstan would join the Abraham Accords.",
    body: "After a call with **Netanyahu** and **Tokayev**.",
    type: "INTENT_ANNOUNCED",
    date: "2025-11-06",
    datePrecision: "DAY",
    participants: [{ role: "ANNOUNCER", countryId: "US" }],
    sources: [rubioSource],
    ...overrides,
  };
}

/** Creates an event through the desk API as `request`'s user; returns its id. */
export async function createEventViaApi(request: APIRequestContext, input: Record<string, unknown>): Promise<{ id: string; slug: string; version: number }> {
  const response = await request.post("/api/desk/events", { data: { input } });
  const body = (await response.json()) as { ok: boolean; id: string; slug: string; version: number };
  expect(body.ok, JSON.stringify(body)).toBe(true);
  return body;
}

export async function workflowViaApi(request: APIRequestContext, kind: "events" | "statements", id: string, body: Record<string, unknown>) {
  const response = await request.post(`/api/desk/${kind}/${id}/workflow`, { data: body });
  return { status: response.status(), body: (await response.json()) as { ok: boolean; version?: number; code?: string; message?: string; fieldErrors?: Record<string, string[]> } };
}

/**
 * A new staff member of `role`, signed in, with a draft event of their own (made through
 * the desk API, published there first with `published`) open in the desk's editor, at
 * `viewport` when given.
 */
export async function openNewEvent(
  browser: Browser,
  role: "CONTRIBUTOR" | "EDITOR",
  input: Record<string, unknown>,
  options: { published?: boolean; viewport?: { width: number; height: number } } = {},
) {
  const { context, staff } = await staffContext(browser, role);
  const created = await createEventViaApi(context.request, input);
  if (options.published) expect((await workflowViaApi(context.request, "events", created.id, { action: "publish", baseVersion: 1 })).body.ok).toBe(true);
  const page = await context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  await page.goto(`/dashboard/events/${created.id}`);
  return { context, staff, created, page };
}

export async function eventRow(id: string) {
  const [row] = await query<{ status: string; version: number; title: string; summary: string; stagedData: unknown; slug: string }>(
    `SELECT status, version, title, summary, "stagedData", slug FROM "Event" WHERE id = $1`,
    [id],
  );
  return row;
}
