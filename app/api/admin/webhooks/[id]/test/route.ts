import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { withErrors } from "@/lib/http/json-route";
import { sendTestWebhook } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

/** Queues a signed "webhook.test" message to the endpoint. */
export const POST = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const admin = await requireRole("ADMIN", "api.admin.webhooks.test");
  return Response.json(await sendTestWebhook(admin, (await context.params).id, await getRequestContext()), { status: 202 });
});
