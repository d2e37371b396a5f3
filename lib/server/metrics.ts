import client from "prom-client";

/**
 * The web process's Prometheus metrics. They live in prom-client's global registry,
 * which the cluster's primary collects from every worker over IPC and sums
 * (lib/server/cluster.ts), so /metrics on any process answers for all of them.
 */

/** A bounded label for a path: never the path itself (unbounded, and may hold tokens). */
export function routeGroup(pathname: string): string {
  if (pathname.startsWith("/_next/")) return "assets";
  if (pathname.startsWith("/api/v1/")) return "api";
  if (pathname.startsWith("/api/auth/") || /^\/(login|invite|reset)(\/|$)/.test(pathname)) return "auth";
  if (pathname.startsWith("/api/internal/")) return "internal";
  if (pathname.startsWith("/api/health") || pathname.startsWith("/api/ready") || pathname === "/metrics") return "probes";
  if (/^\/(dashboard|admin|account)(\/|$)/.test(pathname) || /^\/api\/(desk|admin|account|invitations)\//.test(pathname)) return "desk";
  if (/^\/((statements\/)?(feed\.xml|atom\.xml|feed\.json)|calendar\.ics|sitemap\.xml|robots\.txt)$/.test(pathname)) return "feeds";
  return "public";
}

let metrics: ReturnType<typeof create> | null = null;

function create() {
  // Constructing one in a worker is what makes prom-client answer the primary's requests.
  new client.AggregatorRegistry();
  client.collectDefaultMetrics();
  const pool = () =>
    (globalThis as unknown as { chanceryPool?: { totalCount: number; idleCount: number; waitingCount: number; refusedCount?: number } }).chanceryPool;
  let refusalsCounted = 0;
  return {
    duration: new client.Histogram({
      name: "chancery_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response; its _count is the request rate.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    pageCache: new client.Counter({
      name: "chancery_page_cache_total",
      help: "Pages and route responses served from Next's cache (hit, stale) or rendered for it (miss).",
      labelNames: ["result"] as const,
    }),
    shed: new client.Counter({
      name: "chancery_requests_shed_total",
      help: "Requests answered 503 at once because the web process already had MAX_CONCURRENT_REQUESTS in hand.",
    }),
    unavailable: new client.Counter({
      name: "chancery_database_unavailable_responses_total",
      help: "Responses answered 503 because PostgreSQL did not answer.",
    }),
    dbPool: new client.Gauge({
      name: "chancery_db_pool_connections",
      help: "The web processes' PostgreSQL pool: open (total), idle, and requests waiting for one.",
      labelNames: ["state"] as const,
      collect() {
        const stats = pool();
        this.set({ state: "total" }, stats?.totalCount ?? 0);
        this.set({ state: "idle" }, stats?.idleCount ?? 0);
        this.set({ state: "waiting" }, stats?.waitingCount ?? 0);
      },
    }),
    dbPoolRefused: new client.Counter({
      name: "chancery_db_pool_refused_total",
      help: "Queries refused at once (and their requests answered 503) because too many already waited for a connection of the pool.",
      collect() {
        const now = pool()?.refusedCount ?? 0;
        // A new pool (DATABASE_URL changed) starts again from nought.
        if (now < refusalsCounted) refusalsCounted = 0;
        this.inc(now - refusalsCounted);
        refusalsCounted = now;
      },
    }),
  };
}

export function webMetrics() {
  metrics ??= create();
  return metrics;
}
