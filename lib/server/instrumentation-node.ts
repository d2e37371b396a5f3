import { isDatabaseUnavailable } from "@/lib/db/errors";
import { isBuildPhase } from "@/lib/env/build-phase.mjs";
import { noteRequestFailure } from "./database-failures";
import type { Instrumentation } from "next";
import { createLogger, type Logger } from "@/lib/log/logger";
import { isPrimaryMessage } from "./messages";
import { REQUEST_ID_HEADER } from "./request-headers";

// Next runs with `quiet` in production (lib/server/web-worker.ts): this is where its
// request errors are logged, once, as JSON with the request id and the stack. The
// client only ever gets Next's error page or our plain message.
const logger = createLogger({ name: "next" });

/** At most one line per this span for requests that failed for want of the database. */
const UNAVAILABLE_LOG_EVERY_MS = 10_000;

/**
 * What Next's onRequestError does with a failed request: noted (for the 503 decision,
 * lib/server/database-failures.ts) and logged. A request that failed because the
 * database is away or too busy is not a fault of the request or of our code, and is
 * answered 503: one warning line now and then, saying how many more there were, instead
 * of a stack per request (a flood that the pool refused wrote 11,000 of them in four
 * minutes, 18 MB). Anything else: an error line with its stack.
 */
export function createRequestErrorLog(log: Logger, options: { everyMs?: number; now?: () => number } = {}) {
  const { everyMs = UNAVAILABLE_LOG_EVERY_MS, now = Date.now } = options;
  let loggedAt = Number.NEGATIVE_INFINITY;
  let since = 0;
  return (...[error, request, context]: Parameters<Instrumentation.onRequestError>): void => {
    noteRequestFailure(error);
    const id = request.headers[REQUEST_ID_HEADER];
    const where = { reqId: typeof id === "string" ? id : undefined, method: request.method, path: request.path.split("?")[0], route: context.routePath, routeType: context.routeType };
    if (!isDatabaseUnavailable(error)) {
      log.error({ err: error, ...where }, "request failed");
      return;
    }
    if (now() - loggedAt < everyMs) {
      since++;
      return;
    }
    const reason = (error instanceof Error ? error.message : String(error)).trim().split("\n").pop();
    log.warn({ ...where, reason, alsoFailedSinceLastLine: since }, "request failed: the database is away or too busy (answered 503)");
    loggedAt = now();
    since = 0;
  };
}

export const logRequestError = createRequestErrorLog(logger);

/** How long a starting web process waits for its database client to warm up before it takes requests anyway. */
const WARM_UP_MS = 5_000;

/**
 * What the first reader after every start paid for: the first ORM query of a process
 * compiles Prisma's query compiler (WebAssembly; 90-150 ms in a script on this
 * machine), and each of the connections a page opens at once pays for its password
 * exchange and its session's cold catalog (openConnections): the whole main pool is
 * opened, and kept open, and so are search's connections. Done here, before the
 * process listens (Next awaits `register` while preparing; lib/server/web-worker.ts
 * listens after that). A database that is down or slow only delays the start by
 * WARM_UP_MS: the process then answers as it would have (its health check says the
 * database is unavailable).
 */
export async function warmDatabaseClient(): Promise<void> {
  if (!process.env.DATABASE_URL || isBuildPhase()) return;
  const started = performance.now();
  const [{ db, openConnections, MAIN_POOL_SIZE }, { openSearchConnections }] = await Promise.all([import("@/lib/db/client"), import("@/lib/search/pool")]);
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    Promise.all([db.country.findFirst({ select: { iso2: true } }), openConnections(MAIN_POOL_SIZE), openSearchConnections()]).then(
      () => "ready" as const,
      (error: unknown) => error,
    ),
    new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), WARM_UP_MS))),
  ]);
  clearTimeout(timer);
  if (outcome === "ready") logger.debug(`database client warmed up in ${Math.round(performance.now() - started)} ms`);
  else logger.warn({ err: outcome === "late" ? undefined : outcome }, outcome === "late" ? "the database did not answer the warm-up in time" : "the database warm-up failed");
}

/** Runs once when a web process starts: its share of the background work (webhook deliveries). */
export function registerNode(): void {
  void import("@/lib/jobs/background").then(({ startBackgroundWork, stopBackgroundWork }) => {
    startBackgroundWork((message, error) => logger.error({ err: error }, message)).catch((error: unknown) =>
      logger.error({ err: error }, "the webhook delivery worker did not start"),
    );
    // The launcher asks each web process to stop (lib/server/web-worker.ts): let the delivery in hand finish.
    process.on("message", (message: unknown) => {
      if (isPrimaryMessage(message) && message.chancery === "shutdown") void stopBackgroundWork();
    });
  });
}
