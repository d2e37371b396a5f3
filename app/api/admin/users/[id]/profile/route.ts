import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, withErrors } from "@/lib/http/json-route";
import { updateUserProfile } from "@/lib/users/update-user-profile";

/** Corrects a user's name and email: { name, email }. */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("ADMIN", "api.admin.users.profile");
  const [{ id }, body] = await Promise.all([params, readJsonBody(request)]);
  const result = await updateUserProfile({ actor: user, input: { userId: id, name: body.name, email: body.email }, context: await getRequestContext() });
  return Response.json(result);
});
