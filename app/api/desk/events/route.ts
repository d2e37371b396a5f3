import { requireRole } from "@/lib/auth/require-role";
import { deskRoute, handleCreate } from "@/lib/workflow/desk-api";
import { eventWorkflow } from "@/lib/events/write-event";

/** Creates a draft event from the desk form (JSON: { input }). */
export const POST = deskRoute(async (request: Request) => {
  const user = await requireRole("CONTRIBUTOR", "POST /api/desk/events");
  return handleCreate(eventWorkflow, user, request);
});
