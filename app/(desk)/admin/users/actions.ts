"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import { appOrigin, getRequestContext } from "@/lib/auth/request-context";
import { toActionError } from "@/lib/auth/results";
import type { ActionResult } from "@/lib/errors/app-error";
import { changeUserRole } from "@/lib/users/change-user-role";
import { inviteUser } from "@/lib/users/invite-user";
import { createPasswordReset } from "@/lib/users/password-reset";
import { setUserActive } from "@/lib/users/set-user-active";
import { unlockUser } from "@/lib/users/unlock-user";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

export type InviteResult = ActionResult<{ email: string; link: string; emailed: boolean; expiresAt: string }> & { values?: Record<string, string> };

export async function inviteUserAction(_previous: InviteResult | null, form: FormData): Promise<InviteResult> {
  const user = await requireRole("ADMIN", "admin.users.invite");
  const values = { email: text(form, "email"), role: text(form, "role"), name: text(form, "name") };
  try {
    const invitation = await inviteUser({ actor: user, input: values as never, context: await getRequestContext(), origin: appOrigin() });
    revalidatePath("/admin/users");
    return { ok: true, email: invitation.email, link: invitation.link, emailed: invitation.emailed, expiresAt: invitation.expiresAt.toISOString() };
  } catch (error) {
    return { ...toActionError(error), values };
  }
}

export type UserActionResult = ActionResult<{ message: string; link?: string }>;

export async function changeUserRoleAction(_previous: UserActionResult | null, form: FormData): Promise<UserActionResult> {
  const user = await requireRole("ADMIN", "admin.users.role");
  try {
    const result = await changeUserRole({ actor: user, input: { userId: text(form, "userId"), role: text(form, "role") as never }, context: await getRequestContext() });
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: result.changed ? "Role changed. Their sessions have ended." : "The role was already that." };
  } catch (error) {
    return toActionError(error);
  }
}

export async function setUserActiveAction(_previous: UserActionResult | null, form: FormData): Promise<UserActionResult> {
  const user = await requireRole("ADMIN", "admin.users.active");
  const isActive = text(form, "isActive") === "true";
  try {
    await setUserActive({ actor: user, input: { userId: text(form, "userId"), isActive }, context: await getRequestContext() });
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: isActive ? "Account reactivated." : "Account deactivated. Their sessions have ended." };
  } catch (error) {
    return toActionError(error);
  }
}

export async function createResetLinkAction(_previous: UserActionResult | null, form: FormData): Promise<UserActionResult> {
  const user = await requireRole("ADMIN", "admin.users.reset-link");
  try {
    const reset = await createPasswordReset({ actor: user, input: { userId: text(form, "userId") }, context: await getRequestContext(), origin: appOrigin() });
    return { ok: true, message: "Pass this link on. It works once and expires in 24 hours.", link: reset.link };
  } catch (error) {
    return toActionError(error);
  }
}

export async function unlockUserAction(_previous: UserActionResult | null, form: FormData): Promise<UserActionResult> {
  const user = await requireRole("ADMIN", "admin.users.unlock");
  try {
    await unlockUser({ actor: user, input: { userId: text(form, "userId") }, context: await getRequestContext() });
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: "Account unlocked." };
  } catch (error) {
    return toActionError(error);
  }
}
