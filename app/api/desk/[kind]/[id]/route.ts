import { requireRole } from "@/lib/auth/require-role";
import { deleteRecord, saveRecord } from "@/lib/desk/routes";
import { withErrors } from "@/lib/http/json-route";

type Context = { params: Promise<{ kind: string; id: string }> };

/** Saves the form (JSON: { baseVersion, input }); a stale base version answers 409 with what changed. */
export const PUT = withErrors(async (request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "PUT /api/desk/[kind]/[id]");
  const { kind, id } = await context.params;
  return saveRecord(kind, user, id, request);
});

/** Deletes a record: a never-published draft, or a reference record nothing refers to. */
export const DELETE = withErrors(async (_request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "DELETE /api/desk/[kind]/[id]");
  const { kind, id } = await context.params;
  return deleteRecord(kind, user, id);
});
