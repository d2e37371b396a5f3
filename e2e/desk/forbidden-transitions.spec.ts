import { expect, test } from "@playwright/test";
import { createEventViaApi, createStaff, eventInput, eventRow, query, signInAs, unique, workflowViaApi } from "./helpers/staff";

/**
 * Every transition sent straight to the server by a role that may not make it
 * is refused, and the item is left exactly as it was.
 */
test("transitions a role may not make are refused by the server and change nothing", async ({ playwright, baseURL }) => {
  const [contributor, otherContributor, editor] = await Promise.all([createStaff("CONTRIBUTOR"), createStaff("CONTRIBUTOR"), createStaff("EDITOR")]);
  const as = async (staff: typeof editor) => {
    const request = await playwright.request.newContext({ baseURL });
    await signInAs(request, staff);
    return request;
  };
  const [c, other, e, anonymous] = await Promise.all([as(contributor), as(otherContributor), as(editor), playwright.request.newContext({ baseURL })]);

  const draft = await createEventViaApi(c, eventInput(`Contributor draft ${unique()}`));
  const published = await createEventViaApi(e, eventInput(`Published by an editor ${unique()}`));
  await workflowViaApi(e, "events", published.id, { action: "publish", baseVersion: 1 });
  await e.put(`/api/desk/events/${published.id}`, { data: { baseVersion: 2, input: eventInput("Staged title", { summary: "staged" }) } });

  const snapshot = async () => ({ draft: await eventRow(draft.id), published: await eventRow(published.id) });
  const before = await snapshot();
  const future = new Date(Date.now() + 3_600_000).toISOString();

  const attempts: Array<[string, () => Promise<{ status: number }>]> = [
    ["contributor publishes own draft", () => workflowViaApi(c, "events", draft.id, { action: "publish", baseVersion: 1 })],
    ["contributor schedules own draft", () => workflowViaApi(c, "events", draft.id, { action: "schedule", baseVersion: 1, at: future })],
    ["contributor unpublishes", () => workflowViaApi(c, "events", published.id, { action: "unpublish", baseVersion: 3 })],
    ["contributor retracts", () => workflowViaApi(c, "events", published.id, { action: "retract", baseVersion: 3, reason: "no" })],
    ["contributor publishes changes", () => workflowViaApi(c, "events", published.id, { action: "publishChanges", baseVersion: 3, isMaterial: false })],
    ["contributor restores a revision", () => workflowViaApi(c, "events", published.id, { action: "restore", baseVersion: 3, revisionVersion: 1 })],
    ["contributor edits a published event", async () => ({ status: (await c.put(`/api/desk/events/${published.id}`, { data: { baseVersion: 3, input: eventInput("Hijack") } })).status() })],
    ["contributor deletes an editor's item", async () => ({ status: (await c.delete(`/api/desk/events/${published.id}`)).status() })],
    ["another contributor edits the draft", async () => ({ status: (await other.put(`/api/desk/events/${draft.id}`, { data: { baseVersion: 1, input: eventInput("Hijack") } })).status() })],
    ["another contributor submits the draft", () => workflowViaApi(other, "events", draft.id, { action: "submit", baseVersion: 1 })],
    ["another contributor deletes the draft", async () => ({ status: (await other.delete(`/api/desk/events/${draft.id}`)).status() })],
    ["anonymous creates", async () => ({ status: (await anonymous.post("/api/desk/events", { data: { input: eventInput("Anon") } })).status() })],
    ["anonymous publishes", () => workflowViaApi(anonymous, "events", draft.id, { action: "publish", baseVersion: 1 })],
    ["editor deletes a published event", async () => ({ status: (await e.delete(`/api/desk/events/${published.id}`)).status() })],
  ];
  for (const [what, attempt] of attempts) {
    const { status } = await attempt();
    expect([401, 403, 409], what).toContain(status);
  }
  expect(await snapshot()).toEqual(before);
  const denied = await query<{ n: string }>(`SELECT count(*) AS n FROM "AuditLog" WHERE action = 'access.denied'`);
  expect(Number(denied[0]!.n)).toBeGreaterThan(0);

  // The statements side refuses the same way.
  const statement = await c.post("/api/desk/statements", {
    data: { input: { title: `Contributor statement ${unique()}`, text: "Words.", language: "en", speakerLabel: "a senior US official", medium: "READOUT", sources: [{ url: "https://example.org/a", title: "A" }] } },
  });
  const { id } = (await statement.json()) as { id: string };
  expect((await workflowViaApi(c, "statements", id, { action: "publish", baseVersion: 1 })).status).toBe(403);
  const [row] = await query<{ status: string; version: number }>(`SELECT status, version FROM "Statement" WHERE id = $1`, [id]);
  expect(row).toEqual({ status: "DRAFT", version: 1 });
  await Promise.all([c, other, e, anonymous].map((r) => r.dispose()));
});
