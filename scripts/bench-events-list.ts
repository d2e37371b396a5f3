/**
 * `npm run bench:list`: how the public event list pages, deep into a large record.
 * Starts a throw-away embedded PostgreSQL, migrates it, inserts N published events
 * (BENCH_EVENTS, default 200,000) and times page 1 and page 1000 with keyset
 * paging (what /events, the feeds and the API use) and with OFFSET, for comparison.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { eventConditions } from "@/lib/api/filters";
import { keysetPage, offsetPage, type KeysetSource } from "@/lib/api/keyset";

const TOTAL = Number(process.env.BENCH_EVENTS ?? 200_000);
const PAGE_SIZE = 20;
const DEEP_PAGE = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(run: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 5; i++) await run(); // warm the cache and the plan
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return stats(samples);
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "chancery-bench-"));
  await chmod(dir, 0o755); // as root, the server runs as user postgres
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), ephemeral: true });
  try {
    await pg.createDatabase("bench");
    const url = pg.urlFor("bench");
    await migrate({ connectionString: url });
    const db = createDb(url, { max: 2 });
    console.log(`inserting ${TOTAL.toLocaleString("en")} published events…`);
    const started = Date.now();
    await db.$executeRawUnsafe(`
      INSERT INTO "Event" (id, slug, title, summary, body, type, date, status, "publishedAt", "updatedAt")
      SELECT 'bench' || lpad(g::text, 8, '0'), 'bench-event-' || g, 'Bench event ' || g, 'Summary of bench event ' || g, '',
             (ARRAY['MEETING','PHONE_CALL','SUMMIT','VISIT']::"EventType"[])[1 + g % 4],
             CASE WHEN g % 5000 = 0 THEN NULL ELSE date '1990-01-01' + (g % 12000) END,
             CASE WHEN g % 10 = 0 THEN 'DRAFT'::"PublicationStatus" ELSE 'PUBLISHED'::"PublicationStatus" END,
             now(), now()
      FROM generate_series(1, ${Math.round(TOTAL / 0.9)}) g`);
    await db.$executeRawUnsafe(`ANALYZE "Event"`);
    const published = await db.event.count({ where: { status: "PUBLISHED" } });
    console.log(`  ${published.toLocaleString("en")} published (plus drafts) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    const source: KeysetSource = { table: "Event", dateColumn: "date", where: eventConditions({}) };
    // The cursor a reader holds on reaching page 1000: the last row of page 999.
    let cursor: string | null = null;
    const deepOffset = (DEEP_PAGE - 1) * PAGE_SIZE;
    const [lastOfPrevious] = await db.$queryRawUnsafe<Array<{ id: string; date: Date | null }>>(
      `SELECT id, date FROM "Event" WHERE status = 'PUBLISHED' ORDER BY date DESC NULLS FIRST, id DESC OFFSET ${deepOffset - 1} LIMIT 1`,
    );
    cursor = encodeCursor({ direction: "after", date: lastOfPrevious!.date?.toISOString().slice(0, 10) ?? null, id: lastOfPrevious!.id });

    const keysetDeep = await keysetPage(db, source, { cursor: decodeCursor(cursor), limit: PAGE_SIZE });
    const offsetDeep = await offsetPage(db, source, { offset: deepOffset, limit: PAGE_SIZE });
    if (JSON.stringify(keysetDeep.ids) !== JSON.stringify(offsetDeep)) throw new Error("keyset and OFFSET disagree on page 1000");

    const results: Record<string, { median: number; p95: number }> = {
      "keyset page 1": await time(() => keysetPage(db, source, { limit: PAGE_SIZE })),
      [`keyset page ${DEEP_PAGE}`]: await time(() => keysetPage(db, source, { cursor: decodeCursor(cursor!), limit: PAGE_SIZE })),
      "OFFSET page 1": await time(() => offsetPage(db, source, { offset: 0, limit: PAGE_SIZE })),
      [`OFFSET page ${DEEP_PAGE}`]: await time(() => offsetPage(db, source, { offset: deepOffset, limit: PAGE_SIZE })),
    };
    const kzSource: KeysetSource = { table: "Event", dateColumn: "date", where: eventConditions({ type: "SUMMIT" }) };
    results["keyset page 1, type=SUMMIT"] = await time(() => keysetPage(db, kzSource, { limit: PAGE_SIZE }));

    console.log(`${RUNS} runs each, ${PAGE_SIZE} rows a page (ids only, as the list queries them):`);
    for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(28)} median ${r.median.toFixed(2).padStart(7)} ms   p95 ${r.p95.toFixed(2).padStart(7)} ms`);
    const k1 = results["keyset page 1"]!.median;
    const kd = results[`keyset page ${DEEP_PAGE}`]!.median;
    const od = results[`OFFSET page ${DEEP_PAGE}`]!.median;
    console.log(`\n  keyset page ${DEEP_PAGE} / keyset page 1: ${(kd / k1).toFixed(2)}×`);
    console.log(`  OFFSET page ${DEEP_PAGE} / keyset page ${DEEP_PAGE}: ${(od / kd).toFixed(1)}×`);

    const plan = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(
      `EXPLAIN SELECT t.id FROM "Event" t WHERE t.status = 'PUBLISHED' AND t.date IS NOT NULL AND (t.date, t.id) < ('2000-01-01'::date, 'x') ORDER BY t.date DESC NULLS FIRST, t.id DESC LIMIT 21`,
    );
    console.log(`\n  keyset plan: ${plan.map((r) => r["QUERY PLAN"].trim()).slice(0, 2).join(" | ")}`);
    await db.$disconnect();
  } finally {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
