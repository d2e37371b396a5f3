import { requireRole } from "@/lib/auth/require-role";
import { createRecord, deskRoute } from "@/lib/desk/routes";

type Context = { params: Promise<{ kind: string }> };

/** Creates a record from the desk form (JSON: { input }). Who may create what is the domain's rule. */
export const POST = deskRoute(async (request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "POST /api/desk/[kind]");
  return createRecord((await context.params).kind, user, request);
});
