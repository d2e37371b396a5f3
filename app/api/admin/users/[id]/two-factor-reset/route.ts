import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { withErrors } from "@/lib/http/json-route";
import { resetTwoFactor } from "@/lib/users/two-factor";

/** Turns a user's two-factor sign-in off (lost phone); their sessions end. */
export const POST = withErrors(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("ADMIN", "api.admin.users.two-factor-reset");
  const { id } = await params;
  return Response.json(await resetTwoFactor({ actor: user, input: { userId: id }, context: await getRequestContext() }));
});
