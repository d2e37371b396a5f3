import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "./embedded";

const ephemeralStart = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);

describe("freePort", () => {
  it("hands a process each port once, however many it asks for, each below the ephemeral range and free to bind", async () => {
    // The kernel's own choice repeated an earlier port in about one of eight of 2,000
    // asks here, and client sockets take their ports from that same range.
    const ports: number[] = [];
    for (let i = 0; i < 1500; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
    expect(Math.max(...ports)).toBeLessThan(ephemeralStart);
    const last = ports.at(-1)!;
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(last, "127.0.0.1", resolve);
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("passes over a port something is listening on", async () => {
    const taken: net.Server[] = [];
    try {
      // Hold a thousand ports; none of them may come back.
      const held = new Set<number>();
      for (let port = 20000; port < 21000; port++) {
        const server = net.createServer();
        await new Promise<void>((resolve) => {
          server.once("error", () => resolve());
          server.listen(port, "127.0.0.1", () => {
            held.add(port);
            taken.push(server);
            resolve();
          });
        });
      }
      for (let i = 0; i < 2000; i++) expect(held.has(await freePort())).toBe(false);
    } finally {
      await Promise.all(taken.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });

  it("prints distinct ports as a script, for Playwright's synchronous config", () => {
    const out = execFileSync(process.execPath, [path.join(import.meta.dirname, "../../scripts/free-ports.mjs"), "5"]).toString();
    const ports = out.trim().split("\n").map(Number);
    expect(ports).toHaveLength(5);
    expect(new Set(ports).size).toBe(5);
    for (const port of ports) expect(port).toBeLessThan(ephemeralStart);
  });
});
