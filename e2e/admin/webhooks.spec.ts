import { expect, request as playwrightRequest, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expectAccessible } from "../support/axe";
import { signedInPage } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { baseUrl, createStaff, signedInRequest } from "../support/staff";
import { startWebhookReceiver, type ReceivedWebhook } from "../support/webhook-receiver";
import { createEventViaApi, eventInput, staffContext, unique } from "../desk/helpers/staff";
import { expectNoSidewaysScroll, expectOneOptionALine } from "../support/layout";

/** The type a delivery says it is (read unverified: the test verifies the signature where it matters). */
const deliveryType = (delivery: ReceivedWebhook) => (JSON.parse(delivery.body) as { type?: string }).type;

test("an admin adds an endpoint, keeps its secret, sends a test event and sees it delivered, signed — on a desktop and a phone", async ({ browser }) => {
  test.setTimeout(180_000); // a whole admin session: several deliveries and four accessibility checks
  const receiver = await startWebhookReceiver();
  const path = `/hooks/${Date.now()}`;
  // The endpoint hears "published" too (checked by default), so events other specs publish
  // meanwhile reach it as well: this test counts only its own test events.
  const tests = () => receiver.received.filter((r) => r.path === path && deliveryType(r) === "webhook.test");
  const { context, page } = await signedInPage(browser, E2E_ADMIN);
  try {
    await page.goto("/dashboard");
    await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expectOneOptionALine(page.getByRole("group", { name: "Send these changes" }));
    await expectAccessible(page);

    // A loopback address is refused unless the admin says it is on their own network.
    await page.getByRole("textbox", { name: "URL" }).fill(`${receiver.url}${path}`);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText(/private or reserved address/)).toBeVisible();

    await page.getByRole("textbox", { name: "Description" }).fill("Newsletter system");
    await page.getByRole("checkbox", { name: "Retracted" }).check();
    await page.getByRole("checkbox", { name: "Allow private network addresses" }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Endpoint added")).toBeVisible();
    const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);

    await page.getByRole("link", { name: "Open the endpoint" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhook endpoint" })).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0); // never shown again
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText("A test event is on its way")).toBeVisible();

    await expect.poll(() => tests().length, { timeout: 30_000 }).toBe(1);
    const delivery = tests()[0]!;
    expect(new Webhook(secret).verify(delivery.body, delivery.headers)).toMatchObject({ type: "webhook.test" });
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByRole("row").filter({ hasText: "webhook.test" }).getByText("Delivered", { exact: true }).count();
      }, { timeout: 30_000 })
      .toBe(1);
    await expectAccessible(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole("button", { name: "Send test event" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectOneOptionALine(page.getByRole("group", { name: "Send these changes" }));
    await expectAccessible(page);

    // "Send again" sends the same message (same webhook-id).
    await page.getByRole("button", { name: /^Send webhook\.test of .* again$/ }).click();
    await expect.poll(() => tests().length, { timeout: 30_000 }).toBe(2);
    const ids = tests().map((r) => r.headers["webhook-id"]);
    expect(ids[0]).toBe(ids[1]);

    // A new secret replaces the old one: later deliveries verify with it only.
    await page.getByRole("button", { name: "New signing secret" }).click();
    await page.getByRole("button", { name: "Yes, make a new secret" }).click();
    const newSecret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect.poll(() => tests().length, { timeout: 30_000 }).toBe(3);
    const third = tests()[2]!;
    expect(new Webhook(newSecret).verify(third.body, third.headers)).toMatchObject({ type: "webhook.test" });
    expect(() => new Webhook(secret).verify(third.body, third.headers)).toThrow();

    // Deleting asks first, then removes the endpoint.
    await page.getByRole("button", { name: "Delete endpoint" }).click();
    await page.getByRole("button", { name: "Yes, delete the endpoint" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expect(page.getByRole("link", { name: `${receiver.url}${path}` })).toHaveCount(0);
  } finally {
    await context.close();
    await receiver.close();
  }
});

test("only admins reach webhooks: editors get 403 and anonymous readers 401, and nothing is created", async () => {
  const editor = await createStaff("EDITOR");
  const session = await signedInRequest(editor.email, editor.password);
  const body = { url: "https://example.org/hook", events: ["published"] };
  expect((await session.post("/api/admin/webhooks", { data: body })).status()).toBe(403);
  expect((await session.get("/api/admin/webhooks")).status()).toBe(403);
  await session.dispose();
  const anonymous = await playwrightRequest.newContext({ baseURL: baseUrl() });
  expect((await anonymous.post("/api/admin/webhooks", { data: body })).status()).toBe(401);
  await anonymous.dispose();
  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  const { endpoints } = (await (await admin.get("/api/admin/webhooks")).json()) as { endpoints: { url: string }[] };
  expect(endpoints.map((e) => e.url)).not.toContain("https://example.org/hook");
  // SSRF targets are refused through the API as well.
  for (const url of ["http://169.254.169.254/latest/meta-data", "http://[::1]:8080/", "http://10.0.0.1/hook", "file:///etc/passwd"]) {
    const response = await admin.post("/api/admin/webhooks", { data: { url, events: ["published"] } });
    expect(response.status(), url).toBe(400);
  }
  await admin.dispose();
});

test("an editor pressing Publish on the desk sends one signed event.published to the listening endpoint", async ({ browser }) => {
  const receiver = await startWebhookReceiver();
  const path = `/published/${Date.now()}`;
  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  const endpointResponse = await admin.post("/api/admin/webhooks", { data: { url: `${receiver.url}${path}`, events: ["published"], allowPrivateNetwork: true } });
  expect(endpointResponse.status()).toBe(201);
  const endpoint = (await endpointResponse.json()) as { id: string; secret: string };
  const { context } = await staffContext(browser, "EDITOR");
  try {
    const created = await createEventViaApi(context.request, eventInput(`Webhook signing ${unique()}`));
    const page = await context.newPage();
    await page.goto(`/dashboard/events/${created.id}`);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText("Published.", { exact: true })).toBeVisible();

    // Other specs publish meanwhile, and this endpoint hears every publication: one delivery is about this event.
    const mine = () => receiver.received.filter((r) => r.path === path && (JSON.parse(r.body) as { data?: { id?: string } }).data?.id === created.id);
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(1);
    const delivery = mine()[0]!;
    const payload = new Webhook(endpoint.secret).verify(delivery.body, delivery.headers) as { type: string; data: Record<string, unknown> };
    expect(payload).toMatchObject({ type: "event.published", data: { kind: "event", id: created.id, slug: created.slug } });
    expect(String(payload.data.url)).toMatch(new RegExp(`/events/${created.slug}$`));
  } finally {
    await admin.delete(`/api/admin/webhooks/${endpoint.id}`);
    await admin.dispose();
    await context.close();
    await receiver.close();
  }
});
