import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { privateJson, withErrors } from "@/lib/http/json-route";
import { endOwnSession } from "@/lib/users/user-sessions";

/** Ends one of the caller's other sessions: that browser is signed out at its next request. */
export const DELETE = withErrors(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("CONTRIBUTOR", "api.account.sessions.end", { allowWithoutTwoFactor: true });
  const { id } = await params;
  return privateJson(await endOwnSession({ actor: user, input: { sessionId: id }, context: await getRequestContext() }));
});
