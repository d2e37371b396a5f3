// @ts-check
import { ByteLru, megabytesFromEnv } from "./lru.mjs";
import { ensureListening, expireTags, isStale, now } from "./tag-expirations.mjs";

/**
 * Next's cache handler (next.config.js `cacheHandler`): rendered public pages and
 * cached reads (unstable_cache), kept in this process's memory (bounded, least
 * recently used first out) and expired by tag from any process of any server
 * (tag-expirations.mjs).
 *
 * A page's tags are those of every cached read it used (Next lists them in the
 * entry's x-next-cache-tags header). An entry is dated from when this process began
 * rendering it, not when it finished, so a write that lands during the render still
 * expires it.
 */

const TAGS_HEADER = "x-next-cache-tags";
/** An entry set without a known start is dated this far back, so a recent write still expires it. */
const UNKNOWN_START_MS = 10_000;

/** @param {any} value */
function sizeOf(value) {
  if (!value) return 25;
  switch (value.kind) {
    case "APP_PAGE": {
      let size = (value.html?.length ?? 0) + (value.rscData?.length ?? 0) + (value.postponed?.length ?? 0);
      if (value.segmentData) for (const [path, buffer] of value.segmentData) size += path.length + (buffer?.length ?? 0);
      return size + 500;
    }
    case "APP_ROUTE":
      return (value.body?.length ?? 0) + 500;
    case "FETCH":
      return JSON.stringify(value.data ?? "").length + 200;
    default:
      return JSON.stringify(value).length;
  }
}

/** @param {any} value @param {any} ctx @returns {string[]} */
function tagsOf(value, ctx) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === "string" && header ? header.split(",") : [];
  return [...fromHeader, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
}

const entries = new ByteLru(megabytesFromEnv("CHANCERY_PAGE_CACHE_MB", 48));
/** When this process began (re)rendering a key it did not have fresh: the earliest miss since its last set. */
const renderStarts = new Map();

export default class PageCacheHandler {
  /** @param {unknown} _context */
  constructor(_context) {}

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    await ensureListening();
    const entry = entries.get(key);
    const tags = entry ? [...entry.tags, ...(ctx?.softTags ?? [])] : [];
    if (entry && !isStale(tags, entry.lastModified)) return { lastModified: entry.lastModified, value: entry.value };
    if (entry) entries.delete(key);
    if (!renderStarts.has(key)) {
      if (renderStarts.size > 10_000) renderStarts.clear();
      renderStarts.set(key, now());
    }
    return null;
  }

  /** @param {string} key @param {any} value @param {any} ctx */
  async set(key, value, ctx) {
    const started = renderStarts.get(key) ?? now() - UNKNOWN_START_MS;
    renderStarts.delete(key);
    if (!value) {
      entries.delete(key);
      return;
    }
    const tags = tagsOf(value, ctx);
    if (isStale(tags, started)) return;
    entries.set(key, { value, tags, lastModified: started }, sizeOf(value));
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    expireTags(Array.isArray(tags) ? tags : [tags]);
  }

  resetRequestCache() {}
}
