import { isDatabaseUnavailable } from "@/lib/db/errors";
import { isAppError } from "@/lib/errors/app-error";
import { etagOf, ifNoneMatchHolds } from "@/lib/server/etag";
import { RETRY_AFTER_SECONDS } from "@/lib/server/retry-after";
import { SHARED_DATA_CACHE_CONTROL } from "./cache-control.mjs";
import { MovedFilterError, QueryParameterError } from "./list-query";

/*
 * Response helpers for the open data API: open to any origin, an ETag that is the
 * hash of the body (so a 304 is exact), and a Cache-Control a CDN can honour.
 * Browsers revalidate each time (cheap with the ETag); shared caches keep a copy
 * briefly, so a publish reaches API readers within s-maxage at worst
 * (SHARED_DATA_CACHE_CONTROL, lib/api/cache-control.mjs).
 */

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, Content-Disposition",
};

/** A cacheable GET answer; 304 when the client already holds this exact body. */
export function cacheableResponse(
  request: Request,
  body: string,
  options: { contentType: string; status?: number; headers?: Record<string, string>; cacheControl?: string },
): Response {
  const etag = etagOf(body);
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    "Cache-Control": options.cacheControl ?? SHARED_DATA_CACHE_CONTROL,
    ETag: etag,
    Vary: "Accept-Encoding",
    ...options.headers,
  };
  if ((options.status ?? 200) === 200 && ifNoneMatchHolds(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === "HEAD" ? null : body, {
    status: options.status ?? 200,
    headers: { ...headers, "Content-Type": options.contentType },
  });
}

export function jsonResponse(request: Request, data: unknown, options: { status?: number; headers?: Record<string, string> } = {}): Response {
  return jsonTextResponse(request, JSON.stringify(data), options);
}

/** jsonResponse for a body that is JSON text already (dataEnvelope's). */
export function jsonTextResponse(request: Request, body: string, options: { status?: number; headers?: Record<string, string> } = {}): Response {
  return cacheableResponse(request, body, { contentType: "application/json; charset=utf-8", ...options });
}

/**
 * The text of JSON.stringify({ data, ...rest }), given `data` as the JSON text it was
 * cached as. The API's reads keep their `data` as text (lib/api/handlers.ts): a cache hit
 * is then a string, not objects to parse and stringify again, and a miss stringifies
 * its data once. `rest` must not hold `data`.
 */
export function dataEnvelope(dataJson: string, rest: Record<string, unknown> = {}): string {
  const tail = JSON.stringify(rest);
  return tail === "{}" ? `{"data":${dataJson}}` : `{"data":${dataJson},${tail.slice(1)}`;
}

export function errorJson(status: number, error: { parameter?: string; message: string }, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { ...CORS_HEADERS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

/** A record now at another address (a merged duplicate's): a permanent redirect there, saying so in JSON too. */
export function movedJson(what: string, location: string): Response {
  return permanentRedirectJson(`${what} was merged into another; it is now at ${location}`, location);
}

function permanentRedirectJson(message: string, location: string): Response {
  return new Response(JSON.stringify({ error: { message } }), {
    status: 308,
    headers: { ...CORS_HEADERS, Location: location, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export function notFoundJson(what: string): Response {
  return errorJson(404, { message: `${what} was not found` });
}

/** Preflight: the API is read-only, so only GET, HEAD and conditional headers are allowed. */
export function optionsResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Accept, Content-Type",
      "Access-Control-Max-Age": "86400",
      Allow: "GET, HEAD, OPTIONS",
    },
  });
}

/**
 * Runs an API handler: bad parameters become 400 naming the parameter (a filter naming a
 * merged record, a permanent redirect to the same request naming the kept one), NOT_FOUND
 * 404, a database that is away or too busy 503 with Retry-After (not logged: the
 * request was fine, and under a flood that would be a line per request); anything
 * else is logged and answered with a plain 500 (never DB text).
 */
export async function handleApi(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MovedFilterError) {
      const url = new URL(request.url);
      const location = `${url.pathname}?${error.moved(url.searchParams)}`;
      return permanentRedirectJson(`${error.message}; this list is now at ${location}`, location);
    }
    if (error instanceof QueryParameterError) return errorJson(400, { parameter: error.parameter, message: error.message });
    if (isAppError(error) && error.code === "NOT_FOUND") return errorJson(404, { message: error.message });
    if (isDatabaseUnavailable(error)) {
      return errorJson(503, { message: "The database is not answering right now; please try again in a few seconds." }, { "Retry-After": String(RETRY_AFTER_SECONDS) });
    }
    console.error("api error", error);
    return errorJson(500, { message: "Something went wrong on our side; please try again." });
  }
}
