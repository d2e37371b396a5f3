import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, withErrors } from "@/lib/http/json-route";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => {
  await requireRole("ADMIN", "api.admin.webhooks.list");
  return Response.json({ endpoints: await listWebhookEndpoints() });
});

/** Registers an endpoint: { url, description?, events, allowPrivateNetwork? }. Answers with its secret, once. */
export const POST = withErrors(async (request: Request) => {
  const admin = await requireRole("ADMIN", "api.admin.webhooks.create");
  const created = await createWebhookEndpoint(admin, await readJsonBody(request), await getRequestContext());
  return Response.json(created, { status: 201 });
});
