import "server-only";
import { unstable_cache } from "next/cache";
import { BUILD_PLACEHOLDER_TAG } from "./handlers/build-placeholder.mjs";

/**
 * Public pages without a dynamic segment (`/`, `/countries`, `/agreements`,
 * `/corrections`) are plain routes that read the record. Next prerenders such a route
 * in `next build`, which runs before any database exists; so while the build runs
 * (and only then) the page renders nothing instead of reading. Its render is tagged
 * BUILD_PLACEHOLDER_TAG, and the page cache (lib/cache/handlers/page-cache.mjs) never
 * serves a build's render with that tag: the first request renders the page with the
 * record and keeps it, like an item page, until a write expires a tag it read.
 *
 * Next 16's own means for this (Cache Components) were tried and not adopted:
 * docs/caching.md, "Cache Components: tried, not adopted".
 */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

const markAsPlaceholder = unstable_cache(async () => true, [BUILD_PLACEHOLDER_TAG], { tags: [BUILD_PLACEHOLDER_TAG] });

/** What a record-reading page renders during `next build`: nothing, tagged so that it is never served. */
export async function buildPlaceholder(): Promise<null> {
  await markAsPlaceholder();
  return null;
}
