import { randomUUID } from "node:crypto";
import { createDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Creates a desk user with a role straight in the e2e server's database (its
 * embedded PostgreSQL, see playwright.config.ts and lib/db/embedded.ts), for
 * specs that need an EDITOR or a CONTRIBUTOR. Each call makes a fresh account,
 * so specs stay independent. Replace with the invite flow once specs can use it.
 */
export async function createUser(role: Role, label = role.toLowerCase()): Promise<{ email: string; password: string; id: string }> {
  const url = process.env.E2E_DATABASE_URL || `postgresql://postgres:chancery-local@127.0.0.1:${process.env.E2E_PG_PORT}/chancery`;
  const db = createDb(url, { max: 1 });
  try {
    const email = `${label}-${randomUUID().slice(0, 8)}@e2e.chancery.test`;
    const password = `pw-${randomUUID()}`;
    const user = await db.user.create({ data: { email, name: `E2E ${label}`, role, passwordHash: await hashPassword(password) } });
    return { email, password, id: user.id };
  } finally {
    await db.$disconnect();
  }
}
