import "server-only";
import { z } from "zod";
import { liveSessionWhere } from "@/lib/auth/sessions";
import { db, type Prisma } from "@/lib/db/client";
import { refuseBadCharacters } from "@/lib/records/fields";

/** At most this many accounts are listed at once; the filters narrow a longer list. */
export const USERS_LISTED = 500;

const blankIsNone = (value: unknown) => (value === "" ? undefined : value);

/** The admin's filters of the staff list, as the page's form and the API's query send them. */
export const UserListFilterSchema = z
  .object({
    // A control character (a NUL, which PostgreSQL refuses in text) is refused, as in every field.
    q: z.preprocess(blankIsNone, z.string().superRefine(refuseBadCharacters).trim().max(100, "At most 100 characters.").optional()),
    role: z.preprocess(blankIsNone, z.enum(["CONTRIBUTOR", "EDITOR", "ADMIN"], { error: "Choose a role from the list." }).optional()),
    status: z.preprocess(blankIsNone, z.enum(["active", "locked", "deactivated"], { error: "Choose a status from the list." }).optional()),
    twoFactor: z.preprocess(blankIsNone, z.enum(["on", "off"], { error: "Choose on or off." }).optional()),
  })
  .strict();
export type UserListFilter = z.output<typeof UserListFilterSchema>;

function userWhere(filter: UserListFilter, now: Date): Prisma.UserWhereInput {
  const where: Prisma.UserWhereInput[] = [];
  if (filter.q) where.push({ OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { email: { contains: filter.q, mode: "insensitive" } }] });
  if (filter.role) where.push({ role: filter.role });
  if (filter.status === "active") where.push({ isActive: true, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] });
  if (filter.status === "locked") where.push({ isActive: true, lockedUntil: { gt: now } });
  if (filter.status === "deactivated") where.push({ isActive: false });
  if (filter.twoFactor) where.push({ totpEnabledAt: filter.twoFactor === "on" ? { not: null } : null });
  return { AND: where };
}

/** Staff for the admin's list (those the filters keep, at most USERS_LISTED, and how many in all), with open invitations. */
export async function listUsers(filter: UserListFilter = {}, now = new Date()) {
  const where = userWhere(filter, now);
  const [users, total, invitations] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ isActive: "desc" }, { name: "asc" }, { email: "asc" }],
      take: USERS_LISTED,
      select: { id: true, name: true, email: true, role: true, isActive: true, lastSignInAt: true, lockedUntil: true, createdAt: true, totpEnabledAt: true },
    }),
    db.user.count({ where }),
    db.invitation.findMany({
      where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return {
    users: users.map(({ totpEnabledAt, ...u }) => ({ ...u, isLocked: !!u.lockedUntil && u.lockedUntil > now, hasTwoFactor: totpEnabledAt !== null })),
    total,
    invitations,
  };
}

export type UserListItem = Awaited<ReturnType<typeof listUsers>>["users"][number];

/** One user for the admin's detail page, or null. */
export async function getUserForAdmin(userId: string, now = new Date()) {
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, isActive: true, lastSignInAt: true, lockedUntil: true, failedSignIns: true, createdAt: true, passwordChangedAt: true, totpEnabledAt: true },
  });
  if (!user) return null;
  const liveSessions = await db.userSession.count({ where: { userId: user.id, ...liveSessionWhere(now) } });
  return { ...user, isLocked: !!user.lockedUntil && user.lockedUntil > now, hasTwoFactor: user.totpEnabledAt !== null, liveSessions };
}
