import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, withErrors } from "@/lib/http/json-route";
import { disableOwnTwoFactor } from "@/lib/users/two-factor";

/** Turns one's own two-factor sign-in off: { currentPassword }. */
export const POST = withErrors(async (request: Request) => {
  const user = await requireRole("CONTRIBUTOR", "api.account.two-factor.disable");
  const body = await readJsonBody(request);
  return Response.json(await disableOwnTwoFactor({ actor: user, input: body, context: await getRequestContext() }));
});
