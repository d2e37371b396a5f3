import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { clientAddress } from "./client-address";
import { hasRole } from "./roles";
import { findLiveSession } from "./sessions";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
}

/** The signed-in user, read from the database (not the token), or null. Once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const jwt = await getToken({
    req: {
      headers: Object.fromEntries(headerStore.entries()),
      cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
    } as never,
    secret: process.env.NEXTAUTH_SECRET,
  });
  if (!jwt?.sid || !jwt.sub) return null;
  const live = await findLiveSession(jwt.sid);
  if (!live || live.user.id !== jwt.sub) return null;
  return { id: live.user.id, email: live.user.email, name: live.user.name, role: live.user.role, sessionId: live.id };
});

async function recordDenied(user: CurrentUser | null, required: Role, what: string) {
  const h = await headers();
  await db.$transaction((tx) =>
    writeAudit(tx, {
      action: "access.denied",
      actorId: user?.id ?? null,
      actorEmail: user?.email ?? null,
      targetType: "Route",
      targetId: what.slice(0, 200),
      summary: { required, role: user?.role ?? null },
      ip: clientAddress(h),
      userAgent: h.get("user-agent"),
    }),
  );
}

/**
 * The guard for server actions and route handlers: the first line of each.
 * Throws AppError UNAUTHENTICATED / FORBIDDEN (and writes an audit row).
 */
export async function requireRole(required: Role, what = "action"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !hasRole(user.role, required)) {
    await recordDenied(user, required, what);
    throw new AppError(user ? "FORBIDDEN" : "UNAUTHENTICATED", user ? "You do not have permission to do that." : "Please sign in.");
  }
  return user;
}

/**
 * The guard for protected pages: anonymous visitors go to the sign-in page,
 * signed-in users without the role get HTTP 403 with app/forbidden.tsx.
 */
export async function requirePageRole(required: Role, path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    await recordDenied(null, required, path);
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (!hasRole(user.role, required)) {
    await recordDenied(user, required, path);
    forbidden();
  }
  return user;
}
