import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Server Action requests (POSTs with a `Next-Action` header) that Next would only
 * fail on, refused before they reach it, with a status and without an error in the
 * log: Next answers a cross-origin action with a 500 (after logging the error), an
 * unknown action id with an error per request, and arguments its decoder cannot take
 * (a broken JSON text, a reference to a missing part) with a 500.
 */
const MANIFEST = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");

let known: { mtimeMs: number; ids: Set<string> } | null = null;

/** The action ids of this build (re-read when a new build replaces the manifest); null when there is none to read. */
function knownActionIds(): Set<string> | null {
  try {
    const { mtimeMs } = statSync(/*turbopackIgnore: true*/ MANIFEST);
    if (known?.mtimeMs !== mtimeMs) {
      const manifest = JSON.parse(readFileSync(/*turbopackIgnore: true*/ MANIFEST, "utf8")) as Record<string, Record<string, unknown> | undefined>;
      known = { mtimeMs, ids: new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]) };
    }
    return known.ids;
  } catch {
    return null;
  }
}

function refusal(status: 400 | 403 | 404, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** The same origin rule as Next's own check: the Origin's host must be the host the request was sent to. */
function isSameOrigin(origin: string, headers: Headers): boolean {
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return Boolean(host) && originHost === host;
}

/**
 * Whether a string in an action's arguments is one React's decoder takes without
 * failing. React marks references to other parts of the request with a leading "$"
 * ("$@1" a promise, "$Q2" a map, "$n…" a big integer, …); a reference to a part that is
 * not there, or one that does not parse, makes Next answer 500 and log an error. The
 * desk's actions take a form and the state of the last answer (plain JSON, with
 * "$$"-escaped strings, dates, undefined): only those forms are let through. An action
 * that takes other values (a Map, a bound argument) must be allowed here first.
 */
function isPlainArgument(value: string): boolean {
  if (!value.startsWith("$")) return true;
  // "$$…" an escaped string, "$K…" the form, "$u" undefined, "$D…" a date, "$I"/"$-…"/"$N" numbers.
  return /^\$(\$|K[0-9a-f]+$|u$|D|Infinity$|-0$|-Infinity$|NaN$)/.test(value);
}

function hasOnlyPlainArguments(json: unknown): boolean {
  if (typeof json === "string") return isPlainArgument(json);
  if (Array.isArray(json)) return json.every(hasOnlyPlainArguments);
  if (json && typeof json === "object") return Object.values(json).every(hasOnlyPlainArguments);
  return true;
}

/** Whether React's encoding of the arguments (one JSON text) is one the desk's actions accept. */
export function isPlainArgumentsText(text: string): boolean {
  try {
    return hasOnlyPlainArguments(JSON.parse(text));
  } catch {
    return false;
  }
}

/**
 * The arguments of a Server Action call as React's client sends them: a JSON text as
 * the whole body, or a multipart body whose part "0" is that text and whose other parts
 * are the fields of the submitted form ("_1_name"). Null when they cannot be read.
 */
async function readArguments(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (!type.startsWith("multipart/form-data")) return await request.clone().text();
    const form = await request.clone().formData();
    const root = form.get("0");
    // React sends numbered parts only for what it outlines; the root must be there.
    for (const [name, value] of form.entries()) {
      if (/^\d+$/.test(name) && (typeof value !== "string" || !isPlainArgumentsText(value))) return null;
    }
    return typeof root === "string" ? root : null;
  } catch {
    return null;
  }
}

export async function refuseServerActionPost(request: Request): Promise<Response | null> {
  const id = request.headers.get("next-action");
  if (id === null || request.method !== "POST") return null;
  const origin = request.headers.get("origin");
  if (origin !== null && !isSameOrigin(origin, request.headers)) return refusal(403, "Cross-origin request refused.");
  // Only a production build's manifest describes the running code (`next dev` keeps its own elsewhere).
  const ids = process.env.NODE_ENV === "production" ? knownActionIds() : null;
  if (ids && !ids.has(id)) return refusal(404, "No such action.");
  const args = await readArguments(request);
  if (args === null || !isPlainArgumentsText(args)) return refusal(400, "Invalid Server Action request.");
  return null;
}
