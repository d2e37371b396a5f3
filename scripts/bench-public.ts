/**
 * `npm run bench:public`: measures the public pages of a started Chancery.
 *
 *   BENCH_URL=http://127.0.0.1:3000 npm run bench:public
 *
 * Each page is requested once to warm the cache, then hammered by BENCH_CONCURRENCY
 * clients for BENCH_SECONDS; prints the median and p95 latency and requests per
 * second. Runs for a bounded time and exits by itself. Read-only: it only GETs.
 */
const base = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);

const PAGES = [
  "/events/kazakhstan-to-join-the-abraham-accords",
  "/statements/trump-kazakhstan-first-of-many",
  "/countries/kz",
  "/relations/il-kz",
  "/agreements/abraham-accords",
  "/people/donald-trump",
  "/topics/normalization",
  "/",
  "/countries",
  "/agreements",
  "/corrections",
];

if (!new URL(base).hostname.match(/^(127\.0\.0\.1|localhost|\[::1\])$/)) {
  console.error(`bench-public only runs against a local instance; ${base} is not one.`);
  process.exit(2);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function benchPage(path: string) {
  const url = base + path;
  const warm = await fetch(url);
  await warm.arrayBuffer();
  if (warm.status !== 200) return { path, error: `status ${warm.status}` };
  const latencies: number[] = [];
  let failures = 0;
  let bytes = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
          const body = await response.arrayBuffer();
          if (response.status !== 200) failures++;
          bytes = body.byteLength;
          latencies.push(performance.now() - t0);
        } catch {
          failures++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    path,
    requests: latencies.length,
    rps: latencies.length / elapsed,
    median: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    failures,
    kb: bytes / 1024,
    cache: warm.headers.get("x-nextjs-cache") ?? "dynamic",
  };
}

async function main() {
  try {
    const ready = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(5_000) });
    if (ready.status !== 200) throw new Error(`status ${ready.status}`);
  } catch (error) {
    console.error(`No ready Chancery at ${base} (${(error as Error).message}). Start one with \`npm start\` first.`);
    process.exit(2);
  }
  console.log(`Chancery public pages at ${base}: ${concurrency} concurrent clients, ${seconds} s per page\n`);
  console.log("page".padEnd(50), "served".padEnd(8), "KB".padStart(6), "req/s".padStart(8), "median ms".padStart(10), "p95 ms".padStart(8), "fail".padStart(5));
  for (const path of PAGES) {
    const r = await benchPage(path);
    if ("error" in r) {
      console.log(path.padEnd(50), r.error);
      continue;
    }
    console.log(
      path.padEnd(50),
      r.cache.padEnd(8),
      r.kb.toFixed(1).padStart(6),
      r.rps.toFixed(0).padStart(8),
      r.median.toFixed(1).padStart(10),
      r.p95.toFixed(1).padStart(8),
      String(r.failures).padStart(5),
    );
  }
}

await main();

export {};
