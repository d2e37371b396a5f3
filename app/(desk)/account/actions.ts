"use server";

import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { toActionError } from "@/lib/auth/results";
import type { ActionResult } from "@/lib/errors/app-error";
import { changeOwnPassword } from "@/lib/users/change-own-password";

export type ChangePasswordResult = ActionResult<{ sessionsEnded: number }>;

export async function changeOwnPasswordAction(_previous: ChangePasswordResult | null, form: FormData): Promise<ChangePasswordResult> {
  const user = await requireRole("CONTRIBUTOR", "account.password");
  try {
    const input = { currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") };
    const result = await changeOwnPassword({ actor: user, input, context: await getRequestContext() });
    return { ok: true, sessionsEnded: result.sessionsEnded };
  } catch (error) {
    return toActionError(error);
  }
}
