import "server-only";
import { isImpossibleKey } from "@/lib/cache/cached-read";
import { cachedRead } from "./cached";
import { publicOrigin } from "./origin";
import { dataEnvelope, handleApi, jsonTextResponse, movedJson, notFoundJson } from "./respond";

/** The cache key of a request's query: its parameters in a fixed order. */
export function queryCacheKey(url: URL): string {
  return [...url.searchParams.entries()].sort().map(([k, v]) => `${k}=${v}`).join("&");
}

/** This request's address at the public origin, with one parameter set (the next page's link). */
export function pageLink(origin: string, url: URL, parameter: string, value: string): string {
  const link = new URL(`${origin}${url.pathname}`);
  url.searchParams.forEach((v, k) => link.searchParams.set(k, v));
  link.searchParams.set(parameter, value);
  return link.toString();
}

/**
 * The shape every /api/v1 route shares: parse, read through Next's cache under the
 * record's tags (the data kept as the JSON text it is sent as: dataEnvelope), answer
 * JSON with ETag and CORS. Routes stay one line each (lib/api/routes.ts holds them).
 */
export function listRoute<T>(options: {
  name: string;
  tags: string[];
  read: (params: URLSearchParams, origin: string) => Promise<{ data: T[]; nextCursor: string | null; prevCursor?: string | null }>;
}) {
  return async function GET(request: Request): Promise<Response> {
    return handleApi(request, async () => {
      const url = new URL(request.url);
      const origin = publicOrigin(request);
      const page = await cachedRead([`api:${options.name}`, origin, queryCacheKey(url)], options.tags, async () => {
        const { data, nextCursor, prevCursor } = await options.read(url.searchParams, origin);
        return { data: JSON.stringify(data), nextCursor, prevCursor: prevCursor ?? null };
      });
      const link = (cursor: string | null | undefined) => (cursor ? pageLink(origin, url, "cursor", cursor) : null);
      const next = link(page.nextCursor);
      const headers: Record<string, string> = {};
      if (next) headers.Link = `<${next}>; rel="next"`;
      return jsonTextResponse(request, dataEnvelope(page.data, { next, nextCursor: page.nextCursor, prev: link(page.prevCursor) }), { headers });
    });
  };
}

export function itemRoute(options: {
  name: string;
  what: string;
  tags: (key: string) => string[];
  read: (key: string, origin: string) => Promise<{ status: 200 | 410; data: unknown } | null>;
  /** Where an unknown key's record went, if it was merged into another (its item path), or null. */
  movedTo?: (key: string) => Promise<string | null>;
}) {
  return async function GET(request: Request, context: { params: Promise<{ key: string }> }): Promise<Response> {
    return handleApi(request, async () => {
      const { key } = await context.params;
      // No slug or id has control characters (PostgreSQL refuses a NUL in text) or is this long.
      if (isImpossibleKey(key)) return notFoundJson(options.what);
      const origin = publicOrigin(request);
      const found = await cachedRead([`api:${options.name}`, origin, key], options.tags(key), async () => {
        const read = await options.read(key, origin);
        return read && { status: read.status, data: JSON.stringify(read.data) };
      });
      if (!found) {
        const location = options.movedTo ? await options.movedTo(key) : null;
        return location ? movedJson(options.what, location) : notFoundJson(options.what);
      }
      return jsonTextResponse(request, dataEnvelope(found.data), { status: found.status });
    });
  };
}
