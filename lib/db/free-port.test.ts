import net from "node:net";
import { describe, expect, it } from "vitest";
import { freePort } from "./embedded";

describe("freePort", () => {
  it("hands a process each port once, however many it asks for, and each is free to bind", async () => {
    // The kernel offers the ports of its ephemeral range again and again (about one in
    // eight of 2,000 asks repeated an earlier one here); tests start a server and its
    // PostgreSQL on two ports asked for in a row.
    const ports: number[] = [];
    for (let i = 0; i < 1500; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
    const last = ports.at(-1)!;
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(last, "127.0.0.1", resolve);
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
