import type { Role } from "@/lib/generated/prisma/enums";
import { createStaff } from "./staff";

/**
 * Creates a desk user with a role for specs that need an EDITOR or a CONTRIBUTOR,
 * the way people get accounts: the e2e admin invites through the admin API and
 * the invitee accepts the link (e2e/support/staff.ts). Each call makes a fresh
 * account, so specs stay independent.
 */
export async function createUser(role: Role, label = role.toLowerCase()): Promise<{ email: string; password: string; id: string }> {
  const { email, password, id } = await createStaff(role, label);
  return { email, password, id };
}
