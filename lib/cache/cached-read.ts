import "server-only";
import { unstable_cache } from "next/cache";

/**
 * Public reads are cached in Next's data cache under the tags of lib/cache/tags.ts,
 * and pages that use them are rendered once (ISR) and kept until
 * revalidatePublicRecord expires a tag they depend on. Nothing is cached by time.
 *
 * unstable_cache stores JSON, which would turn Dates into strings; values are
 * encoded with a date marker and revived, so callers get back exactly what the
 * query returned.
 */
const DATE_KEY = "$date";

function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const original = this[key];
    return original instanceof Date ? { [DATE_KEY]: original.toISOString() } : v;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) && typeof v[DATE_KEY] === "string" && Object.keys(v).length === 1
      ? new Date(v[DATE_KEY])
      : v,
  ) as T;
}

export function cachedPublicRead<A extends unknown[], R>(
  name: string,
  read: (...args: A) => Promise<R>,
  tagsOf: (...args: A) => string[],
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const text = await unstable_cache(async () => encode(await read(...args)), ["public", name, JSON.stringify(args)], {
      tags: tagsOf(...args),
      revalidate: false,
    })();
    return decode<R>(text);
  };
}

export const __testing = { encode, decode };
