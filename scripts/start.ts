/**
 * Chancery's launcher: `npm start` (production) and `npm run dev`.
 * Validates the environment, builds when the code changed, starts the database
 * (embedded unless DATABASE_URL is set; an external one is waited for), migrates,
 * loads reference and demo data, then runs the web processes — one per core, under
 * Node's cluster (lib/server/cluster.ts) — and the scheduler. SIGTERM or SIGINT
 * (Ctrl-C) stops the web processes once their in-flight requests are done, then the
 * database.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { Registry } from "prom-client";
import { EnvError, parseEnv, type Env } from "@/lib/env/schema";
import { prepareDatabase, StartupError, type PreparedDatabase } from "@/lib/startup/prepare";
import { createLogger } from "@/lib/log/logger";
import { startWebCluster } from "@/lib/server/cluster";
import { waitForDatabase } from "@/lib/server/database-wait";
import { startScheduler } from "@/lib/server/scheduler";
import { build } from "./build";
import { isBuildCurrent } from "./build-stamp";

const isDev = process.argv.includes("--dev");
loadDotEnv();
const logger = createLogger({ name: "chancery" });
const log = (line: string) => logger.info(line);
const fail = (line: string): never => {
  logger.error(line);
  process.exit(1);
};

function loadDotEnv() {
  // A .env file fills in what the real environment leaves unset.
  if (!existsSync(".env")) return;
  for (const line of readFileSync(".env", "utf8").split("\n")) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith("#")) continue;
    const [, key, raw] = match as unknown as [string, string, string];
    if (process.env[key] === undefined) process.env[key] = raw.replace(/^(['"])(.*)\1$/, "$2");
  }
}

async function assertPortFree(port: number, host: string) {
  await new Promise<void>((resolve) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      fail(
        error.code === "EADDRINUSE"
          ? `Port ${port} is already in use: stop what is using it or set PORT to another port.`
          : `Cannot listen on ${host}:${port}: ${error.message}`,
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

function ensureBuilt() {
  if (!existsSync("lib/generated/prisma/client.ts")) {
    const result = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
    if (result.status !== 0) fail("Generating the Prisma client failed.");
  }
  if (isDev || isBuildCurrent()) return;
  log("building the app (first start, or the code changed); this takes a minute or two");
  build();
}

function authSecret(env: Env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(env.CHANCERY_DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(env.CHANCERY_DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * WEB_CONCURRENCY web processes; one in development. Unset, one per core (at most
 * 64): a write on any process expires the cached pages of every process and server
 * through PostgreSQL (docs/caching.md), so they can share the load.
 */
function webProcesses(env: Env): number {
  if (isDev) return 1;
  return env.WEB_CONCURRENCY ?? Math.min(64, os.availableParallelism());
}

/** Where the launcher reaches its own web processes. */
function localHost(host: string): string {
  return host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
}

async function main() {
  (process.env as Record<string, string | undefined>).NODE_ENV ??= isDev ? "development" : "production";
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    return fail(error instanceof EnvError ? error.message : String(error));
  }
  await assertPortFree(env.PORT, env.HOSTNAME);

  // A stop asked for before the web processes run ends the start cleanly.
  let stop: ((code: number) => Promise<void>) | null = null;
  let stopRequested = false;
  const onSignal = () => {
    stopRequested = true;
    if (stop) void stop(0);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const startedAt = Date.now();
  if (env.DATABASE_URL) {
    await waitForDatabase({ url: env.DATABASE_URL, log, isCancelled: () => stopRequested });
    if (stopRequested) {
      log("stopped before the database came up");
      process.exit(0);
    }
  }
  let database: PreparedDatabase;
  try {
    database = await prepareDatabase({ env, log });
  } catch (error) {
    return fail(error instanceof StartupError ? error.message : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (stopRequested) {
    await database.stop();
    log("stopped");
    process.exit(0);
  }
  try {
    ensureBuilt();
  } catch (error) {
    await database.stop();
    throw error;
  }

  const origin = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  const internalToken = randomBytes(24).toString("base64url");
  const processes = webProcesses(env);
  const registry = new Registry();
  const web = startWebCluster({
    processes,
    logger,
    registry,
    env: {
      NODE_ENV: isDev ? "development" : "production",
      DATABASE_URL: database.url,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: authSecret(env),
      CHANCERY_INTERNAL_TOKEN: internalToken,
      // Resources a server's processes share, such as search's connections (lib/search/pool.ts).
      CHANCERY_WEB_PROCESSES: String(processes),
    },
  });
  const scheduler = startScheduler({
    url: `http://${localHost(env.HOSTNAME)}:${env.PORT}/api/internal/tick`,
    token: internalToken,
    intervalMs: 5_000,
    databaseUrl: database.url,
    logger,
    registry,
  });

  let stopping: Promise<void> | null = null;
  stop = (code: number) =>
    (stopping ??= (async () => {
      log("stopping: the web processes finish their requests, then the database stops");
      await scheduler.stop();
      await web.stop(env.SHUTDOWN_TIMEOUT_SECONDS * 1000);
      await database.stop().catch((error: unknown) => logger.error({ err: error }, "stopping the database failed"));
      log("stopped");
      process.exit(code);
    })());
  if (stopRequested) return void stop(0);

  const outcome = await Promise.race([web.ready.then(() => null), web.failed]);
  if (outcome !== null) {
    logger.error(`${outcome}; stopping`);
    return void stop(1);
  }
  // The first tick also catches schedules missed while the server was down.
  void scheduler.start();
  log(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s at ${origin} (${processes} web process${processes === 1 ? "" : "es"})`);
  if (database.adminEmail) {
    log(`first admin: ${database.adminEmail}`);
    if (database.generatedAdminPassword) {
      log(`generated password (shown once, change it at /account): ${database.generatedAdminPassword}`);
    }
  }
  void web.failed.then((reason) => {
    logger.error(`${reason}; stopping`);
    void stop?.(1);
  });
}

void main();
