import { requireRole } from "@/lib/auth/require-role";
import { appOrigin, getRequestContext } from "@/lib/auth/request-context";
import { withErrors } from "@/lib/http/json-route";
import { createPasswordReset } from "@/lib/users/password-reset";

/** Makes a single-use password-reset link for a user. */
export const POST = withErrors(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("ADMIN", "api.admin.users.reset-link");
  const { id } = await params;
  const reset = await createPasswordReset({ actor: user, input: { userId: id }, context: await getRequestContext(), origin: appOrigin() });
  return Response.json({ link: reset.link, expiresAt: reset.expiresAt }, { status: 201 });
});
