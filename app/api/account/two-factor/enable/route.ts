import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, withErrors } from "@/lib/http/json-route";
import { confirmTwoFactorEnrolment } from "@/lib/users/two-factor";

/** Turns two-factor sign-in on: { code } from the new secret. Answers with the recovery codes, once. */
export const POST = withErrors(async (request: Request) => {
  const user = await requireRole("CONTRIBUTOR", "api.account.two-factor.enable", { allowWithoutTwoFactor: true });
  const body = await readJsonBody(request);
  return Response.json(await confirmTwoFactorEnrolment({ actor: user, input: body, context: await getRequestContext() }));
});
