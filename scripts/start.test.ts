import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { cleanupsAfterAll, tempDataFolder } from "@/lib/testing/temp-folders";

const cleanups = cleanupsAfterAll();

/** Starts the launcher as `npm start` would (its log is JSON lines when not on a terminal). */
function startLauncher(env: Record<string, string>) {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, DATABASE_URL: "", NODE_ENV: "production", LOG_FORMAT: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  /** The messages logged at `minLevel` or above (pino: 30 info, 50 error). */
  const messages = (minLevel: number) =>
    output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((record) => record.level >= minLevel)
      .map((record) => record.msg);
  return { child, exited, messages };
}

async function runLauncher(env: Record<string, string>): Promise<{ code: number | null; errors: string[] }> {
  const launcher = startLauncher(env);
  const code = await launcher.exited;
  return { code, errors: launcher.messages(50) };
}

async function occupyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "0.0.0.0", () => r()));
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((r) => server.close(() => r())) };
}

async function closedPort(): Promise<number> {
  const { port, close } = await occupyPort();
  await close();
  return port;
}

describe("bad configuration stops start-up with one clear line", () => {
  it("names a malformed variable", async () => {
    const result = await runLauncher({ PORT: "abc" });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual(['Invalid environment variable PORT: must be a whole number (got "abc")']);
  });

  it("refuses a malformed DATABASE_URL without echoing it", async () => {
    const result = await runLauncher({ DATABASE_URL: "localhost:5432/chancery?password=s3cret" });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      "Invalid environment variable DATABASE_URL: must be a URL like postgresql://user:password@host:5432/database",
    ]);
  });

  it("waits for a database that cannot be reached yet, saying so, and stops cleanly when asked", async () => {
    const port = await closedPort();
    const launcher = startLauncher({ DATABASE_URL: `postgresql://chancery:pw@127.0.0.1:${port}/chancery`, PORT: String(await closedPort()) });
    const line = `waiting for the database: Cannot reach PostgreSQL at 127.0.0.1:${port}/chancery: connection refused (is the server running?). Retrying in 1 s.`;
    await expect.poll(() => launcher.messages(30), { timeout: 20_000 }).toContain(line);
    launcher.child.kill("SIGTERM");
    expect(await launcher.exited).toBe(0);
    expect(launcher.messages(50)).toEqual([]);
  });

  it("says when the web port is in use", async () => {
    const busy = await occupyPort();
    try {
      const result = await runLauncher({ PORT: String(busy.port) });
      expect(result.code).toBe(1);
      expect(result.errors).toEqual([
        `Port ${busy.port} is already in use: stop what is using it or set PORT to another port.`,
      ]);
    } finally {
      await busy.close();
    }
  });

  it("says when the embedded database's port is in use", async () => {
    const busy = await occupyPort();
    const dataDir = await tempDataFolder("start", cleanups);
    try {
      const result = await runLauncher({ EMBEDDED_PG_PORT: String(busy.port), PORT: String(await closedPort()), CHANCERY_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.errors).toEqual([
        `Port ${busy.port} for the embedded PostgreSQL is already in use: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own server.`,
      ]);
    } finally {
      await busy.close();
    }
  });
});
