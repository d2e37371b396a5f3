import "server-only";
import { cachedPublicRead } from "@/lib/cache/cached-read";

/**
 * The public-data reads (lists, search, feeds, API bodies) go through the same
 * tagged data cache as the public pages (lib/cache/cached-read.ts), so
 * revalidatePublicRecord() expires exactly what a write touched.
 */
export async function cachedRead<T>(keyParts: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  return cachedPublicRead(`data:${keyParts.join("|")}`, () => read(), () => tags)();
}
