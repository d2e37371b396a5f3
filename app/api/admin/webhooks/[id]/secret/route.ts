import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { withErrors } from "@/lib/http/json-route";
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

/** Replaces the endpoint's signing secret; the new one is in this answer only. */
export const POST = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const admin = await requireRole("ADMIN", "api.admin.webhooks.secret");
  return Response.json(await rotateWebhookSecret(admin, (await context.params).id, await getRequestContext()));
});
