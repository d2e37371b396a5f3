import { requireRole } from "@/lib/auth/require-role";
import { deskRoute, runAction } from "@/lib/desk/routes";

type Context = { params: Promise<{ kind: string; id: string }> };

/**
 * One action on a record (JSON: { action, baseVersion, … }): restoring a
 * revision, or an editorial transition. The role for each is checked by the
 * domain function, not here.
 */
export const POST = deskRoute(async (request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "POST /api/desk/[kind]/[id]/workflow");
  const { kind, id } = await context.params;
  return runAction(kind, user, id, request);
});
