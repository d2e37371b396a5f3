import { randomUUID, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { Logger } from "@/lib/log/logger";
import { requestContext } from "@/lib/log/request-context";
import { routeGroup, webMetrics } from "./metrics";
import { newNonce } from "./nonce";
import { PEER_ADDRESS_HEADER, REQUEST_ID_HEADER } from "./request-headers";
import { ChanceryResponse, type ResponsePlan } from "./response";
import type { SecurityHeaderOptions } from "./security-headers";

export interface WebServerOptions {
  /** Next.js's request handler. */
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  logger: Logger;
  isDev: boolean;
  /** TRUST_PROXY: accept the proxy's X-Request-Id. */
  trustProxy: boolean;
  security: SecurityHeaderOptions;
  /** What Next renders where the nonce goes (lib/server/nonce.ts). */
  placeholder: string;
  /** REQUEST_TIMEOUT_SECONDS, in ms: headers and body must arrive within it; idle sockets close after it. */
  requestTimeoutMs: number;
  /** MAX_CONCURRENT_REQUESTS: requests in hand at once; more are answered 503 at once. */
  maxConcurrentRequests: number;
  isDatabaseAvailable: () => Promise<boolean>;
  metrics: { token: string | undefined; collect: () => Promise<string> };
}

const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Paths whose last segment is a secret (invitation and reset tokens) are logged without it. */
function loggedPath(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0]!;
  return path.replace(/^\/(invite|reset)\/[^/]+/, "/$1/…").slice(0, 512);
}

/** Whether the path's percent-escapes decode to text (a lone surrogate such as %ED%A0%80, or a stray %, do not). */
export function isDecodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]!);
    return true;
  } catch {
    return false;
  }
}

function tokenMatches(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(`Bearer ${expected}`);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Chancery's HTTP server in front of Next.js's handler. Per request: an id, the TCP
 * peer's address and the nonce placeholder as headers Next can read (each
 * overwriting whatever a client sent under that name), the response treatment of
 * lib/server/response.ts, one access-log line and the metrics. Per connection: the
 * whole request within REQUEST_TIMEOUT_SECONDS, idle sockets closed after it, and
 * upgrade requests refused at once (outside development, where Next's HMR uses one).
 *
 * At most MAX_CONCURRENT_REQUESTS requests are in hand at once; the next is answered
 * 503 with Retry-After straight away, for almost nothing. Without a bound, a flood of
 * requests that each need a render and the database (missing pages, searches, filtered
 * lists at c50, each client giving up after 2 s and asking again) piled up about 1,000
 * at once in one process, each holding its render (a heap snapshot under
 * `npm run bench:cache`'s distinct URLs). A request counts until Next's handler is done
 * with it, not until its client hangs up: a render whose reader has gone still holds its
 * memory while it runs. (So that a handler that never settles cannot hold a place for
 * ever, the place is given back REQUEST_TIMEOUT_SECONDS after the response closed in any
 * case.) What held those requests' memory after they were done was Node 20's ran
 * Immediates (lib/server/immediate-links.ts; docs/operations.md, "Overload").
 */
export function createWebServer(options: WebServerOptions) {
  const { logger } = options;
  const metrics = webMetrics();
  let shuttingDown = false;
  let inHand = 0;

  const listener = (req: http.IncomingMessage, res: ChanceryResponse) => {
    const started = process.hrtime.bigint();
    const given = req.headers[REQUEST_ID_HEADER];
    const requestId = options.trustProxy && typeof given === "string" && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    const peer = req.socket.remoteAddress;
    if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
    else delete req.headers[PEER_ADDRESS_HEADER];
    // Next puts the nonce it finds here on every script it renders; it must be ours.
    req.headers["content-security-policy"] = `script-src 'nonce-${options.placeholder}'`;
    delete req.headers["content-security-policy-report-only"];

    const plan: ResponsePlan = {
      requestId,
      nonce: newNonce(),
      placeholder: options.placeholder,
      security: options.security,
      isShuttingDown: () => shuttingDown,
      isDatabaseAvailable: async () => {
        const available = await options.isDatabaseAvailable();
        if (!available) metrics.unavailable.inc();
        return available;
      },
    };
    res.plan = plan;

    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = loggedPath(req.url);
      const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
      const route = routeGroup(path);
      metrics.duration.observe({ method: req.method ?? "GET", route, status: String(status) }, seconds);
      const cache = res.getHeader("x-nextjs-cache");
      if (typeof cache === "string") metrics.pageCache.inc({ result: cache.toLowerCase() });
      // The launcher's tick and health probes every few seconds would drown the rest.
      const level = route === "internal" || route === "probes" ? "debug" : "info";
      requestContext.run({ requestId }, () => logger[level]({ method: req.method, path, status, ms: Math.round(seconds * 10_000) / 10 }, "request"));
    });

    if (!isDecodablePath(req.url)) {
      // Next would fail decoding it and answer 500; no route of ours has such a path.
      res.statusCode = 400;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("This address is not valid: part of its path is not UTF-8 text.\n");
      return;
    }

    if (req.url === "/metrics" || req.url?.startsWith("/metrics?")) {
      serveMetrics(req, res);
      return;
    }

    if (inHand >= options.maxConcurrentRequests) {
      metrics.shed.inc();
      res.statusCode = 503;
      res.setHeader("Retry-After", "1");
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("Chancery is busy. Please try again in a moment.\n");
      return;
    }
    inHand++;
    let released = false;
    let fallback: NodeJS.Timeout | undefined;
    const release = () => {
      if (released) return;
      released = true;
      inHand--;
      clearTimeout(fallback);
    };
    // Cleared as soon as the handler settles, so that busy hours do not pile up timers.
    res.once("close", () => {
      if (!released) fallback = setTimeout(release, options.requestTimeoutMs).unref();
    });

    requestContext.run({ requestId }, () => {
      options.handle(req, res).finally(release).catch((error: unknown) => {
        logger.error({ err: error, path: loggedPath(req.url) }, "unhandled error in request");
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader("Content-Type", "text/plain; charset=utf-8");
          res.end("Something went wrong on our side.\n");
        } else {
          res.destroy();
        }
      });
    });
  };

  function serveMetrics(req: http.IncomingMessage, res: ChanceryResponse) {
    const token = options.metrics.token;
    if (!token || req.method !== "GET") {
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("Not found\n");
      return;
    }
    if (!tokenMatches(req.headers.authorization, token)) {
      res.statusCode = 401;
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("A valid METRICS_TOKEN is required.\n");
      return;
    }
    options.metrics.collect().then(
      (text) => {
        res.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.end(text);
      },
      (error: unknown) => {
        logger.error({ err: error }, "collecting metrics failed");
        res.statusCode = 500;
        res.end();
      },
    );
  }

  const timeout = options.requestTimeoutMs;
  const serverOptions: http.ServerOptions = {
    ServerResponse: ChanceryResponse as unknown as typeof http.ServerResponse,
    requestTimeout: timeout,
    headersTimeout: timeout,
    // How often Node checks the two timeouts above (its default, 30 s, would let a
    // slow body live up to twice the limit).
    connectionsCheckingInterval: Math.min(1_000, timeout),
  };
  const server = http.createServer(serverOptions, listener as unknown as http.RequestListener);
  // A socket with no traffic at all (nothing sent, or a response nobody reads).
  server.timeout = timeout;
  // An idle kept-alive socket lives as long as any idle socket may. With Node's 5 s, a
  // client that ignores the server's Keep-Alive hint (Node's http.Agent, so Playwright's
  // request context: microsoft/playwright#42698) sent its next request on a socket the
  // server had just closed and got ECONNRESET for a request that never arrived (once in
  // a full e2e run, a POST after 5.7 s idle). A proxy closes its own idle upstream
  // sockets first (deploy/nginx.conf: 4 s), so it never meets the race.
  server.keepAliveTimeout = timeout;

  if (!options.isDev) {
    // Chancery has no WebSocket endpoint: say so and close, before Next sees it.
    server.prependListener("upgrade", (_req: http.IncomingMessage, socket: Duplex) => {
      const body = "Upgrade requests are not accepted here.\n";
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        // Not half-open until the client hangs up: the socket goes as soon as the answer is out.
        () => socket.destroy(),
      );
    });
  }

  return {
    server,
    /**
     * Answers one GET of `path` through this server's whole stack (this listener, Next,
     * React) on a private loopback port of this process alone, before the process takes
     * requests; resolves with the status. See warmRendering (lib/server/web-worker.ts).
     */
    async requestPrivately(path: string, timeoutMs: number): Promise<number> {
      const own = http.createServer(serverOptions, listener as unknown as http.RequestListener);
      // exclusive: under Node's cluster a worker's listen would otherwise share the primary's handle.
      await new Promise<void>((resolve, reject) => {
        own.once("error", reject);
        own.listen({ port: 0, host: "127.0.0.1", exclusive: true }, resolve);
      });
      try {
        const { port } = own.address() as AddressInfo;
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer();
        return response.status;
      } finally {
        own.closeAllConnections();
        own.close();
      }
    },
    /** Stops accepting, lets in-flight requests finish (closing idle keep-alive sockets), then resolves. */
    async close(deadlineMs: number): Promise<"drained" | "cut"> {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        closed.then(() => "drained" as const),
        new Promise<"cut">((resolve) => (timer = setTimeout(() => resolve("cut"), deadlineMs))),
      ]);
      clearInterval(sweep);
      clearTimeout(timer);
      if (result === "cut") server.closeAllConnections();
      return result;
    },
  };
}
