import type { z } from "zod";
import { AppError, HTTP_STATUS, isAppError, type Failure } from "@/lib/errors/app-error";
import { paramsToObject, QueryParameterError } from "@/lib/api/list-query";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { RETRY_AFTER_SECONDS } from "@/lib/server/retry-after";
import { PrototypeKeyError, parseJsonWithoutPrototypeKeys } from "@/lib/objects/safe-keys";

/**
 * The staff side's JSON route handlers (desk, admin, account, invitations): one
 * error-to-result mapper, one wrapper and one body reader. Successes are the
 * handler's own JSON; failures are `{ ok: false, code, message, fieldErrors, …details }`,
 * which lib/http/send-json.ts hands to the form as it is.
 */

/** Larger bodies are refused before parsing; the schemas' own caps give field errors below this. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The most bytes read off the wire. The cap above counts the characters of the text,
 * which a body could only be checked against once it had been read whole, and several
 * of these routes are public (a forgotten password, an invitation): a 300 MB body was
 * buffered whole first (a gigabyte of the worker's memory) just to be refused. UTF-8
 * takes at most 3 bytes for each UTF-16 unit, so nothing the character cap lets through
 * is refused by this one.
 */
const MAX_BODY_STREAM_BYTES = 3 * MAX_BODY_BYTES;

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * The one error-to-result mapper: what a domain function or a guard threw, as
 * the status and body a route sends. AppErrors keep their message, field errors
 * and details (a stale save's conflict); a unique index that a race hit is a
 * conflict; anything else is logged and becomes a plain sentence (no stack or
 * database text reaches a user).
 */
export function toErrorResponse(error: unknown): Response {
  let status: number;
  let failure: Failure;
  if (isAppError(error)) {
    status = HTTP_STATUS[error.code];
    failure = { ...error.details, ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  } else if ((error as { code?: unknown } | null)?.code === "P2002") {
    status = 409;
    failure = { ok: false, code: "CONFLICT", message: "Another record with the same name was saved at the same moment. Nothing was saved; try again.", fieldErrors: {} };
  } else if (isDatabaseUnavailable(error)) {
    // PostgreSQL is away (stopped, restarting, the connection cut mid-query): nothing
    // was written, and the same request will work once it is back.
    status = 503;
    failure = { ok: false, code: "UNAVAILABLE", message: "The database is not answering right now. Nothing was saved; try again in a few seconds.", fieldErrors: {} };
  } else {
    console.error("Unexpected error in a route:", error);
    status = 500;
    failure = { ok: false, code: "INTERNAL", message: "Something went wrong on our side. Nothing was saved; try again.", fieldErrors: {} };
  }
  const retry: Record<string, string> = status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {};
  return Response.json(failure, { status, headers: { ...NO_STORE, ...retry } });
}

/** Methods that change nothing, which a cross-site page may send freely. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler so that whatever it throws, its guard's refusal included,
 * becomes the one JSON failure. The handler's own first line is still its `requireRole(...)`.
 *
 * A request that may change something (POST, PUT, PATCH, DELETE) from another
 * origin's page is refused before the handler runs, whether or not it has a body:
 * the session cookie (SameSite=Lax) still travels with a form posted from another
 * host of the same site (a sibling subdomain), and routes such as "unlock" or
 * "reset two-factor sign-in" read no body, so `readJsonBody`'s check never ran for them.
 */
export function withErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      const request = args[0];
      if (request instanceof Request && !SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
        throw new AppError("FORBIDDEN", "Requests must come from this site itself.");
      }
      return await handler(...args);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** A success answer that no shared cache keeps. */
export function privateJson(body: object, init: ResponseInit = {}): Response {
  return Response.json(body, { ...init, headers: { ...NO_STORE, ...(init.headers as Record<string, string> | undefined) } });
}

/** No Origin (not a browser's cross-site request), or one whose host is the host the request was sent to (Next's own rule for actions). */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || new URL(request.url).host;
  return originHost === host;
}

/**
 * A staff route's query parameters read through its schema, as the public API reads its own
 * (paramsToObject): a blank one is not given, one given twice is refused rather than guessed
 * (`Object.fromEntries` took the last, `get` the first). A bad, unknown or repeated one is a
 * 400 whose message and `issues` name each parameter and what is wrong with it.
 */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  let raw: Record<string, string>;
  try {
    raw = paramsToObject(new URL(request.url).searchParams);
  } catch (error) {
    if (!(error instanceof QueryParameterError)) throw error;
    throw new AppError("INVALID", `Bad query parameter: ${error.message}`, {}, { issues: [{ parameter: error.parameter, message: error.message }] });
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    parameter: issue.path.length ? issue.path.join(".") : ((issue as { keys?: string[] }).keys ?? []).join(", "),
    message: issue.code === "unrecognized_keys" ? `unknown parameter: ${(issue as { keys?: string[] }).keys?.join(", ")}` : issue.message,
  }));
  throw new AppError("INVALID", `Bad query parameter: ${issues.map((i) => `${i.parameter} (${i.message})`).join("; ")}`, {}, { issues });
}

/**
 * The JSON object a staff form sent. Only application/json is read (a cross-site
 * form cannot send it without a CORS preflight, which we never grant), a browser's
 * Origin must be this site's, and keys that would reach an object's prototype are refused.
 */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new AppError("INVALID", "Send a JSON body (Content-Type: application/json).");
  }
  if (!isSameOrigin(request)) throw new AppError("FORBIDDEN", "Requests must come from this site itself.");
  const text = await readCappedText(request, MAX_BODY_STREAM_BYTES);
  if (text === null || text.length > MAX_BODY_BYTES) throw new AppError("INVALID", "The form is too large to save.");
  let body: unknown;
  try {
    body = parseJsonWithoutPrototypeKeys(text);
  } catch (error) {
    if (error instanceof PrototypeKeyError) throw new AppError("INVALID", `The body could not be read: a key may not be named "${error.key}".`);
    throw new AppError("INVALID", "The body could not be read as JSON.");
  }
  if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new AppError("INVALID", "The body is not a JSON object.");
}

/**
 * The request's body as text, or null once it is larger than `maxBytes`: a declared
 * Content-Length over the cap is refused before anything is read, and a body without
 * one (chunked) stops being read as soon as it passes the cap.
 */
async function readCappedText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
