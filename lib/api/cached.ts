import "server-only";
import { createHash } from "node:crypto";
import { cachedPublicRead } from "@/lib/cache/cached-read";

/**
 * The public-data reads (lists, search, feeds, API bodies) go through the same
 * tagged data cache as the public pages (lib/cache/cached-read.ts), so
 * revalidatePublicRecord() expires exactly what a write touched.
 *
 * Next keeps this cache on disk across restarts; the key includes the database,
 * so a different one (a fresh e2e run, a restore on another URL) is never served
 * another's rows.
 */
const databaseKey = () => createHash("sha256").update(process.env.DATABASE_URL ?? "").digest("hex").slice(0, 12);

export async function cachedRead<T>(keyParts: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  return cachedPublicRead(`data:${keyParts.join("|")}`, (_database: string) => read(), () => tags)(databaseKey());
}
