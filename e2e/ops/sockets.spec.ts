import net from "node:net";
import { expect, test } from "@playwright/test";

/**
 * Slow bodies and upgrades, sent as an attacker would. The e2e server runs with
 * REQUEST_TIMEOUT_SECONDS lowered (playwright.config.ts) so that "closed by the
 * server" is seen in seconds; the default (30 s) is checked in lib/env.
 */
const port = Number(process.env.E2E_PORT);

/** Connects, sends `data`, and resolves with what the server sent once it closed the connection. */
function sendAndWaitForClose(data: string): { received: Promise<string>; socket: net.Socket } {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (d: Buffer) => (received += d.toString()));
  socket.on("error", () => {});
  socket.write(data);
  return { socket, received: new Promise((resolve) => socket.once("close", () => resolve(received))) };
}

test("50 POSTs that declare 1 MB and send 10 bytes are all closed by the server, and the site keeps answering", async ({ request }) => {
  const slow = Array.from({ length: 50 }, () =>
    sendAndWaitForClose(
      "POST /api/invitations/accept HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{\"token\":",
    ),
  );
  // While they hang, readers are served.
  expect((await request.get("/api/health")).status()).toBe(200);
  const answers = await Promise.all(slow.map((s) => s.received));
  // Node answers 408 Request Timeout as it closes (or just closes, if the body was being read).
  for (const answer of answers) expect(answer).toMatch(/^(HTTP\/1\.1 408 [\s\S]*)?$/);
  expect(slow.every((s) => s.socket.destroyed)).toBe(true);
});

test("a connection that sends nothing is closed by the server", async () => {
  const idle = sendAndWaitForClose("");
  expect(await idle.received).toBe("");
});

test("WebSocket upgrade requests are refused at once, on any path", async () => {
  for (const path of ["/", "/_next/webpack-hmr", "/api/v1/events", "/dashboard"]) {
    const { received } = sendAndWaitForClose(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    expect(await received).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  }
});
