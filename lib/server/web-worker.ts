/**
 * One web process: Next.js behind Chancery's own HTTP server. Forked by the
 * launcher's cluster (lib/server/cluster.ts), one per core; all of them share the
 * listening port. The primary tells it when to stop; it never outlives the primary.
 */
import cluster from "node:cluster";
import { pathToFileURL } from "node:url";
import next from "next";
import { parseEnv } from "@/lib/env/schema";
import { consoleFor, createLogger } from "@/lib/log/logger";
import { sawDatabaseFailureWithin } from "./database-failures";
import { createDatabaseProbe } from "./database-probe";
import { createWebServer } from "./http-server";
import { unlinkRanImmediates } from "./immediate-links";
import { isPrimaryMessage, type WorkerMessage } from "./messages";
import { placeholderNonce } from "./nonce";
import { chooseWarmUpPages, EMPTY_RECORD_WARM_UP } from "./warm-up-pages";

// Before Next and React load: they take setImmediate from the global when they schedule work.
unlinkRanImmediates();

const env = parseEnv(process.env);
const isDev = env.NODE_ENV === "development";
const logger = createLogger({ name: `web ${cluster.worker?.id ?? 0}` });
// What Next.js and libraries print becomes log lines too (with the request id).
globalThis.console = consoleFor(logger);

const send = (message: WorkerMessage) => process.send?.(message);

let metricsRequests = 0;
const pendingMetrics = new Map<number, (text: string) => void>();

function collectMetrics(): Promise<string> {
  // The primary gathers every worker's metrics (prom-client's cluster aggregation).
  const id = ++metricsRequests;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pendingMetrics.delete(id);
      reject(new Error("the primary did not answer with metrics"));
    }, 5_000);
    pendingMetrics.set(id, (text) => {
      clearTimeout(timer);
      pendingMetrics.delete(id);
      resolve(text);
    });
    send({ chancery: "metrics-request", id });
  });
}

/** Next's server inside the custom-server wrapper, as far as we reach into it (next/dist/server/next.js). */
type NextServer = { unstable_preloadEntries?: () => Promise<void>; nextConfig?: { cacheHandler?: string } };
type WithServer = { server?: { getServer?: () => Promise<NextServer | undefined> } };

/** Where Next looks for a runtime's own handlers when none is configured (next/dist/server/lib/incremental-cache). */
const NEXT_CACHE_HANDLERS = Symbol.for("@next/cache-handlers");

/**
 * Next imports the configured cache handler's module again for every request
 * (`getIncrementalCache` in next/dist/server/next-server.js: the path made a file URL, then
 * `import()`, each time): 5.3 % of a web process's CPU under the cached event page in a CPU
 * profile. Next also takes the handler class from a global that runtimes hosting it set
 * (`FetchCache` under Symbol.for("@next/cache-handlers"), read when no `cacheHandler` is
 * configured). The process imports the configured module once, from the URL Next uses, so
 * that it is the same module and the same cache, and hands it over there. `next build`, a bare
 * `next start` and development keep the configured one. `e2e/ops/two-servers.spec.ts` checks that
 * pages are kept (HIT) and expired by a write on the other server, which Next's own
 * handler would not do.
 */
async function handCacheHandlerOnce(server: NextServer | undefined) {
  const configured = server?.nextConfig?.cacheHandler;
  if (!server?.nextConfig || !configured) return;
  const handler = (await import(/* webpackIgnore: true */ pathToFileURL(configured).href)) as { default: unknown };
  const holder = globalThis as unknown as Record<symbol, Record<string, unknown> | undefined>;
  holder[NEXT_CACHE_HANDLERS] = { ...holder[NEXT_CACHE_HANDLERS], FetchCache: handler.default };
  server.nextConfig.cacheHandler = undefined;
}

/**
 * Next loads every route's code when it starts (experimental.preloadEntriesOnStart, on
 * by default) but does not wait for it: a process took requests while still loading,
 * and the first ones after a start waited behind it (the home page's first render 1.6 s
 * on the scale record with two processes). The process listens once its routes are
 * loaded; a Next without the hook is simply not waited for.
 */
async function loadEveryRoute(server: NextServer | undefined) {
  const started = performance.now();
  await server?.unstable_preloadEntries?.();
  logger.debug(`routes loaded in ${Math.round(performance.now() - started)} ms`);
}

/**
 * How long a starting web process may spend on its warm-up, choice included, before it
 * listens anyway. It takes 0.9-1.7 s on an idle machine. The bound was 5 s until
 * 2 December, when full npm tests served warm-up pages as misses
 * (e2e/ops/two-servers.spec.ts): a start beside the e2e suite's two saturated cores
 * takes longer (see CHOICE_TIMEOUT_MS for the case the server's log showed). A process
 * that cannot render two pages in 15 s would not serve readers sooner.
 */
const WARM_UP_MS = 15_000;

/**
 * The first page a web process rendered after a start paid for Next's renderer, React,
 * the layout and that page's own code running for the first time (a busy country's
 * page 0.54-0.66 s as the first request, 0.38-0.42 s after a 404 in the layout; as
 * the first country page of a process 329-536 ms, after another country's 150-196
 * ms). The process renders the pages of chooseWarmUpPages (a real country page and a
 * relation page; the 404 on an empty record) to itself, one after the other, before it
 * listens: the busiest country's page as the first request then took 217-269 ms
 * instead of 270-438 (docs/performance.md, "The warm-up renders real pages"), for
 * 0.9-1.7 s of warm-up instead of 0.4-0.6 s. Bounded by WARM_UP_MS: a choice or a
 * render that fails or hangs only delays the start, and the process then listens as
 * it would have.
 *
 * What the renders leave behind:
 * - The page cache (lib/cache/) may keep them, and their cached reads, as it keeps any
 *   reader's: through the same handler, dated from when the render began and tagged
 *   with what it read, so a write expires them like any other entry (here or on
 *   another server, through LISTEN/NOTIFY; the listener starts with the first render
 *   and catches up on what expired since the process started). The first reader of
 *   those pages then gets them from the cache.
 * - They cannot hold a draft or anyone's data: requested like an anonymous reader's
 *   (no cookie) through this same server, so they are exactly what any reader of
 *   those addresses gets; the public reads see only published rows, and the pages
 *   take their origin from NEXTAUTH_URL, never from the private port's Host.
 * - The database: one connection and one small query for the choice (the newest 100
 *   events' countries, by index; made while the routes load), then the two pages' own
 *   reads (about thirty index look-ups of 0.1-7 ms), one page at a time. Several
 *   processes and servers starting at once each do that much.
 * - Metrics and the request log count them as requests from 127.0.0.1.
 */
async function warmRendering(web: ReturnType<typeof createWebServer>, choosing: Promise<string[]>) {
  const started = performance.now();
  const deadline = started + WARM_UP_MS;
  // Bounded by its own timeouts (CHOICE_TIMEOUT_MS to connect, again to answer), and never rejects.
  const paths = await choosing;
  const done: string[] = [];
  const render = async (path: string) => {
    const left = Math.floor(deadline - performance.now());
    if (left < 1) throw new Error(`out of time before ${path}`);
    const status = await web.requestPrivately(path, left);
    done.push(`${path}: ${status}`);
    return status;
  };
  let failed = false;
  try {
    for (const path of paths) {
      // A page that failed (a 503 while the database is slow to give a connection, at a
      // start beside other work) is asked for once more while there is time: the point of
      // the warm-up is a page rendered and kept. A 404 is an answer (the empty record's).
      if ((await render(path)) >= 500 && (await render(path)) >= 500) failed = true;
    }
    const line = `rendering warmed up in ${Math.round(performance.now() - started)} ms (${done.join(", ")})`;
    if (failed) logger.warn(`${line}; a page failed, taking requests anyway`);
    else logger.debug(line);
  } catch (error) {
    logger.warn({ err: error, done }, "the warm-up render failed; taking requests anyway");
  }
}

/**
 * How long the choice of warm-up pages may wait to connect, and again for its answer. It
 * was 2 s until 2 December: a process of a server started beside the busy e2e suite could
 * not connect in that time, warmed up with the 404 instead, and served the warm-up pages
 * as misses while its sibling process served them as hits (e2e/ops/two-servers.spec.ts).
 */
const CHOICE_TIMEOUT_MS = 5_000;

/** chooseWarmUpPages, or the 404 when the database does not tell. */
function chooseWarmUpPagesOrNotFound(): Promise<string[]> {
  return chooseWarmUpPages(process.env.DATABASE_URL ?? "", { timeoutMs: CHOICE_TIMEOUT_MS }).catch((error: unknown) => {
    logger.warn({ err: error }, "could not choose the pages to warm up with; warming up with a 404");
    return EMPTY_RECORD_WARM_UP;
  });
}

async function main() {
  // Chosen while the routes load: the answer is usually there before it is needed.
  const choosing = isDev ? null : chooseWarmUpPagesOrNotFound();
  const app = next({ dev: isDev, dir: process.cwd(), hostname: env.HOSTNAME, port: env.PORT, quiet: !isDev });
  await app.prepare();
  const server = await (app as WithServer).server?.getServer?.();
  // Development keeps Next's own way of loading it.
  if (!isDev) await handCacheHandlerOnce(server);
  await loadEveryRoute(server);
  const handle = app.getRequestHandler();
  const probe = createDatabaseProbe(process.env.DATABASE_URL ?? "");
  const web = createWebServer({
    handle: (req, res) => handle(req, res),
    logger,
    isDev,
    trustProxy: env.TRUST_PROXY,
    security: { isDev, isHttps: (process.env.NEXTAUTH_URL ?? "").startsWith("https:") },
    placeholder: placeholderNonce(process.env.NEXTAUTH_SECRET ?? ""),
    requestTimeoutMs: env.REQUEST_TIMEOUT_SECONDS * 1000,
    maxConcurrentRequests: env.MAX_CONCURRENT_REQUESTS,
    // A request that just failed for want of the database is believed over the probe.
    isDatabaseAvailable: async () => !sawDatabaseFailureWithin(2_000) && (await probe.isAvailable()),
    metrics: { token: env.METRICS_TOKEN, collect: collectMetrics },
  });

  let stopping: Promise<void> | null = null;
  const stop = (deadlineMs: number) =>
    (stopping ??= (async () => {
      const result = await web.close(deadlineMs);
      if (result === "cut") logger.warn("requests still running at the shutdown deadline were cut");
      await Promise.allSettled([app.close(), probe.close()]);
      process.exit(0);
    })());

  process.on("message", (message: unknown) => {
    if (!isPrimaryMessage(message)) return;
    if (message.chancery === "shutdown") void stop(message.deadlineMs);
    if (message.chancery === "metrics") pendingMetrics.get(message.id)?.(message.text);
  });
  // The primary went away (even by SIGKILL): finish what is running and go.
  process.on("disconnect", () => void stop(env.SHUTDOWN_TIMEOUT_SECONDS * 1000));
  // Ctrl-C reaches every process of the terminal's group; the primary orchestrates the stop.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => {});

  if (choosing) await warmRendering(web, choosing);
  web.server.listen(env.PORT, env.HOSTNAME);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "the web process could not start");
  process.exit(1);
});
