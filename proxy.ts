import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { refuseServerActionPost } from "@/lib/auth/server-action-guard";
import { canonicalPublicPath } from "@/lib/site/canonical-path";

/**
 * Sends anonymous visitors of the desk to the sign-in page and back afterwards.
 * This is a convenience only: every page, action and route checks the user itself.
 * On the public side it only sends variant spellings of country and relation
 * addresses to their one canonical form.
 */
export async function proxy(request: NextRequest) {
  const refused = await refuseServerActionPost(request);
  if (refused) return refused;
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/countries/") || pathname.startsWith("/relations/")) {
    const canonical = canonicalPublicPath(pathname);
    return canonical ? NextResponse.redirect(new URL(canonical + request.nextUrl.search, request.url), 308) : NextResponse.next();
  }
  // Reached through the Server Action matcher only: nothing more to do here.
  if (!/^\/(dashboard|admin|account)(\/|$)/.test(pathname)) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: [
    "/dashboard/:path*",
    "/admin/:path*",
    "/account/:path*",
    "/countries/:path+",
    "/relations/:path+",
    // Server Action posts, wherever they are sent (lib/auth/server-action-guard.ts).
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
