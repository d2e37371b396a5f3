import { getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, withErrors } from "@/lib/http/json-route";
import { resetPassword } from "@/lib/users/password-reset";

/**
 * Sets a new password from a reset link: { token, password }. Public on purpose:
 * the single-use token is the credential, as on /reset/[token].
 */
export const POST = withErrors(async (request: Request) => {
  const body = await readJsonBody(request);
  const result = await resetPassword({ input: body, context: await getRequestContext() });
  return Response.json({ email: result.email });
});
