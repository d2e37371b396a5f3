import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Runs the launcher as `npm start` would and returns its exit code and output. */
function runLauncher(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "", NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
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

const oneLine = (text: string) => text.trim().split("\n");

describe("bad configuration stops start-up with one clear line", () => {
  it("names a malformed variable", async () => {
    const result = await runLauncher({ PORT: "abc" });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual(['[chancery] Invalid environment variable PORT: must be a number (got "abc")']);
  });

  it("refuses a malformed DATABASE_URL without echoing it", async () => {
    const result = await runLauncher({ DATABASE_URL: "localhost:5432/chancery?password=s3cret" });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual([
      "[chancery] Invalid environment variable DATABASE_URL: must be a URL like postgresql://user:password@host:5432/database",
    ]);
  });

  it("says when the database cannot be reached", async () => {
    const port = await closedPort();
    const result = await runLauncher({ DATABASE_URL: `postgresql://chancery:pw@127.0.0.1:${port}/chancery`, PORT: String(await closedPort()) });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual([
      `[chancery] Cannot reach PostgreSQL at 127.0.0.1:${port}/chancery: connection refused (is the server running?).`,
    ]);
  });

  it("says when the web port is in use", async () => {
    const busy = await occupyPort();
    try {
      const result = await runLauncher({ PORT: String(busy.port) });
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toEqual([
        `[chancery] Port ${busy.port} is already in use: stop what is using it or set PORT to another port.`,
      ]);
    } finally {
      await busy.close();
    }
  });

  it("says when the embedded database's port is in use", async () => {
    const busy = await occupyPort();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "chancery-start-"));
    chmodSync(dataDir, 0o755);
    try {
      const result = await runLauncher({ EMBEDDED_PG_PORT: String(busy.port), PORT: String(await closedPort()), CHANCERY_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toEqual([
        `[chancery] Port ${busy.port} for the embedded PostgreSQL is already in use: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own server.`,
      ]);
    } finally {
      await busy.close();
    }
  });
});
