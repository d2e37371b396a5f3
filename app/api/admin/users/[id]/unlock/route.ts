import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { withErrors } from "@/lib/http/json-route";
import { unlockUser } from "@/lib/users/unlock-user";

/** Lifts a sign-in lock-out. */
export const POST = withErrors(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("ADMIN", "api.admin.users.unlock");
  const { id } = await params;
  return Response.json(await unlockUser({ actor: user, input: { userId: id }, context: await getRequestContext() }));
});
