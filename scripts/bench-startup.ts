/**
 * `npm run bench:startup`: how long a restart of an already-built Chancery takes to
 * answer /api/ready (embedded database, demo record loaded). Starts the launcher on
 * free loopback ports with a throw-away data folder, once to create everything, then
 * stops and restarts it RUNS times, and prints each time, the median and the target.
 * Needs a current build (`npm run build`).
 */
import { cleanUp, freePort, launch, tempDataDir, waitUntilReady, type Instance } from "../e2e/support/launcher";

const RUNS = Number(process.env.RUNS ?? 5);
const TARGET_SECONDS = 20;

async function stop(app: ReturnType<typeof launch>) {
  app.process.kill("SIGTERM");
  const code = await app.exited;
  if (code !== 0) throw new Error(`launcher exited with ${code}:\n${app.output()}`);
}

let current: Instance | null = null;
const dataDir = tempDataDir();

async function main() {
  const port = await freePort();
  const env = { PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), CHANCERY_DATA_DIR: dataDir, DATABASE_URL: "" };
  const first = (current = launch(env));
  const firstSeconds = await waitUntilReady(port, first, 300_000);
  await stop(first);
  console.log(`first start (creates the cluster, migrates, loads the demo record): ${firstSeconds.toFixed(2)} s`);

  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const app = (current = launch(env));
    times.push(await waitUntilReady(port, app, 120_000));
    await stop(app);
    console.log(`restart ${i + 1}: ready in ${times.at(-1)!.toFixed(2)} s`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`restart median ${median.toFixed(2)} s over ${RUNS} runs (min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)}); target < ${TARGET_SECONDS} s → ${(median / TARGET_SECONDS).toFixed(2)} of the budget`);
}

// Either way the data folder (a cluster with the demo record) goes.
main().then(
  () => cleanUp(current, dataDir),
  async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanUp(current, dataDir);
    process.exit(1);
  },
);
