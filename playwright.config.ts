import { chmodSync, existsSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { removeTempFolderSync } from "./lib/testing/remove-temp-folder";

/**
 * The e2e suite runs against a production build (`npm run build` first) served by
 * Chancery's own launcher on a free port, with a fresh embedded database.
 * Ports and folders are chosen once, in the runner process; workers inherit them.
 */
/** Two distinct free ports (scripts/free-ports.mjs); Playwright loads this file synchronously. */
function freePortsSync(): [number, number] {
  const [web, pg] = execFileSync(process.execPath, [path.join(import.meta.dirname, "scripts/free-ports.mjs"), "2"]).toString().trim().split("\n").map(Number);
  return [web!, pg!];
}
if (!process.env.E2E_PORT) {
  const [web, pg] = freePortsSync();
  process.env.E2E_PORT = String(web);
  process.env.E2E_PG_PORT = String(pg);
  const dir = mkdtempSync(path.join(os.tmpdir(), "chancery-e2e-"));
  chmodSync(dir, 0o755); // as root, the embedded server runs as user postgres
  process.env.E2E_DATA_DIR = dir;
  // The shared server's folder goes when this process (the runner: workers inherit E2E_PORT
  // and never get here) exits. Not in a globalTeardown: that runs before Playwright stops
  // the webServer, whose PostgreSQL still has its data here.
  process.on("exit", () => removeTempFolderSync(dir));
}

import { E2E_ADMIN } from "./e2e/support/env";

const port = process.env.E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Debian's headless shell first: it is Chromium's engine without the desktop browser around
 * it, which Playwright's headless runs need no part of. The same three specs (story,
 * countries, desk buttons; 27 tests) took 127 and 112 s with it against 225 and 169 s with
 * the full browser, alternated in one session. Then the full browser, where only it is installed.
 */
function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  for (const candidate of ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined; // Playwright's own browser, where it is installed
}

/** The specs that launch their own Chancery (e2e/support/launcher.ts) rather than use the shared one. */
const OWN_SERVER_SPECS = [
  "ops/faults.spec.ts",
  "ops/restart.spec.ts",
  "desk/large-record.spec.ts",
  "ops/two-servers.spec.ts",
  "security/fuzz.spec.ts",
  "security/server-actions.spec.ts",
  "admin/export.spec.ts",
  "desk/review-conversation.spec.ts",
  "desk/forgot-password.spec.ts",
  "desk/new-browser.spec.ts",
  "desk/account-notices.spec.ts",
].map((spec) => `**/e2e/${spec}`);

const browserUse = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two workers by default (the machine and CI have 2 cores): every spec asserts on its
  // own rows, names and markers, so specs may overlap. E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // A hang guard, not a speed limit: with two workers on two cores a test gets about half
  // the machine, and the longest desk journeys (several pages, an axe scan on each) took up
  // to 50 s alone.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".test-reports/e2e.json" }], ...(process.env.CI ? [] : [["html", { open: "never" }] as const])],
  use: {
    baseURL,
    // A failed test keeps its trace (actions with their arguments and timing, network,
    // console, errors), a screenshot of the end and the page's ARIA snapshot
    // (error-context.md). The trace's screencast and DOM snapshots are left out: every test
    // records a trace, and only a failed one keeps it.
    // - The screencast cost about a quarter of the suite's time (desk-lists, autosave and
    //   people, 17 tests: 3.3-4.0 min with it, 2.7-3.0 min without, 2.5-3.0 with no trace).
    // - The DOM snapshots (one before and after each action) cost about a tenth: story,
    //   desk-lists, autosave, event-story and search (41 tests), alternated on 2 December,
    //   288 and 273 core-seconds without them against 321 and 300 with them, and 250-328
    //   with no trace at all.
    // `npx playwright test --trace on` records all of it.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false },
    screenshot: "only-on-failure",
  },
  projects: [
    {
      // Specs that start a Chancery (and its PostgreSQL) of their own: one at a time, so
      // that two such starts never compete for the 2 cores, while the other worker runs the
      // specs against the shared server. First in the list, so that the long chain of them
      // starts at once instead of being left to the end.
      name: "own-server",
      testMatch: OWN_SERVER_SPECS,
      workers: 1,
      use: browserUse,
    },
    {
      name: "chromium",
      testIgnore: OWN_SERVER_SPECS,
      use: browserUse,
    },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: baseURL,
      CHANCERY_DATA_DIR: process.env.E2E_DATA_DIR!,
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT!,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      SEED_DEMO: "true",
      NODE_ENV: "production",
      // Warnings and errors only: every request's line would drown the report.
      LOG_LEVEL: "warn",
      // Low, so that e2e/ops/sockets.spec.ts sees slow bodies and idle sockets closed in seconds.
      REQUEST_TIMEOUT_SECONDS: "10",
    },
  },
});
