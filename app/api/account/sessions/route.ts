import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { privateJson, withErrors } from "@/lib/http/json-route";
import { endOtherOwnSessions, listOwnSessions } from "@/lib/users/user-sessions";

export const dynamic = "force-dynamic";

/** The caller's live sessions, the one in use first (what /account lists). */
export const GET = withErrors(async () => {
  const user = await requireRole("CONTRIBUTOR", "api.account.sessions.list", { allowWithoutTwoFactor: true });
  return privateJson(await listOwnSessions(user));
});

/** Signs the caller out everywhere else: every session but this one ends. */
export const DELETE = withErrors(async () => {
  const user = await requireRole("CONTRIBUTOR", "api.account.sessions.end_others", { allowWithoutTwoFactor: true });
  return privateJson(await endOtherOwnSessions({ actor: user, context: await getRequestContext() }));
});
