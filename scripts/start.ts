/**
 * Chancery's launcher: `npm start` (production) and `npm run dev`.
 * Validates the environment, builds when the code changed, starts the database
 * (embedded unless DATABASE_URL is set), migrates, loads reference and demo data,
 * then runs Next.js as a child process and stops everything in order on Ctrl-C.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { EnvError, parseEnv, type Env } from "@/lib/env/schema";
import { prepareDatabase, StartupError, type PreparedDatabase } from "@/lib/startup/prepare";
import { build } from "./build";
import { isBuildCurrent } from "./build-stamp";

const require = createRequire(import.meta.url);
const isDev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[chancery] ${line}`);
const fail = (line: string): never => {
  console.error(`[chancery] ${line}`);
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

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}

async function main() {
  loadDotEnv();
  (process.env as Record<string, string | undefined>).NODE_ENV ??= isDev ? "development" : "production";
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    return fail(error instanceof EnvError ? error.message : String(error));
  }
  await assertPortFree(env.PORT, env.HOSTNAME);

  const startedAt = Date.now();
  let database: PreparedDatabase;
  try {
    database = await prepareDatabase({ env, log });
  } catch (error) {
    return fail(error instanceof StartupError ? error.message : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    ensureBuilt();
  } catch (error) {
    await database.stop();
    throw error;
  }

  const origin = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  const internalToken = randomBytes(24).toString("base64url");
  const nextBin = require.resolve("next/dist/bin/next");
  const child = spawn(
    process.execPath,
    [nextBin, isDev ? "dev" : "start", "--port", String(env.PORT), "--hostname", env.HOSTNAME],
    {
      stdio: ["inherit", "inherit", "inherit", "ipc"],
      env: {
        ...process.env,
        NODE_ENV: isDev ? "development" : "production",
        DATABASE_URL: database.url,
        NEXTAUTH_URL: origin,
        NEXTAUTH_SECRET: authSecret(env),
        CHANCERY_INTERNAL_TOKEN: internalToken,
        CHANCERY_LAUNCHER: "1",
      },
    },
  );

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    clearInterval(ticker);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const exited = await Promise.race([
        new Promise<boolean>((r) => child.once("exit", () => r(true))),
        new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
      ]);
      if (!exited) child.kill("SIGKILL");
    }
    await database.stop().catch((error: unknown) => console.error(`[chancery] stopping the database: ${String(error)}`));
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[chancery] the web server exited (${signal ?? code}); stopping`);
      void shutdown(code ?? 1);
    }
  });

  // Scheduled items go live on time even when nobody visits: the launcher asks
  // the app to publish what is due every few seconds (and once at start, which
  // also catches schedules missed while the server was down).
  const tick = () =>
    fetch(`http://127.0.0.1:${env.PORT}/api/internal/tick`, {
      method: "POST",
      headers: { "x-chancery-internal": internalToken },
      signal: AbortSignal.timeout(20_000),
    }).catch(() => undefined);
  const ticker = setInterval(tick, 5_000);

  if (await waitUntilHealthy(`http://127.0.0.1:${env.PORT}/api/health`, child, isDev ? 120_000 : 60_000)) {
    void tick();
    log(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s at ${origin}`);
    if (database.adminEmail) {
      log(`first admin: ${database.adminEmail}`);
      if (database.generatedAdminPassword) {
        log(`generated password (shown once, change it at /account): ${database.generatedAdminPassword}`);
      }
    }
  }
}

void main();
