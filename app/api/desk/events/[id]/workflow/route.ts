import { requireRole } from "@/lib/auth/require-role";
import { deskRoute, handleWorkflow } from "@/lib/workflow/desk-api";
import { eventWorkflow } from "@/lib/events/write-event";

type Context = { params: Promise<{ id: string }> };

/**
 * One editorial transition of a event (JSON: { action, baseVersion, … }). The role
 * for each transition is checked by the domain function, not here.
 */
export const POST = deskRoute(async (request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "POST /api/desk/events/[id]/workflow");
  const { id } = await context.params;
  return handleWorkflow("EVENT", eventWorkflow, user, id, request);
});
