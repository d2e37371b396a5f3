import type { Role } from "@/lib/generated/prisma/enums";
import { hasRole } from "./roles";

/** REQUIRE_2FA_FOR: nobody must (NONE), admins must (ADMIN), editors and admins (EDITOR), or all staff (ALL). */
export type TwoFactorPolicy = "NONE" | "ADMIN" | "EDITOR" | "ALL";

/** Whether someone must set up two-factor sign-in before using the desk. */
export function mustEnrolTwoFactor(user: { role: Role; hasTwoFactor: boolean }, policy: TwoFactorPolicy): boolean {
  if (user.hasTwoFactor || policy === "NONE") return false;
  if (policy === "ALL") return true;
  return hasRole(user.role, policy);
}
