import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signedInPage } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { cleanUp, freePort, launch, tempDataDir, waitUntilReady, type Instance } from "../support/launcher";
import { baseUrl, createStaff, signedInRequest } from "../support/staff";
import { expectNoSidewaysScroll } from "../support/layout";

const run = promisify(execFile);

interface BackupRow {
  t: string;
  r: Record<string, unknown>;
}

function readBackup(file: Buffer) {
  const lines = gunzipSync(file).toString().trim().split("\n");
  const header = JSON.parse(lines[0]!) as { format: string; withCredentials: boolean; tables: { name: string; rows: number }[] };
  const rows = lines.slice(1, -1).map((line) => JSON.parse(line) as BackupRow);
  return { header, rows, trailer: JSON.parse(lines.at(-1)!) as { end: boolean } };
}

test("an admin downloads an export of the whole record from the desk, on a desktop and a phone", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, E2E_ADMIN);
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Export" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Export the record" })).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download an export" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^chancery-backup-\d{4}-\d{2}-\d{2}T\d{4}Z\.ndjson\.gz$/);
  const { header, rows, trailer } = readBackup(readFileSync((await download.path())!));
  expect(header).toMatchObject({ format: "chancery-backup", withCredentials: false });
  expect(trailer.end).toBe(true);
  expect(rows.some((row) => row.t === "Event" && row.r.slug === "kazakhstan-to-join-the-abraham-accords")).toBe(true);
  const admin = rows.find((row) => row.t === "User" && row.r.email === E2E_ADMIN.email)!;
  expect(admin.r.passwordHash).toBeNull();
  expect(rows.some((row) => row.t === "UserSession")).toBe(false);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("link", { name: "Download an export" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await context.close();
});

test("only admins can export: editors get 403, anonymous readers 401, and the download is in the audit log", async () => {
  const editor = await createStaff("EDITOR");
  const session = await signedInRequest(editor.email, editor.password);
  expect((await session.get("/api/admin/export")).status()).toBe(403);
  // Refused where it was asked for: HTTP 403 with the "no access" page, not the export page.
  const page = await session.get("/admin/export", { maxRedirects: 0 });
  expect(page.status()).toBe(403);
  expect(await page.text()).not.toContain("Download");
  await session.dispose();
  const anonymous = await playwrightRequest.newContext({ baseURL: baseUrl() });
  expect((await anonymous.get("/api/admin/export")).status()).toBe(401);
  await anonymous.dispose();

  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  expect((await admin.get("/api/admin/export")).status()).toBe(200);
  const audit = await (await admin.get("/api/admin/audit?action=record.export")).text();
  expect(audit).toContain(E2E_ADMIN.email);
  await admin.dispose();
});

test.describe("restore", () => {
  let app: Instance | null = null;
  let dataDir = "";
  let scratch = "";
  test.afterEach(async () => {
    await cleanUp(app, dataDir);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test("a backup restores onto a fresh copy with `npm run import`, and that site shows the same record", async () => {
    test.setTimeout(240_000);
    const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
    const file = await (await admin.get("/api/admin/export")).body();
    await admin.dispose();
    scratch = mkdtempSync(path.join(os.tmpdir(), "chancery-restore-"));
    const backup = path.join(scratch, "backup.ndjson.gz");
    writeFileSync(backup, file);
    const published = readBackup(file).rows.filter((row) => row.t === "Event" && row.r.status === "PUBLISHED").map((row) => String(row.r.slug));

    const port = await freePort();
    dataDir = tempDataDir();
    const env = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), CHANCERY_DATA_DIR: dataDir, DATABASE_URL: "" };
    const restored = await run(process.execPath, ["--import", "tsx", "scripts/import.ts", "--in", backup], { env });
    expect(restored.stderr).toMatch(/restored [\d,]+ rows/);

    // A second restore into the same (now full) database is refused and changes nothing.
    const again = await run(process.execPath, ["--import", "tsx", "scripts/import.ts", "--in", backup], { env }).catch((error: { code: number; stderr: string }) => error);
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toContain("The database is not empty");

    app = launch({ PORT: String(port), EMBEDDED_PG_PORT: env.EMBEDDED_PG_PORT, CHANCERY_DATA_DIR: dataDir, DATABASE_URL: "" });
    await waitUntilReady(port, app);
    const shown: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/events?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { slug: string }[]; nextCursor: string | null };
      shown.push(...body.data.map((e) => e.slug));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(shown)).toEqual(new Set(published));
    const page = await fetch(`http://127.0.0.1:${port}/events/kazakhstan-to-join-the-abraham-accords`);
    expect(page.status).toBe(200);
  });
});
