import { requireRole } from "@/lib/auth/require-role";
import { createRecord } from "@/lib/desk/routes";
import { withErrors } from "@/lib/http/json-route";

type Context = { params: Promise<{ kind: string }> };

/** Creates a record from the desk form (JSON: { input }). Who may create what is the domain's rule. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "POST /api/desk/[kind]");
  return createRecord((await context.params).kind, user, request);
});
