import { randomBytes } from "node:crypto";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { createOrRecoverUser } from "./create-user";

/** A staff account for tests, made through the same domain code as `npm run user:create`. */
export async function createTestUser(options: { role?: Role; email?: string; password?: string; name?: string } = {}) {
  const suffix = randomBytes(4).toString("hex");
  const email = options.email ?? `staff-${suffix}@test.chancery.test`;
  const password = options.password ?? `test-pass-${suffix}-phrase`;
  const { id } = await createOrRecoverUser(db, { email, name: options.name ?? `Staff ${suffix}`, role: options.role ?? "EDITOR", password });
  const user = await db.user.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, role: true, name: true } });
  return { ...user, password };
}

/** Signs in through the same check as the sign-in form, without its delay on failure. */
export const signIn = (email: string, password: string) => authenticate({ email, password, headers: {}, wait: async () => {} });
