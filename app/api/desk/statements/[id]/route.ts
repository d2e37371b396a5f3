import { requireRole } from "@/lib/auth/require-role";
import { deskRoute, handleDelete, handleSave } from "@/lib/workflow/desk-api";
import { statementWorkflow } from "@/lib/statements/write-statement";

type Context = { params: Promise<{ id: string }> };

/** Saves the statement form (JSON: { baseVersion, input }); a stale base version answers 409 with what changed. */
export const PUT = deskRoute(async (request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "PUT /api/desk/statements/[id]");
  const { id } = await context.params;
  return handleSave("STATEMENT", statementWorkflow, user, id, request);
});

/** Deletes a never-published draft. */
export const DELETE = deskRoute(async (_request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "DELETE /api/desk/statements/[id]");
  const { id } = await context.params;
  return handleDelete(statementWorkflow, user, id);
});
