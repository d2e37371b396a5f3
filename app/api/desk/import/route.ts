import { requireRole } from "@/lib/auth/require-role";
import { withErrors } from "@/lib/http/json-route";
import { handleImportRequest } from "@/lib/import/import-route";

/** The bulk import's dry run, confirmation of new people and organizations, and batches (editors and admins only). */
export const POST = withErrors(async (request: Request) => {
  const user = await requireRole("EDITOR", "POST /api/desk/import");
  return handleImportRequest(user, request);
});
