import { getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, withErrors } from "@/lib/http/json-route";
import { acceptInvitation } from "@/lib/users/accept-invitation";

/**
 * Accepts an invitation: { token, name, password }. Public on purpose: the
 * single-use token is the credential, as on /invite/[token].
 */
export const POST = withErrors(async (request: Request) => {
  const body = await readJsonBody(request);
  const user = await acceptInvitation({ input: body, context: await getRequestContext() });
  return Response.json({ id: user.id, email: user.email, role: user.role }, { status: 201 });
});
