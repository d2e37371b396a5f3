// @ts-check
// What shared caches (deploy/nginx.conf, a CDN) may keep, in one place for next.config.js
// (plain JavaScript, loaded before any bundling) and the routes (lib/api/respond.ts).

/**
 * Public pages: a shared cache keeps one a second and serves it up to ten seconds stale
 * while it refetches, or a day when Chancery fails; browsers revalidate every time.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=10, stale-if-error=86400";

/**
 * The open data API, the feeds, the calendar and the CSV: each answer carries an ETag,
 * so browsers revalidate cheaply; shared caches keep a copy thirty seconds, so a publish
 * reaches their readers within s-maxage at worst.
 */
export const SHARED_DATA_CACHE_CONTROL = "public, max-age=0, s-maxage=30, stale-while-revalidate=60";
