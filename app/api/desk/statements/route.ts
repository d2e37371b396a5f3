import { requireRole } from "@/lib/auth/require-role";
import { deskRoute, handleCreate } from "@/lib/workflow/desk-api";
import { statementWorkflow } from "@/lib/statements/write-statement";

/** Creates a draft statement from the desk form (JSON: { input }). */
export const POST = deskRoute(async (request: Request) => {
  const user = await requireRole("CONTRIBUTOR", "POST /api/desk/statements");
  return handleCreate(statementWorkflow, user, request);
});
