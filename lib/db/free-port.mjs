// @ts-check
import { readFileSync } from "node:fs";
import net from "node:net";

/**
 * Ports for the servers that tests and benchmarks start (Chancery, its PostgreSQL, nginx,
 * an SMTP sink), free on 127.0.0.1 when handed out.
 *
 * Not the kernel's own choice (`listen(0)`): that comes from the ephemeral range, which
 * the kernel also gives to every client socket, and it offers the same ports again and
 * again. Both broke e2e runs: two asks in a row gave a server and its PostgreSQL one
 * port, and a port chosen before start-up can be a migration's connection's own by the
 * time the server binds it (EADDRINUSE). So a port is drawn at random from below the
 * ephemeral range, tried, and never handed to one process twice.
 */

/** The first port of the kernel's ephemeral range (Linux's default is 32768). */
function ephemeralRangeStart() {
  try {
    const first = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
    if (Number.isInteger(first) && first > LOWEST + 1000) return first;
  } catch {
    // Not Linux: its default is below every other system's range.
  }
  return 32768;
}

/** Below the ports of common services (PostgreSQL 5432, dev servers 3000–9999). */
const LOWEST = 15000;
const highest = ephemeralRangeStart() - 1;
/** @type {Set<number>} */
const handedOut = new Set();

/** @param {number} port */
function canBind(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port free on 127.0.0.1 now, outside the ephemeral range, not handed to this process before. */
export async function freePort() {
  for (let tries = 0; tries < 1000; tries++) {
    const port = LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1));
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await canBind(port)) return port;
  }
  throw new Error(`no free port between ${LOWEST} and ${highest} on 127.0.0.1`);
}
