import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ADMIN } from "../support/env";
import { baseUrl, createStaff, signedInRequest } from "../support/staff";
import { createEventViaApi, eventInput } from "../desk/helpers/staff";

/**
 * A page on another origin (another site, or another host of this one, whose forms
 * the SameSite=Lax session cookie still follows) makes the signed-in admin's browser
 * post to the staff routes. Those that read no body (unlock, reset links, two-factor
 * reset, a webhook's secret, deletions) are refused as the ones that do are.
 */
async function auditCount(admin: APIRequestContext, target: string): Promise<number> {
  const response = await admin.get(`/api/admin/audit?target=${encodeURIComponent(target)}`);
  expect(response.status()).toBe(200);
  return (await response.text()).split("\n").filter(Boolean).length;
}

test("an admin's session does nothing when another origin's page sends it: every bodyless operation answers 403 and changes nothing", async () => {
  const target = await createStaff("CONTRIBUTOR", "cross-origin");
  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  const invited = await admin.post("/api/admin/users", { data: { email: `cross-origin-${target.id}@e2e.chancery.test`, role: "EDITOR" } });
  expect(invited.status(), await invited.text()).toBe(201);
  const invitation = (await invited.json()) as { id: string };
  const endpointAnswer = await admin.post("/api/admin/webhooks", { data: { url: "http://127.0.0.1:9/cross-origin", events: ["published"], allowPrivateNetwork: true } });
  expect(endpointAnswer.status(), await endpointAnswer.text()).toBe(201);
  const endpoint = (await endpointAnswer.json()) as { id: string };
  const draft = await createEventViaApi(admin, eventInput(`A draft no other site may delete ${target.id}`));

  const operations = [
    { name: "password-reset link", target: target.id, call: (headers: Record<string, string>) => admin.post(`/api/admin/users/${target.id}/reset-link`, { headers }) },
    { name: "unlock", target: target.id, call: (headers: Record<string, string>) => admin.post(`/api/admin/users/${target.id}/unlock`, { headers }) },
    { name: "webhook secret", target: endpoint.id, call: (headers: Record<string, string>) => admin.post(`/api/admin/webhooks/${endpoint.id}/secret`, { headers }) },
    { name: "revoke invitation", target: invitation.id, call: (headers: Record<string, string>) => admin.delete(`/api/admin/invitations/${invitation.id}`, { headers }) },
    { name: "delete draft", target: draft.id, call: (headers: Record<string, string>) => admin.delete(`/api/desk/events/${draft.id}`, { headers }) },
  ];
  const before = await Promise.all(operations.map((o) => auditCount(admin, o.target)));

  for (const origin of ["https://evil.example", "null"]) {
    for (const operation of operations) {
      const answer = await operation.call({ origin });
      expect(answer.status(), `${operation.name} from ${origin}`).toBe(403);
      expect(await answer.json(), operation.name).toMatchObject({ ok: false, code: "FORBIDDEN", message: "Requests must come from this site itself." });
    }
  }
  // Nothing happened: no audit row, the invitation still open, the draft still there.
  expect(await Promise.all(operations.map((o) => auditCount(admin, o.target)))).toEqual(before);
  const { invitations } = (await (await admin.get("/api/admin/users")).json()) as { invitations: Array<{ id: string }> };
  expect(invitations.map((i) => i.id)).toContain(invitation.id);
  expect((await admin.get(`/dashboard/events/${draft.id}`, { maxRedirects: 0 })).status()).toBe(200);

  // The same calls from this site's own pages work, so the refusals above were the origin's alone.
  for (const operation of operations) {
    const answer = await operation.call({ origin: baseUrl() });
    expect(answer.ok(), `${operation.name} from this site: ${answer.status()} ${await answer.text()}`).toBe(true);
  }
  expect((await admin.get(`/dashboard/events/${draft.id}`, { maxRedirects: 0 })).status()).toBe(404);
  await admin.dispose();
});
