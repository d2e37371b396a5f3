import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { privateJson, withErrors } from "@/lib/http/json-route";
import { endUserSessions } from "@/lib/users/user-sessions";

/** Signs a staff member out of every session; their password and two-factor sign-in stay. */
export const DELETE = withErrors(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("ADMIN", "api.admin.users.sessions_end");
  const { id } = await params;
  return privateJson(await endUserSessions({ actor: user, input: { userId: id }, context: await getRequestContext() }));
});
