import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { endedSessionResponse } from "@/lib/auth/session-endpoint";
import { BROWSER_COOKIE, browserCookie, browserIdFrom, newBrowserId } from "@/lib/auth/browser-cookie";
import { getEnv } from "@/lib/env";

const nextAuth = NextAuth(authOptions) as (request: NextRequest, context: unknown) => Promise<Response>;

/** next-auth's own test of a callback URL (an absolute http(s) URL, or a path from the root). */
function isValidCallbackUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * next-auth answers a callback URL it cannot parse (in the query or the form) with a 500
 * and an error in the log; such a request is refused here as bad input. (Its cookie is
 * only ever set by next-auth from a URL that passed this test.) Every value given is tested:
 * next-auth reads the last of a repeated one, where `get` gave this test the first.
 */
async function badCallbackUrl(request: NextRequest): Promise<Response | null> {
  const given = request.nextUrl.searchParams.getAll("callbackUrl");
  if (request.method === "POST" && request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
    given.push(...new URLSearchParams(await request.clone().text()).getAll("callbackUrl"));
  }
  const base = request.nextUrl.origin;
  if (given.every((value) => isValidCallbackUrl(value, base))) return null;
  return Response.json({ error: "Invalid callback URL." }, { status: 400 });
}

/**
 * next-auth parses a POSTed body whose content type says JSON without catching a failure
 * (next-auth/next's getBody), so a body that is not JSON was a 500 and an error in the log;
 * it is refused here as bad input. (The fuzz met it once it sent bodies as they are:
 * Playwright's request context had turned every such body into a JSON string.)
 */
async function badJsonBody(request: NextRequest): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.get("content-type")?.includes("application/json")) return null;
  try {
    await request.clone().json();
    return null;
  } catch {
    return Response.json({ error: "The body is not valid JSON." }, { status: 400 });
  }
}

/**
 * The credentials callback takes a POSTed form only; next-auth answers any other method
 * there with a deliberate 500 ("Callback for provider type credentials not supported").
 */
function wrongMethod(request: NextRequest): Response | null {
  if (request.method === "POST" || !request.nextUrl.pathname.endsWith("/callback/credentials")) return null;
  return Response.json({ error: "Sign in by POSTing the sign-in form here." }, { status: 405, headers: { Allow: "POST" } });
}

/**
 * A sign-in from a browser without its own id (lib/auth/browser-cookie.ts) gets one: the
 * id is added to the request next-auth reads, so the session records it, and set on the
 * answer, so the browser's next sign-in is known.
 */
async function signInWithBrowserId(request: NextRequest, context: unknown): Promise<Response> {
  if (request.method !== "POST" || !request.nextUrl.pathname.endsWith("/callback/credentials") || browserIdFrom(request.headers)) {
    return nextAuth(request, context);
  }
  const id = newBrowserId();
  const headers = new Headers(request.headers);
  headers.set("cookie", [request.headers.get("cookie"), `${BROWSER_COOKIE}=${id}`].filter(Boolean).join("; "));
  const answer = await nextAuth(new NextRequest(request.url, { method: "POST", headers, body: await request.text() }), context);
  const answerHeaders = new Headers(answer.headers);
  answerHeaders.append("set-cookie", browserCookie(id, (getEnv().NEXTAUTH_URL ?? "").startsWith("https:")));
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: answerHeaders });
}

async function handler(request: NextRequest, context: unknown): Promise<Response> {
  return wrongMethod(request) ?? (await badJsonBody(request)) ?? (await badCallbackUrl(request)) ?? (await endedSessionResponse(request)) ?? signInWithBrowserId(request, context);
}

export { handler as GET, handler as POST };
