import "server-only";
import { unstable_cache } from "next/cache";
import { BUILD_PLACEHOLDER_TAG } from "./handlers/build-placeholder.mjs";

const markAsPlaceholder = unstable_cache(async () => true, [BUILD_PLACEHOLDER_TAG], { tags: [BUILD_PLACEHOLDER_TAG] });

/**
 * What a public page without a dynamic segment (`/`, `/countries`, `/agreements`,
 * `/corrections`) renders during `next build`, which runs before any database exists:
 * `if (isBuildPhase()) return buildPlaceholder();` (lib/env/build-phase.mjs). The render
 * is nothing, tagged BUILD_PLACEHOLDER_TAG, and the page cache
 * (lib/cache/handlers/page-cache.mjs) never serves a build's render with that tag: the
 * first request renders the page with the record and keeps it, like an item page, until
 * a write expires a tag it read.
 *
 * Next 16's own means for this (Cache Components) were tried and not adopted:
 * docs/caching.md, "Cache Components: tried, not adopted".
 */
export async function buildPlaceholder(): Promise<null> {
  await markAsPlaceholder();
  return null;
}
