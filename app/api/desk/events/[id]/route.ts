import { requireRole } from "@/lib/auth/require-role";
import { deskRoute, handleDelete, handleSave } from "@/lib/workflow/desk-api";
import { eventWorkflow } from "@/lib/events/write-event";

type Context = { params: Promise<{ id: string }> };

/** Saves the event form (JSON: { baseVersion, input }); a stale base version answers 409 with what changed. */
export const PUT = deskRoute(async (request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "PUT /api/desk/events/[id]");
  const { id } = await context.params;
  return handleSave("EVENT", eventWorkflow, user, id, request);
});

/** Deletes a never-published draft. */
export const DELETE = deskRoute(async (_request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "DELETE /api/desk/events/[id]");
  const { id } = await context.params;
  return handleDelete(eventWorkflow, user, id);
});
