import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signIn } from "../support/auth";
import { e2eDatabaseUrl, withDatabase } from "../support/database";
import { cleanUp, freePort, launch, tempDataDir, waitUntilReady, type Instance } from "../support/launcher";
import { VIEWPORTS } from "../support/viewports";
import { generateScaleRecord, scaleVocabulary } from "../../lib/testing/scale-record";

/**
 * The desk on a record larger than the newest rows a word search reads first (3,000
 * events of the scale record's text, besides the demo record): a word in many items is
 * counted by estimate, said so, and its page shown; a word in few is counted exactly.
 * A Chancery of its own, so that its thousands of events stay out of the other specs'.
 */
test.describe.configure({ mode: "serial" });

const ADMIN = { email: "admin@large-record.chancery.test", password: "large-record-admin-password-1" };
const COMMON = scaleVocabulary(5_000)[0]!;
let app: Instance | null = null;
let dataDir = "";
let base = "";

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const port = await freePort();
  const pgPort = await freePort();
  dataDir = tempDataDir();
  base = `http://127.0.0.1:${port}`;
  app = launch({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), CHANCERY_DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: base, WEB_CONCURRENCY: "1", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  await waitUntilReady(port, app, 240_000);
  await withDatabase(e2eDatabaseUrl({ dataDir, port: pgPort }), async (client) => {
    await generateScaleRecord(client, { events: 3_000, statements: 0, prefix: "large" });
    await client.query(`ANALYZE "Event"`);
  });
});

test.afterAll(async () => {
  await cleanUp(app, dataDir);
});

test("a word in many events is counted by estimate with its newest page; a word in few, exactly", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: base });
  await signIn(context.request, ADMIN.email, ADMIN.password);
  const page = await context.newPage();
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`/dashboard/events?q=${COMMON}`);
    const summary = page.getByRole("status").filter({ hasText: /events? match/ });
    await expect(summary).toHaveText(/^About \d{1,3}(,\d{3})* events match · page 1 of about \d{1,3}(,\d{3})*$/);
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(26);
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(/About \d{1,3}(,\d{3})* records · page 1 of about/);
    await expectAccessible(page);

    // The next page is still among the newest rows; its rows are not the first page's.
    const first = await page.getByRole("table").getByRole("row").allTextContents();
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next page" }).click();
    await expect(summary).toHaveText(/page 2 of about/);
    const second = await page.getByRole("table").getByRole("row").allTextContents();
    expect(second.slice(1).filter((row) => first.includes(row))).toEqual([]);

    // A word of the demo record only: an exact count, without "about".
    await page.goto("/dashboard/events?q=Rabat");
    await expect(summary).toHaveText(/^\d+ events? match(es)? · page 1 of 1$/);

    // The desk's search page says the same.
    await page.goto(`/dashboard/search?q=${COMMON}`);
    await expect(page.getByRole("heading", { name: /^Events \(about \d{1,3}(,\d{3})*\)$/ })).toBeVisible();
    await expectAccessible(page);
  }
  await context.close();
});
