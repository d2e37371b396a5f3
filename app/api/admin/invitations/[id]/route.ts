import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { withErrors } from "@/lib/http/json-route";
import { revokeInvitation } from "@/lib/users/revoke-invitation";

/** Revokes an open invitation: its link stops working. */
export const DELETE = withErrors(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("ADMIN", "api.admin.invitations.revoke");
  const { id } = await params;
  const result = await revokeInvitation({ actor: user, input: { invitationId: id }, context: await getRequestContext() });
  return Response.json(result);
});
