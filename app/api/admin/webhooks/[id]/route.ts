import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, withErrors } from "@/lib/http/json-route";
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";
type Context = { params: Promise<{ id: string }> };

/** The endpoint (never its secret) and its latest deliveries. */
export const GET = withErrors(async (_request: Request, context: Context) => {
  await requireRole("ADMIN", "api.admin.webhooks.read");
  return Response.json({ endpoint: await getWebhookEndpoint((await context.params).id) });
});

export const PUT = withErrors(async (request: Request, context: Context) => {
  const admin = await requireRole("ADMIN", "api.admin.webhooks.update");
  await updateWebhookEndpoint(admin, (await context.params).id, await readJsonBody(request), await getRequestContext());
  return Response.json({ ok: true });
});

export const DELETE = withErrors(async (_request: Request, context: Context) => {
  const admin = await requireRole("ADMIN", "api.admin.webhooks.delete");
  await deleteWebhookEndpoint(admin, (await context.params).id, await getRequestContext());
  return Response.json({ ok: true });
});
