/**
 * `npm run bench:lookup`: how fast the desk's pickers answer. Starts a throw-away
 * embedded PostgreSQL (or uses BENCH_DATABASE_URL's server), loads the demo
 * record, times searchEntities over many typed prefixes, then adds 20,000
 * synthetic people and organizations and times it again. Prints median and p95.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { loadCountries } from "@/lib/seed/countries";
import { loadDemoRecord } from "@/lib/seed/load-demo";

const QUERIES: Array<[kind: "country" | "person" | "organization" | "event" | "agreement" | "topic", q: string]> = [
  ["country", "k"], ["country", "ka"], ["country", "kaz"], ["country", "KZ"], ["country", "isr"], ["country", "united"], ["country", "sudn"],
  ["person", "r"], ["person", "ru"], ["person", "rub"], ["person", "rubio"], ["person", "netanyahou"], ["person", "tokay"], ["person", "abdul"], ["person", "mar"],
  ["organization", "un"], ["organization", "state dep"], ["organization", "european"], ["organization", "c5"], ["organization", "ministry"],
  ["event", "c5"], ["event", "abraham"], ["event", "kazakhstan joins"], ["event", "call"], ["event", ""],
  ["agreement", "abr"], ["agreement", "joint decl"], ["agreement", "peace"],
  ["topic", "en"], ["topic", "cyber"], ["topic", ""],
];
const ROUNDS = 20;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

async function measure(label: string, searchEntities: typeof import("@/lib/lookup/search-entities").searchEntities) {
  // Warm the pool and the plan cache first: the desk's server is long-running.
  for (const [kind, q] of QUERIES) await searchEntities({ kind, q });
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [kind, q] of QUERIES) {
      const started = performance.now();
      await searchEntities({ kind, q, limit: 8 });
      const ms = performance.now() - started;
      all.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    }
  }
  const fmt = (s: ReturnType<typeof stats>) => `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(2)} ms (n=${s.n})`;
  console.log(`\n${label}`);
  console.log(`  all kinds     ${fmt(stats(all))}`);
  for (const [kind, samples] of byKind) console.log(`  ${kind.padEnd(13)} ${fmt(stats(samples))}`);
}

async function addSyntheticRecords(url: string, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Names from syllables, so trigrams look like real names rather than random noise.
  await client.query(
    `WITH syl AS (SELECT ARRAY['ka','zar','mi','lo','ven','ti','ra','sa','bel','dor','an','ne','ru','bi','o','yev','tok','ma','li','hu'] AS s)
     INSERT INTO "Person" ("id", "slug", "name", "countryId", "updatedAt")
     SELECT 'bench-p-' || g, 'bench-person-' || g,
       initcap(s[1 + g % 20] || s[1 + (g / 20) % 20] || s[1 + (g / 400) % 20]) || ' ' || initcap(s[1 + (g / 7) % 20] || s[1 + (g / 13) % 20] || s[1 + (g / 3) % 20] || s[1 + g % 7]),
       NULL, now()
     FROM generate_series(1, $1::int) g, syl`,
    [count],
  );
  await client.query(
    `INSERT INTO "Organization" ("id", "slug", "name", "kind", "updatedAt")
     SELECT 'bench-o-' || g, 'bench-org-' || g, 'Synthetic Council ' || g || ' of ' || (ARRAY['Trade','Energy','Defense','Water','Culture'])[1 + g % 5], 'OTHER', now()
     FROM generate_series(1, $1::int) g`,
    [Math.floor(count / 4)],
  );
  await client.query(`ANALYZE`);
  await client.end();
}

async function main() {
  let stopServer: (() => Promise<void>) | null = null;
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let dir: string | null = null;
  if (!adminUrl) {
    dir = await mkdtemp(path.join(os.tmpdir(), "chancery-bench-"));
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), ephemeral: true });
    adminUrl = server.adminUrl;
    stopServer = () => server.stop();
  }
  const name = `chancery_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  try {
    await migrate({ connectionString: url.toString() });
    const { db } = await import("@/lib/db/client");
    await loadCountries(db);
    await loadDemoRecord(db);
    const { searchEntities } = await import("@/lib/lookup/search-entities");
    await measure("Demo record (249 countries, 10 people, 5 organizations, 17 events):", searchEntities);
    await addSyntheticRecords(url.toString(), 20_000);
    await measure("With 20,000 more people and 5,000 more organizations:", searchEntities);
    await db.$disconnect();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await stopServer?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
