import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { webAllocator } from "../../lib/server/web-worker-entry";
import { e2eDatabaseUrl, queryAt } from "../support/database";
import { cleanUp, freePort, isPortOpen, launch, tempDataDir, waitFor, waitUntilReady, type Instance } from "../support/launcher";

// Starts its own Chancery (own ports, own data folder), so it runs alone.
test.describe.configure({ mode: "serial" });

// Whatever the outcome, nothing this spec started may outlive it.
let app: Instance | null = null;
let dataDir = "";
test.afterEach(async () => {
  await cleanUp(app, dataDir);
});

/** A process's children, from /proc. */
function childPids(pid: number): number[] {
  const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return tasks ? tasks.split(/\s+/).map(Number) : [];
}

test("Chancery keeps its data across a clean restart and after kill -9", async ({ page }) => {
  test.setTimeout(360_000);
  const port = await freePort();
  const pgPort = await freePort();
  dataDir = tempDataDir();
  // Two web processes: what one writes (through the database) the other serves.
  const env = { PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), CHANCERY_DATA_DIR: dataDir, DATABASE_URL: "", WEB_CONCURRENCY: "2" };
  const slug = `restart-check-${Date.now()}`;

  // First start: creates the cluster, migrates, loads the demo record.
  app = launch(env);
  await waitUntilReady(port, app);

  // The web processes allocate with jemalloc when the system has it, and the launcher says which.
  const allocator = webAllocator({});
  const webProcesses = childPids(app.process.pid!).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("web-worker"));
  expect(webProcesses).toHaveLength(2);
  for (const pid of webProcesses) expect(readFileSync(`/proc/${pid}/maps`, "utf8").includes("libjemalloc")).toBe(allocator.kind === "jemalloc");
  expect(app.output()).toContain(allocator.kind === "jemalloc" ? `web processes allocate memory with jemalloc (${allocator.library})` : "web processes allocate memory with glibc's malloc");

  // Publish an event straight into the embedded database.
  await queryAt(
    e2eDatabaseUrl({ dataDir, port: pgPort }),
    `INSERT INTO "Event" (id, slug, title, summary, type, date, status, "publishedAt", "updatedAt")
     VALUES ($1, $1, 'Restart check event', 'Written before the restart.', 'MEETING', '2099-01-01', 'PUBLISHED', now(), now())`,
    [slug],
  );

  // Clean stop (SIGTERM, as Ctrl-C or a service manager sends): web server and database both go.
  app.process.kill("SIGTERM");
  expect(await app.exited).toBe(0);
  expect(await isPortOpen(port)).toBe(false);
  expect(await isPortOpen(pgPort)).toBe(false);

  // Second start: the data is still there. (How fast a restart is ready is measured
  // by `npm run bench:startup`, not asserted here, where other specs share the CPU.)
  app = launch(env);
  const seconds = await waitUntilReady(port, app);
  test.info().annotations.push({ type: "restart", description: `ready in ${seconds.toFixed(1)} s` });
  await page.goto(`http://127.0.0.1:${port}/`);
  await expect(page.getByRole("link", { name: "Restart check event" })).toBeVisible();

  // kill -9: nothing gets to clean up. The web server follows its launcher down;
  // the database keeps running or leaves its lock file behind.
  app.process.kill("SIGKILL");
  await app.exited;
  await waitFor(async () => !(await isPortOpen(port)), 15_000, "the web server to stop after its launcher was killed");

  app = launch(env);
  await waitUntilReady(port, app);
  await page.goto(`http://127.0.0.1:${port}/`);
  await expect(page.getByRole("link", { name: "Restart check event" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kazakhstan announces it will join the Abraham Accords" })).toBeVisible();

  app.process.kill("SIGTERM");
  expect(await app.exited).toBe(0);
});
