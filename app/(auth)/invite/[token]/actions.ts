"use server";

import { getRequestContext } from "@/lib/auth/request-context";
import { toActionError } from "@/lib/auth/results";
import type { ActionResult } from "@/lib/errors/app-error";
import { acceptInvitation } from "@/lib/users/accept-invitation";

export type AcceptResult = ActionResult<{ email: string }> & { values?: { name: string } };

// No role guard: the invitation token is the credential, checked by acceptInvitation.
export async function acceptInvitationAction(_previous: AcceptResult | null, form: FormData): Promise<AcceptResult> {
  const values = { name: String(form.get("name") ?? "") };
  try {
    const user = await acceptInvitation({
      input: { token: String(form.get("token") ?? ""), name: values.name, password: String(form.get("password") ?? "") },
      context: await getRequestContext(),
    });
    return { ok: true, email: user.email };
  } catch (error) {
    return { ...toActionError(error), values };
  }
}
