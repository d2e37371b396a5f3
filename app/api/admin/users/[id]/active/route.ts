import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, withErrors } from "@/lib/http/json-route";
import { setUserActive } from "@/lib/users/set-user-active";

/** Deactivates or reactivates a user: { isActive }. */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("ADMIN", "api.admin.users.active");
  const [{ id }, body] = await Promise.all([params, readJsonBody(request)]);
  const result = await setUserActive({ actor: user, input: { userId: id, isActive: body.isActive }, context: await getRequestContext() });
  return Response.json(result);
});
