import { getEnv } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "./peer-address";

export type HeaderBag = Record<string, string | string[] | undefined> | Headers;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address, for throttling and the audit log.
 *
 * - TRUST_PROXY on: the right-most X-Forwarded-For entry, the one our own proxy
 *   appended (entries to its left are whatever the client sent).
 * - TRUST_PROXY off: the TCP peer, stamped by lib/auth/peer-address.ts. Next's own
 *   X-Forwarded-For keeps a client-supplied value, so it is never read here.
 */
export function clientAddress(headers: HeaderBag): string | null {
  if (getEnv().TRUST_PROXY) {
    const forwarded = header(headers, "x-forwarded-for");
    const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
    if (last) return normaliseAddress(last);
    return null;
  }
  const peer = header(headers, PEER_ADDRESS_HEADER);
  return peer ? normaliseAddress(peer) : null;
}

function normaliseAddress(address: string): string {
  // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d.
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}

/** The User-Agent header, bounded (it goes into audit rows and sessions). */
export function userAgentOf(headers: HeaderBag): string | null {
  return header(headers, "user-agent")?.slice(0, 500) ?? null;
}
