import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Server Action requests (POSTs with a `Next-Action` header) that Next would only
 * fail on, refused before they reach it, with a status and without an error in the
 * log: Next answers a cross-origin action with a 500 (after logging the error), and
 * an unknown action id with an error per request.
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

function refusal(status: 403 | 404, text: string): Response {
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

export function refuseServerActionPost(request: { method: string; headers: Headers }): Response | null {
  const id = request.headers.get("next-action");
  if (id === null || request.method !== "POST") return null;
  const origin = request.headers.get("origin");
  if (origin !== null && !isSameOrigin(origin, request.headers)) return refusal(403, "Cross-origin request refused.");
  // Only a production build's manifest describes the running code (`next dev` keeps its own elsewhere).
  const ids = process.env.NODE_ENV === "production" ? knownActionIds() : null;
  if (ids && !ids.has(id)) return refusal(404, "No such action.");
  return null;
}
