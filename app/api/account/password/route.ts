import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, withErrors } from "@/lib/http/json-route";
import { changeOwnPassword } from "@/lib/users/change-own-password";

/** Changes the caller's own password: { currentPassword, newPassword }. */
export const POST = withErrors(async (request: Request) => {
  const user = await requireRole("CONTRIBUTOR", "api.account.password");
  const body = await readJsonBody(request);
  return Response.json(await changeOwnPassword({ actor: user, input: body, context: await getRequestContext() }));
});
