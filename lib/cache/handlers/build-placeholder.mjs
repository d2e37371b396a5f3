// @ts-check
/**
 * The tag a page's build-time render carries when it stood in for a page that reads
 * the record (lib/cache/runtime-page.ts). `next build` runs before any database exists;
 * the page cache (page-cache.mjs) never serves a render with this tag, so the first
 * request renders the page for real and keeps it.
 */
export const BUILD_PLACEHOLDER_TAG = "chancery:build-placeholder";
