import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { withErrors } from "@/lib/http/json-route";
import { startTwoFactorEnrolment } from "@/lib/users/two-factor";

/** Starts two-factor enrolment: a new secret (and its otpauth:// URI) to confirm with a code. */
export const POST = withErrors(async () => {
  const user = await requireRole("CONTRIBUTOR", "api.account.two-factor.setup", { allowWithoutTwoFactor: true });
  return Response.json(await startTwoFactorEnrolment({ actor: user, context: await getRequestContext() }), { status: 201 });
});
