import pg from "pg";
import { describe, expect, it } from "vitest";
import { HUGE_PAGES_WORTH_MB, readSharedMemory, sharedMemoryLine, type SharedMemory } from "./shared-memory";

describe("PostgreSQL's shared memory, as the start says it", () => {
  it("reads what the server shows, as the app's own role", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const memory = await readSharedMemory(client);
      const shown = (await client.query("SELECT current_setting('shared_buffers') AS b, pg_size_bytes(current_setting('shared_buffers'))::float8 AS n, current_setting('server_version_num')::int AS v")).rows[0];
      expect(memory.sharedBuffers).toBe(shown.b);
      expect(memory.sharedBufferBytes).toBe(shown.n);
      expect(memory.sharedBufferBytes).toBeGreaterThanOrEqual(128 * 2 ** 20);
      // The test database is PostgreSQL 18: both settings exist, and the segment needs at least its buffers' huge pages.
      expect(shown.v).toBeGreaterThanOrEqual(170000);
      expect(["on", "off"]).toContain(memory.hugePages);
      expect(memory.hugePagesNeeded).toBeGreaterThanOrEqual(memory.sharedBufferBytes / 2 ** 21);
    } finally {
      await client.end();
    }
  });

  const gigabyte: SharedMemory = { sharedBuffers: "1GB", sharedBufferBytes: 2 ** 30, hugePages: "off", hugePagesNeeded: 548 };

  it("says how many huge pages to reserve when large buffers have none", () => {
    const line = sharedMemoryLine(gigabyte);
    expect(line).toMatch(/^PostgreSQL's shared buffers: 1GB, without huge pages; /);
    expect(line).toContain("vm.nr_hugepages = 548");
    expect(line).toContain('docs/deployment.md, "Huge pages for PostgreSQL"');
  });

  it("says no more than the facts otherwise", () => {
    expect(sharedMemoryLine({ ...gigabyte, hugePages: "on" })).toBe("PostgreSQL's shared buffers: 1GB, in huge pages");
    const small = { sharedBuffers: "128MB", sharedBufferBytes: 128 * 2 ** 20, hugePages: "off", hugePagesNeeded: 70 };
    expect(small.sharedBufferBytes).toBeLessThan(HUGE_PAGES_WORTH_MB * 2 ** 20);
    expect(sharedMemoryLine(small)).toBe("PostgreSQL's shared buffers: 128MB, without huge pages");
    // PostgreSQL 14 to 16 have no huge_pages_status.
    expect(sharedMemoryLine({ ...gigabyte, hugePages: null, hugePagesNeeded: null })).toBe("PostgreSQL's shared buffers: 1GB");
  });
});
