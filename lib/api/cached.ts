import { unstable_cache } from "next/cache";

/**
 * Next's data cache for public reads, under the tags of lib/cache/tags.ts so that
 * revalidatePublicRecord() expires exactly what a write touched. unstable_cache
 * stores JSON, so Dates are tagged on the way in and revived on the way out.
 */
const DATE_KEY = "$chanceryDate";

function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_KEY]: raw.toISOString() } : v;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) =>
    v && typeof v === "object" && DATE_KEY in v ? new Date((v as Record<string, string>)[DATE_KEY]!) : v,
  ) as T;
}

export async function cachedRead<T>(keyParts: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  const text = await unstable_cache(async () => encode(await read()), ["chancery-public", ...keyParts], { tags })();
  return decode<T>(text);
}
