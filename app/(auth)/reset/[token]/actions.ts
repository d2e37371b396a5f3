"use server";

import { getRequestContext } from "@/lib/auth/request-context";
import { toActionError } from "@/lib/auth/results";
import type { ActionResult } from "@/lib/errors/app-error";
import { resetPassword } from "@/lib/users/password-reset";

export type ResetResult = ActionResult<{ email: string }>;

// No role guard: the reset token is the credential, checked by resetPassword.
export async function resetPasswordAction(_previous: ResetResult | null, form: FormData): Promise<ResetResult> {
  try {
    const result = await resetPassword({
      input: { token: String(form.get("token") ?? ""), password: String(form.get("password") ?? "") },
      context: await getRequestContext(),
    });
    return { ok: true, email: result.email };
  } catch (error) {
    return toActionError(error);
  }
}
