/**
 * What PostgreSQL's shared memory is made of, said once at start (the launcher, through
 * lib/startup/prepare.ts) and printed by the benchmarks beside their figures.
 *
 * Every PostgreSQL connection is a process that maps the shared buffers page by page as it
 * first touches them: a page fault for each 4 KB page of an 8 KB buffer, slow on virtual
 * machines. In huge pages (2 MB) one fault maps 256 buffers. On the scale record it halved
 * PostgreSQL's CPU for a fresh web process's first searches and lists
 * (docs/deployment.md, "Huge pages for PostgreSQL").
 */

/** The settings read (all readable by any role). */
export interface SharedMemory {
  /** `shared_buffers` as PostgreSQL shows it ("1GB"). */
  sharedBuffers: string;
  sharedBufferBytes: number;
  /** `huge_pages_status` (PostgreSQL 17 and later): "on", "off" or "unknown"; null before 17. */
  hugePages: string | null;
  /** `shared_memory_size_in_huge_pages` (PostgreSQL 15 and later): the huge pages the whole segment needs; null before 15. */
  hugePagesNeeded: number | null;
}

type Queryable = { query: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }> };

/** Reads the settings; a setting the server does not have (an older version) reads as null. */
export async function readSharedMemory(client: Queryable): Promise<SharedMemory> {
  const { rows } = await client.query(
    `SELECT current_setting('shared_buffers') AS shared_buffers,
            pg_size_bytes(current_setting('shared_buffers'))::float8 AS shared_buffer_bytes,
            current_setting('huge_pages_status', true) AS huge_pages,
            current_setting('shared_memory_size_in_huge_pages', true) AS huge_pages_needed`,
  );
  const row = rows[0] ?? {};
  const needed = Number(row.huge_pages_needed);
  return {
    sharedBuffers: String(row.shared_buffers ?? ""),
    sharedBufferBytes: Number(row.shared_buffer_bytes ?? 0),
    hugePages: typeof row.huge_pages === "string" && row.huge_pages !== "" ? row.huge_pages : null,
    hugePagesNeeded: Number.isInteger(needed) && needed > 0 ? needed : null,
  };
}

/**
 * Below this much of shared buffers, what a connection can touch is mapped soon enough that
 * huge pages are not worth an operator's time (PostgreSQL's default is 128 MB).
 */
export const HUGE_PAGES_WORTH_MB = 512;

/** The start's line on it: always the buffers' size; the huge pages when the server says; how many to reserve when it has none and its buffers are large. */
export function sharedMemoryLine(memory: SharedMemory): string {
  const head = `PostgreSQL's shared buffers: ${memory.sharedBuffers}`;
  if (memory.hugePages === "on") return `${head}, in huge pages`;
  if (memory.hugePages !== "off") return head;
  if (memory.sharedBufferBytes < HUGE_PAGES_WORTH_MB * 2 ** 20) return `${head}, without huge pages`;
  const reserve = memory.hugePagesNeeded ? ` (vm.nr_hugepages = ${memory.hugePagesNeeded})` : "";
  return `${head}, without huge pages; on a large record, reserving them${reserve} cuts PostgreSQL's CPU a request by up to half (docs/deployment.md, "Huge pages for PostgreSQL")`;
}
