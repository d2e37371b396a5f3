import type { Role } from "@/lib/generated/prisma/enums";

const RANK: Record<Role, number> = { CONTRIBUTOR: 1, EDITOR: 2, ADMIN: 3 };

/** Whether `role` includes everything `required` may do (ADMIN ⊃ EDITOR ⊃ CONTRIBUTOR). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export const ROLE_LABELS: Record<Role, string> = { CONTRIBUTOR: "Contributor", EDITOR: "Editor", ADMIN: "Admin" };
