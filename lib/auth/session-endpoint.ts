import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { findLiveSession } from "./sessions";

const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * next-auth answers `/api/auth/session` from the JWT alone, and re-issues the
 * cookie each time: a deactivated user's, or a signed-out one's, would keep
 * answering 200 with their id for as long as the token is valid. We look the
 * session row up first; a cookie whose session has ended gets the answer for no
 * session (`{}`), and is cleared.
 */
export async function endedSessionResponse(request: NextRequest): Promise<Response | null> {
  if (!request.nextUrl.pathname.endsWith("/api/auth/session")) return null;
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  // No cookie, or one that does not verify: next-auth already answers as for no session.
  if (!token) return null;
  const live = token.sid && token.sub ? await findLiveSession(token.sid) : null;
  if (live && live.user.id === token.sub) return null;
  const headers = new Headers({ "content-type": "application/json", "cache-control": "private, no-cache, no-store" });
  for (const cookie of request.cookies.getAll()) {
    if (!SESSION_COOKIE.test(cookie.name)) continue;
    const secure = cookie.name.startsWith("__Secure-") ? "; Secure" : "";
    headers.append("set-cookie", `${cookie.name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
  }
  return new Response("{}", { status: 200, headers });
}
