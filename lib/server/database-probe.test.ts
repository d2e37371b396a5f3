import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { cleanupsAfterAll, tempDataFolder } from "@/lib/testing/temp-folders";
import { createDatabaseProbe } from "./database-probe";

const cleanups = cleanupsAfterAll();

describe("the database probe behind the 503 decision", () => {
  it("says yes while PostgreSQL answers, no from the moment it is stopped, and yes again once it is back", async () => {
    const root = await tempDataFolder("probe", cleanups);
    const port = await freePort();
    const options = { dataDir: path.join(root, "postgres"), port, superuserPassword: "probe-test-password" };
    let server = await startEmbeddedPostgres(options);
    cleanups.push(() => server.stop());
    const probe = createDatabaseProbe(server.urlFor("postgres"), { reuseMs: 0, timeoutMs: 2_000 });

    expect(await probe.isAvailable()).toBe(true);
    await server.stop();
    // No connection of its own outlives the probe, so the first question after the stop is answered no.
    expect(await probe.isAvailable()).toBe(false);
    server = await startEmbeddedPostgres(options);
    expect(await probe.isAvailable()).toBe(true);
  }, 60_000);

  it("with the database unreachable, every asker at once is told no, and the answer is reused for its window", async () => {
    const unreachable = `postgresql://nobody:nothing@127.0.0.1:${await freePort()}/none`;
    const probe = createDatabaseProbe(unreachable, { reuseMs: 60_000, timeoutMs: 1_000 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => probe.isAvailable()));
    expect(answers.every((a) => a === false)).toBe(true);
    expect(await probe.isAvailable()).toBe(false);
  });
});
