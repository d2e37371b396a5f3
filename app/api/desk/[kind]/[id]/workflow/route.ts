import { requireRole } from "@/lib/auth/require-role";
import { runAction } from "@/lib/desk/routes";
import { withErrors } from "@/lib/http/json-route";

type Context = { params: Promise<{ kind: string; id: string }> };

/**
 * One action on a record (JSON: { action, baseVersion, … }): restoring a
 * revision, or an editorial transition. The role for each is checked by the
 * domain function, not here.
 */
export const POST = withErrors(async (request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "POST /api/desk/[kind]/[id]/workflow");
  const { kind, id } = await context.params;
  return runAction(kind, user, id, request);
});
