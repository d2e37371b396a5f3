import "server-only";
import { getToken, type GetTokenParams } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { recordDenied } from "@/lib/audit/record-denied";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { clientAddress, userAgentOf } from "./client-address";
import { hasRole } from "./roles";
import { findLiveSession } from "./sessions";
import { mustEnrolTwoFactor } from "./two-factor-policy";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  hasTwoFactor: boolean;
  /** REQUIRE_2FA_FOR covers this user's role and they have not set it up yet. */
  mustEnrolTwoFactor: boolean;
}

/** The signed-in user, read from the database (not the token), or null. Once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const jwt = await getToken({
    // getToken reads only these two plain records; its type names the request objects of
    // the pages router and middleware, which a server component does not have.
    req: {
      headers: Object.fromEntries(headerStore.entries()),
      cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
    } as unknown as GetTokenParams["req"],
    secret: process.env.NEXTAUTH_SECRET,
  });
  if (!jwt?.sid || !jwt.sub) return null;
  const live = await findLiveSession(jwt.sid);
  if (!live || live.user.id !== jwt.sub) return null;
  const hasTwoFactor = live.user.totpEnabledAt !== null;
  return {
    id: live.user.id,
    email: live.user.email,
    name: live.user.name,
    role: live.user.role,
    sessionId: live.id,
    hasTwoFactor,
    mustEnrolTwoFactor: mustEnrolTwoFactor({ role: live.user.role, hasTwoFactor }, getEnv().REQUIRE_2FA_FOR),
  };
});

async function denied(user: CurrentUser | null, required: Role, what: string) {
  const h = await headers();
  return recordDenied({ actor: user, required, what, ip: clientAddress(h), userAgent: userAgentOf(h) });
}

/**
 * The guard for server actions and route handlers: the first line of each.
 * Throws AppError UNAUTHENTICATED / FORBIDDEN (and writes an audit row), or
 * RATE_LIMITED for an anonymous client that has been refused too often.
 */
export async function requireRole(required: Role, what = "action", options: { allowWithoutTwoFactor?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !hasRole(user.role, required)) {
    const { isRateLimited } = await denied(user, required, what);
    if (isRateLimited) throw new AppError("RATE_LIMITED", "Too many refused requests from your address; try again later.");
    throw new AppError(user ? "FORBIDDEN" : "UNAUTHENTICATED", user ? "You do not have permission to do that." : "Please sign in.");
  }
  if (user.mustEnrolTwoFactor && !options.allowWithoutTwoFactor) {
    await denied(user, required, `${what} (two-factor sign-in not set up)`);
    throw new AppError("FORBIDDEN", "Your role requires two-factor sign-in: set it up at /account first.");
  }
  return user;
}

/**
 * The guard for protected pages: anonymous visitors go to the sign-in page,
 * signed-in users without the role get HTTP 403 with app/forbidden.tsx, and staff
 * who must set up two-factor sign-in first are sent to /account to do it.
 */
export async function requirePageRole(required: Role, path: string, options: { allowWithoutTwoFactor?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    await denied(null, required, path);
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (!hasRole(user.role, required)) {
    await denied(user, required, path);
    forbidden();
  }
  if (user.mustEnrolTwoFactor && !options.allowWithoutTwoFactor) redirect("/account?twoFactor=required");
  return user;
}
