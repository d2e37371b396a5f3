import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, withErrors } from "@/lib/http/json-route";
import { changeUserRole } from "@/lib/users/change-user-role";

/** Changes a user's role: { role }. */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("ADMIN", "api.admin.users.role");
  const [{ id }, body] = await Promise.all([params, readJsonBody(request)]);
  const result = await changeUserRole({ actor: user, input: { userId: id, role: body.role }, context: await getRequestContext() });
  return Response.json(result);
});
