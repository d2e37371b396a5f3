import "server-only";
import { unstable_cache } from "next/cache";

/**
 * Public reads are cached in Next's data cache under the tags of lib/cache/tags.ts,
 * and pages that use them are rendered once (ISR) and kept until
 * revalidatePublicRecord expires a tag they depend on. Nothing is cached by time.
 *
 * unstable_cache stores its callback's result as JSON, which would turn Dates into
 * strings. The callback returns the value with each Date replaced by a marker
 * object (`withDateMarkers`, which copies only the objects on a Date's path), and a
 * value read back from the cache gets its Dates again (`reviveDates`). So callers
 * get back exactly what the query returned.
 *
 * A miss hands back the read's own value, not a copy through JSON: reads return
 * JSON-shaped values (plain objects, arrays, strings, numbers, booleans, null and
 * Dates), for which the two are the same. `withDateMarkers` refuses anything else,
 * so a read that returned, say, a Map (which JSON turns into `{}`) fails at once
 * (and in the e2e suites, which read every public surface) instead of differing
 * between a miss and a hit.
 *
 * Measured on a 30 KB API list body (docs/performance.md, "Cached reads without a
 * replacer"): the encoding this replaced (JSON.stringify with a replacer into a
 * string that unstable_cache stringified again, then JSON.parse with a reviver)
 * took 0.75 ms a miss and 0.60 ms a hit; this takes 0.12 and 0.16 ms.
 */
const DATE_KEY = "$date";

/** The value with every Date replaced by `{ $date: iso }`; objects and arrays off a Date's path are shared, not copied. */
function withDateMarkers(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return { [DATE_KEY]: value.toISOString() };
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const marked = withDateMarkers(value[i]);
      if (marked !== value[i]) (copy ??= value.slice())[i] = marked;
    }
    return copy ?? value;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`A cached read returned a ${(value as object).constructor?.name ?? "non-plain object"}; return plain objects, arrays and Dates`);
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const marked = withDateMarkers(record[key]);
    if (marked !== record[key]) (copy ??= { ...record })[key] = marked;
  }
  return copy ?? value;
}

/** Turns the markers of a value just parsed from JSON back into Dates, in place (the parsed value is nobody else's). */
function reviveDates(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveDates(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const iso = record[DATE_KEY];
  if (typeof iso === "string" && Object.keys(record).length === 1) return new Date(iso);
  for (const key in record) record[key] = reviveDates(record[key]);
  return record;
}

/** The text the cache stores for a value, and the value read back from it: what a miss and a later hit give. */
function encode(value: unknown): string {
  return JSON.stringify(withDateMarkers(value));
}

function decode<T>(text: string): T {
  return reviveDates(JSON.parse(text)) as T;
}

export function cachedPublicRead<A extends unknown[], R>(
  name: string,
  read: (...args: A) => Promise<R>,
  tagsOf: (...args: A) => string[],
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    let fresh: { value: R } | undefined;
    const stored = await unstable_cache(
      async () => {
        const value = await read(...args);
        fresh = { value };
        return withDateMarkers(value);
      },
      ["public", name, JSON.stringify(args)],
      { tags: tagsOf(...args), revalidate: false },
    )();
    // A stale entry is answered from the store while its refresh runs in the
    // background; that refresh sets `fresh` too, and either value is right.
    return fresh ? fresh.value : (reviveDates(stored) as R);
  };
}

/** The longest key (slug, code) a record can be named by; slugs are shorter (lib/records/slug.ts). */
const MAX_KEY_LENGTH = 200;

/**
 * Whether no record can be named by this key: too long, or holding a control character (a
 * NUL, which PostgreSQL refuses in text, came in as `%00` in an address).
 */
export const isImpossibleKey = (key: string) => key.length > MAX_KEY_LENGTH || /\p{Cc}/u.test(key);

/**
 * A public record's read by its keys (a slug; a country's code; two codes): cachedPublicRead,
 * except that a key no record can have answers null at once, with no query and no cache entry,
 * so that the page answers 404 and never 500 ("/events/%00").
 */
export function cachedRecordRead<A extends [string, ...string[]], R>(name: string, read: (...args: A) => Promise<R | null>, tagsOf: (...args: A) => string[]): (...args: A) => Promise<R | null> {
  const cached = cachedPublicRead(name, read, tagsOf);
  return async (...args: A) => (args.some(isImpossibleKey) ? null : cached(...args));
}

export const __testing = { encode, decode, withDateMarkers };
