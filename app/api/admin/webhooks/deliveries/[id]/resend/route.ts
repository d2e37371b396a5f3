import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { withErrors } from "@/lib/http/json-route";
import { resendWebhookDelivery } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

/** "Send again": the same message, queued once more with fresh retries. */
export const POST = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const admin = await requireRole("ADMIN", "api.admin.webhooks.resend");
  await resendWebhookDelivery(admin, (await context.params).id, await getRequestContext());
  return Response.json({ ok: true }, { status: 202 });
});
