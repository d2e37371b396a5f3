// @ts-check
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { BUILD_PLACEHOLDER_TAG } from "./build-placeholder.mjs";
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
 *
 * Pages `next build` made (the not-found page, the global error page, the world map)
 * are served from the build's output, as Next's own file-system cache does, and never
 * replaced by a render. They read no database, so only a new build changes them; and
 * one of them, the not-found page, answers every unknown address (and every
 * notFound() in a route handler) under one key: a render of it carries the address it
 * was made for, so keeping one would show a reader another reader's address (a
 * draft's slug, a token in a query). A page that reads the record renders nothing in
 * the build, tagged BUILD_PLACEHOLDER_TAG (lib/cache/runtime-page.ts); that output is
 * not served, and the page is rendered on its first request and kept like any other.
 */

const TAGS_HEADER = "x-next-cache-tags";
/** An entry set without a known start is dated this far back, so a recent write still expires it. */
const UNKNOWN_START_MS = 10_000;

/**
 * The bytes a string takes in V8's heap: one a character while every character is
 * Latin-1, two for all of them once one is not. Pages and reads of a record in several
 * languages (names in Cyrillic or Arabic, typographic quotes and dashes) are of the
 * second kind; counting characters let the cache hold twice its bound.
 * @param {unknown} text
 */
export function stringBytes(text) {
  if (typeof text !== "string") return 0;
  return /[\u0100-\uffff]/.test(text) ? text.length * 2 : text.length;
}

/**
 * What an entry takes in memory, in bytes: its strings as V8 holds them, its buffers'
 * lengths, and a few hundred bytes of objects around them.
 * @param {any} value
 */
export function sizeOf(value) {
  if (!value) return 25;
  switch (value.kind) {
    case "APP_PAGE": {
      let size = stringBytes(value.html) + (value.rscData?.length ?? 0) + stringBytes(value.postponed);
      if (value.segmentData) for (const [path, buffer] of value.segmentData) size += stringBytes(path) + (buffer?.length ?? 0);
      return size + 500;
    }
    case "APP_ROUTE":
      return (value.body?.length ?? 0) + 500;
    case "FETCH": {
      // unstable_cache keeps its result as a JSON text in `body`.
      const { body, ...rest } = value.data ?? {};
      return stringBytes(typeof body === "string" ? body : JSON.stringify(body ?? "")) + stringBytes(JSON.stringify(rest)) + 300;
    }
    default:
      return stringBytes(JSON.stringify(value));
  }
}

/** @param {any} value @param {any} ctx @returns {string[]} */
function tagsOf(value, ctx) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === "string" && header ? header.split(",") : [];
  return [...fromHeader, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
}

/** Next makes a handler per request; the build's seeds are read once per process. @type {Map<string, Map<string, () => any>>} */
const seedsByBuild = new Map();

/**
 * The build's prerendered pages by the cache key Next serves them under (their .meta
 * names it), read lazily from the build's output.
 * @param {string | undefined} serverDistDir
 * @returns {Map<string, () => any>}
 */
function buildSeeds(serverDistDir) {
  /** @type {Map<string, () => any>} */
  const seeds = new Map();
  if (!serverDistDir) return seeds;
  const known = seedsByBuild.get(serverDistDir);
  if (known) return known;
  seedsByBuild.set(serverDistDir, seeds);
  const manifestPath = path.join(path.dirname(serverDistDir), "prerender-manifest.json");
  if (!existsSync(manifestPath)) return seeds;
  const routes = JSON.parse(readFileSync(manifestPath, "utf8")).routes ?? {};
  for (const route of Object.keys(routes)) {
    const base = path.join(serverDistDir, "app", route === "/" ? "index" : route.replace(/^\//, ""));
    if (!existsSync(`${base}.meta`)) continue;
    const meta = JSON.parse(readFileSync(`${base}.meta`, "utf8"));
    const key = meta.routeCache?.key;
    if (typeof key !== "string" || meta.routeCache.isFallback) continue;
    if (tagsOf(meta, undefined).includes(BUILD_PLACEHOLDER_TAG)) continue;
    /** @type {any} */
    let loaded = null;
    const lastModified = statSync(`${base}.meta`).mtimeMs;
    seeds.set(key, () => (loaded ??= { lastModified, value: readSeed(base, meta) }));
  }
  return seeds;
}

/** @param {string} base @param {any} meta */
function readSeed(base, meta) {
  if (existsSync(`${base}.body`)) {
    return { kind: "APP_ROUTE", body: readFileSync(`${base}.body`), headers: meta.headers, status: meta.status };
  }
  const segmentData = new Map();
  for (const segmentPath of meta.segmentPaths ?? []) {
    const file = `${base}.segments${segmentPath}.segment.rsc`;
    if (existsSync(file)) segmentData.set(segmentPath, readFileSync(file));
  }
  return {
    kind: "APP_PAGE",
    html: readFileSync(`${base}.html`, "utf8"),
    rscData: existsSync(`${base}.rsc`) ? readFileSync(`${base}.rsc`) : undefined,
    postponed: meta.postponed,
    headers: meta.headers,
    status: meta.status,
    segmentData: meta.segmentPaths ? segmentData : undefined,
  };
}

const entries = new ByteLru(megabytesFromEnv("CHANCERY_PAGE_CACHE_MB", 48));
/** When this process began (re)rendering a key it did not have fresh: the earliest miss since its last set. */
const renderStarts = new Map();

export default class PageCacheHandler {
  /** @param {{ serverDistDir?: string } | undefined} context */
  constructor(context) {
    this.seeds = buildSeeds(context?.serverDistDir);
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const seed = this.seeds.get(key);
    if (seed) return seed();
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
    if (this.seeds.has(key)) return;
    const started = renderStarts.get(key) ?? now() - UNKNOWN_START_MS;
    renderStarts.delete(key);
    // A page that answers "not found" is not kept: every address a reader types would be
    // an entry (missing items, mistyped slugs), filling the cache with them and pushing
    // out the pages that exist; rendering a 404 again is one look-up by slug.
    if (!value || value.status === 404) {
      entries.delete(key);
      return;
    }
    const tags = tagsOf(value, ctx);
    if (isStale(tags, started)) return;
    entries.set(key, { value, tags, lastModified: started }, sizeOf(value) + tags.reduce((bytes, tag) => bytes + stringBytes(tag) + 16, 0));
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    expireTags(Array.isArray(tags) ? tags : [tags]);
  }

  resetRequestCache() {}
}
