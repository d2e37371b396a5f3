import { requireRole } from "@/lib/auth/require-role";
import { mergeRecord } from "@/lib/desk/routes";
import { withErrors } from "@/lib/http/json-route";

type Context = { params: Promise<{ kind: string; id: string }> };

/** Merges a duplicate person or organization into the one to keep (JSON: { baseVersion, into }); editors only. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const user = await requireRole("EDITOR", "POST /api/desk/[kind]/[id]/merge");
  const { kind, id } = await context.params;
  return mergeRecord(kind, user, id, request);
});
