import { appOrigin, getRequestContext } from "@/lib/auth/request-context";
import { privateJson, readJsonBody, withErrors } from "@/lib/http/json-route";
import { requestPasswordReset } from "@/lib/users/password-reset";

/**
 * "Forgot password?": { email }. Public on purpose (whoever forgot their password
 * is not signed in); the answer is the same whether the email has an account.
 */
export const POST = withErrors(async (request: Request) => {
  const body = await readJsonBody(request);
  await requestPasswordReset({ input: { email: body.email }, context: await getRequestContext(), origin: appOrigin() });
  return privateJson({ message: "If that address has an account here, a link to set a new password is on its way. It works once, for one hour." });
});
