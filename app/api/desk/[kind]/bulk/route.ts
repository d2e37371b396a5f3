import { requireRole } from "@/lib/auth/require-role";
import { runBulk } from "@/lib/desk/routes";
import { withErrors } from "@/lib/http/json-route";

type Context = { params: Promise<{ kind: string }> };

/**
 * One workflow step (submit, publish, unpublish) on several items of a list
 * (JSON: { action, items }). The role for each item is checked by the domain
 * function, item by item, not here.
 */
export const POST = withErrors(async (request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "POST /api/desk/[kind]/bulk");
  return runBulk((await context.params).kind, user, request);
});
