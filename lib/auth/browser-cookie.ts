import { createHash, randomBytes } from "node:crypto";
import type { HeaderBag } from "./client-address";

/**
 * A browser is known by a random id in a cookie of its own, set the first time it
 * signs in (app/api/auth/[...nextauth]/route.ts) and kept for 400 days, the most
 * browsers allow. A session keeps the SHA-256 of the id (UserSession.browserHash),
 * so a sign-in from a browser the account has never been used from can be told
 * apart and mailed to its owner (lib/mail/send-new-sign-in.ts). Unlike a
 * User-Agent, the id cannot be guessed from outside: someone signing in with a
 * stolen password from "Chrome on Windows" is a new browser even when the owner
 * uses Chrome on Windows too.
 */
export const BROWSER_COOKIE = "chancery-browser";
/** The name on HTTPS: `__Host-` makes browsers refuse it unless Secure, for the whole host, and set by it. */
export const SECURE_BROWSER_COOKIE = `__Host-${BROWSER_COOKIE}`;
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function cookieHeader(headers: HeaderBag): string {
  if (headers instanceof Headers) return headers.get("cookie") ?? "";
  const value = headers.cookie ?? headers.Cookie;
  return Array.isArray(value) ? value.join("; ") : (value ?? "");
}

/** The browser's id from its Cookie header, or null when it has none of the right shape. */
export function browserIdFrom(headers: HeaderBag): string | null {
  for (const part of cookieHeader(headers).split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if ((name === BROWSER_COOKIE || name === SECURE_BROWSER_COOKIE) && ID_SHAPE.test(value)) return value;
  }
  return null;
}

/** What a session keeps of the id. */
export function hashBrowserId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/** A new id: 256 random bits. */
export function newBrowserId(): string {
  return randomBytes(32).toString("base64url");
}

/** The Set-Cookie value that gives a browser its id, Secure and `__Host-` on HTTPS. */
export function browserCookie(id: string, secure: boolean): string {
  const name = secure ? SECURE_BROWSER_COOKIE : BROWSER_COOKIE;
  return `${name}=${id}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
