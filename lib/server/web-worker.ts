/**
 * One web process: Next.js behind Chancery's own HTTP server. Forked by the
 * launcher's cluster (lib/server/cluster.ts), one per core; all of them share the
 * listening port. The primary tells it when to stop; it never outlives the primary.
 */
import cluster from "node:cluster";
import next from "next";
import { parseEnv } from "@/lib/env/schema";
import { consoleFor, createLogger } from "@/lib/log/logger";
import { sawDatabaseFailureWithin } from "./database-failures";
import { createDatabaseProbe } from "./database-probe";
import { createWebServer } from "./http-server";
import { unlinkRanImmediates } from "./immediate-links";
import { isPrimaryMessage, type WorkerMessage } from "./messages";
import { placeholderNonce } from "./nonce";

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

/** Next's server inside the custom-server wrapper, as far as its start-up preload goes (next/dist/server/next.js). */
type WithPreload = { server?: { getServer?: () => Promise<{ unstable_preloadEntries?: () => Promise<void> } | undefined> } };

/**
 * Next loads every route's code when it starts (experimental.preloadEntriesOnStart, on
 * by default) but does not wait for it: a process took requests while still loading,
 * and the first ones after a start waited behind it (the home page's first render 1.6 s
 * on the scale record with two processes). The process listens once its routes are
 * loaded; a Next without the hook is simply not waited for.
 */
async function loadEveryRoute(app: unknown) {
  const started = performance.now();
  const server = await (app as WithPreload).server?.getServer?.();
  await server?.unstable_preloadEntries?.();
  logger.debug(`routes loaded in ${Math.round(performance.now() - started)} ms`);
}

/**
 * A path that renders a public page dynamically and reads (almost) nothing: a country
 * page for a code no country has ("zz" is reserved for private use), so the answer is
 * the site's 404 page inside its layout. Nothing it reads is cached for another page.
 */
const WARM_UP_PATH = "/countries/zz";

/**
 * The first page a web process rendered after a start paid 200-300 ms more than the
 * same page later (measured on the scale record: a busy country's page 0.54-0.66 s
 * first, 0.38-0.42 s after one such render): Next's renderer, React and the layout's code
 * ran for the first time (instantiated, compiled), and one-time set-ups (the Server
 * Actions' key) happened on that reader's time. The process renders WARM_UP_PATH once,
 * to itself, before it listens. Bounded: a render that fails or hangs only delays the
 * start, and the process then listens as it would have.
 */
async function warmRendering(web: ReturnType<typeof createWebServer>) {
  const started = performance.now();
  try {
    const status = await web.requestPrivately(WARM_UP_PATH, 5_000);
    logger.debug(`rendering warmed up in ${Math.round(performance.now() - started)} ms (${WARM_UP_PATH}: ${status})`);
  } catch (error) {
    logger.warn({ err: error }, "the warm-up render failed; taking requests anyway");
  }
}

async function main() {
  const app = next({ dev: isDev, dir: process.cwd(), hostname: env.HOSTNAME, port: env.PORT, quiet: !isDev });
  await app.prepare();
  await loadEveryRoute(app);
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

  if (!isDev) await warmRendering(web);
  web.server.listen(env.PORT, env.HOSTNAME);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "the web process could not start");
  process.exit(1);
});
