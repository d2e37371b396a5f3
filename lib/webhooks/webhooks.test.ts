import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { createEvent, publishEvent, publishEventChanges, retractEvent, updateEvent } from "@/lib/events/write-event";
import { startDeliveryWorker } from "@/lib/jobs/queue";
import { testEventInput } from "@/lib/testing/factories";
import { isPublicAddress } from "./address-guard";
import { attemptDelivery } from "./deliver";
import { createWebhookEndpoint, getWebhookEndpoint, resendWebhookDelivery, rotateWebhookSecret, sendTestWebhook } from "./endpoints";
import { queueRecordChange } from "./notify";
import { generateWebhookSecret, webhookHeaders } from "./signing";
import { handleDeliveryJob } from "./worker";

/** A real HTTP receiver on loopback that answers what each test scripts. */
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
let receiver: http.Server;
let base = "";
const received: Received[] = [];
let answer: (request: Received) => { status: number; headers?: Record<string, string> } | "hang" = () => ({ status: 204 });

const admin = { id: "admin-webhooks", email: "admin@webhooks.test", role: "ADMIN" as const };
let stopWorkers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  process.env.WEBHOOK_RETRY_DELAY_SECONDS = "1";
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const entry = { path: request.url ?? "", headers: request.headers, body };
      received.push(entry);
      const reply = answer(entry);
      if (reply === "hang") return; // never answers
      response.writeHead(reply.status, reply.headers).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

afterEach(async () => {
  for (const stop of stopWorkers) await stop();
  stopWorkers = [];
  // Each test hears only its own endpoints.
  await db.webhookEndpoint.updateMany({ data: { isActive: false } });
  received.length = 0;
  answer = () => ({ status: 204 });
});

async function startWorkers(count = 1) {
  for (let i = 0; i < count; i++) {
    stopWorkers.push(await startDeliveryWorker({ connectionString: process.env.DATABASE_URL!, handle: handleDeliveryJob, pollingIntervalSeconds: 0.5 }));
  }
}

async function until<T>(what: string, read: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function registerReceiver(path: string, events = ["published", "retracted"]) {
  return createWebhookEndpoint(admin, { url: `${base}${path}`, events, allowPrivateNetwork: true });
}

const change = (slug: string) => ({ event: "published" as const, kind: "event" as const, id: `id-${slug}`, slug, title: `Title ${slug}`, url: `https://chancery.example/events/${slug}` });

describe("where deliveries may go", () => {
  it.each([
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.20.0.1", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["::1", false],
    ["fd00::1", false],
    ["fe80::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:7f00:1", false],
    ["64:ff9b::a00:1", false],
    ["93.184.216.34", true],
    ["2606:4700:4700::1111", true],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it.each(["http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://10.0.0.8/hook", "ftp://example.org/hook", "javascript:alert(1)", "http://user:pw@example.org/hook"])(
    "refuses to register %s without the admin's private-network permission",
    async (url) => {
      const before = await db.webhookEndpoint.count();
      const error = await createWebhookEndpoint(admin, { url, events: ["published"] }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code === "INVALID" && error.fieldErrors.url?.length).toBeTruthy();
      expect(await db.webhookEndpoint.count()).toBe(before);
    },
  );

  it("does not connect to a private address at delivery time either, nor follow a redirect", async () => {
    const secret = generateWebhookSecret();
    const blocked = await attemptDelivery({ url: `${base}/private`, id: "msg_1", body: "{}", secret, allowPrivateNetwork: false });
    expect(blocked).toMatchObject({ ok: false, status: null });
    expect(!blocked.ok && blocked.error).toMatch(/private or reserved/);
    expect(received).toHaveLength(0);

    answer = (r) => (r.path === "/redirect" ? { status: 302, headers: { location: `${base}/elsewhere` } } : { status: 204 });
    const redirected = await attemptDelivery({ url: `${base}/redirect`, id: "msg_2", body: "{}", secret, allowPrivateNetwork: true });
    expect(redirected).toMatchObject({ ok: false, status: 302 });
    expect(received.map((r) => r.path)).toEqual(["/redirect"]);
  });

  it("gives up on a receiver that does not answer within 10 seconds", { timeout: 30_000 }, async () => {
    answer = () => "hang";
    const started = Date.now();
    const result = await attemptDelivery({ url: `${base}/slow`, id: "msg_3", body: "{}", secret: generateWebhookSecret(), allowPrivateNetwork: true });
    expect(result).toMatchObject({ ok: false, status: null });
    expect(!result.ok && result.error).toMatch(/10 seconds/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe("signed deliveries", () => {
  it("signs the Standard Webhooks way: the reference library verifies our signature", () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ type: "event.published", data: { slug: "x" } });
    const headers = webhookHeaders({ id: "msg_abc", body, secret });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body.replace("x", "y"), headers)).toThrow();
  });

  it("delivers a publish to every listening endpoint, signed, once, even with two workers", async () => {
    const [a, b] = [await registerReceiver("/a"), await registerReceiver("/b")];
    const deaf = await createWebhookEndpoint(admin, { url: `${base}/deaf`, events: ["retracted"], allowPrivateNetwork: true });
    await db.$transaction((tx) => queueRecordChange(tx, change("once")));
    await startWorkers(2);
    await until("both deliveries", async () => (await db.webhookDelivery.count({ where: { status: "SUCCEEDED", endpointId: { in: [a.id, b.id] } } })) === 2);
    expect(received.map((r) => r.path).sort()).toEqual(["/a", "/b"]);
    const toA = received.find((r) => r.path === "/a")!;
    const payload = new Webhook(a.secret).verify(toA.body, toA.headers as Record<string, string>) as { type: string; data: { slug: string; url: string } };
    expect(payload).toMatchObject({ type: "event.published", data: { slug: "once", url: "https://chancery.example/events/once" } });
    expect(await db.webhookDelivery.count({ where: { endpointId: deaf.id } })).toBe(0);
  });

  it("retries after 5xx with doubling delays, keeping the same webhook-id, until it succeeds", { timeout: 60_000 }, async () => {
    const endpoint = await registerReceiver("/flaky");
    let calls = 0;
    answer = (r) => (r.path === "/flaky" ? { status: ++calls < 3 ? 500 : 200 } : { status: 204 });
    await db.$transaction((tx) => queueRecordChange(tx, change("flaky")));
    await startWorkers();
    const delivery = await until("success after retries", () => db.webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: "SUCCEEDED" } }));
    expect(delivery).toMatchObject({ attempts: 3, responseStatus: 200, lastError: null });
    const flaky = received.filter((r) => r.path === "/flaky");
    expect(new Set(flaky.map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery.id]));
    // The queue's job carries the retry policy: eleven retries, doubling from the base delay.
    const [job] = await db.$queryRaw<Array<{ retry_limit: number; retry_count: number; retry_backoff: boolean; retry_delay: number }>>`
      SELECT retry_limit, retry_count, retry_backoff, retry_delay FROM pgboss.job WHERE data->>'deliveryId' = ${delivery.id}`;
    expect(job).toEqual({ retry_limit: 11, retry_count: 2, retry_backoff: true, retry_delay: 1 });
  });

  it("nothing is queued when the change's transaction rolls back", async () => {
    const endpoint = await registerReceiver("/rollback");
    await db.$transaction(async (tx) => {
      await queueRecordChange(tx, change("rolled-back"));
      throw new Error("the publish failed");
    }).catch(() => {});
    await startWorkers();
    await db.$transaction((tx) => queueRecordChange(tx, change("after")));
    await until("the later delivery", () => db.webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: "SUCCEEDED" } }));
    expect(received.filter((r) => r.path === "/rollback").map((r) => JSON.parse(r.body).data.slug)).toEqual(["after"]);
  });

  it("the editorial workflow announces publish, a correction and a retraction, each once", { timeout: 60_000 }, async () => {
    const endpoint = await createWebhookEndpoint(admin, {
      url: `${base}/workflow`,
      events: ["published", "changed", "corrected", "retracted"],
      allowPrivateNetwork: true,
    });
    const editor = await db.user.create({ data: { email: `editor-${Date.now()}@webhooks.test`, name: "Webhook editor", role: "EDITOR" } });
    const actor = { id: editor.id, email: editor.email, role: editor.role };
    const input = testEventInput({ title: `Kazakhstan joins the Abraham Accords ${Date.now()}`, body: "The call took place." });
    const created = await createEvent({ actor, input });
    // A draft's saves are not public: nothing is announced for them.
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    const published = await publishEvent({ actor, id: created.id });
    const staged = await updateEvent({ actor, id: created.id, baseVersion: published.version, input: { ...input, summary: "Announced after a phone call." } });
    await publishEventChanges({ actor, id: created.id, baseVersion: staged.version, isMaterial: true, correctionNote: "The call was by phone." });
    await retractEvent({ actor, id: created.id, reason: "Duplicate of another event." });
    await startWorkers();
    const mine = () => received.filter((r) => r.path === "/workflow").map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    await until("three deliveries", async () => (await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "SUCCEEDED" } })) === 3);
    expect(mine().map((p) => p.type).sort()).toEqual(["event.corrected", "event.published", "event.retracted"]);
    const byType = Object.fromEntries(mine().map((p) => [p.type, p.data]));
    expect(byType["event.published"]).toMatchObject({ id: created.id, slug: created.slug, url: expect.stringMatching(new RegExp(`/events/${created.slug}$`)) });
    expect(byType["event.corrected"]).toMatchObject({ correction: "The call was by phone." });
    expect(byType["event.retracted"]).toMatchObject({ url: null, reason: "Duplicate of another event." });
  });

  it("a test event and 'Send again' go out signed; both are in the audit log", async () => {
    const endpoint = await registerReceiver("/manual");
    await startWorkers();
    const { deliveryId } = await sendTestWebhook(admin, endpoint.id);
    await until("the test event", () => db.webhookDelivery.findFirst({ where: { id: deliveryId, status: "SUCCEEDED" } }));
    await resendWebhookDelivery(admin, deliveryId);
    const manual = () => received.filter((r) => r.path === "/manual");
    await until("the second sending", async () => manual().length === 2);
    expect(manual().map((r) => r.headers["webhook-id"])).toEqual([deliveryId, deliveryId]);
    expect(JSON.parse(manual()[0]!.body)).toMatchObject({ type: "webhook.test" });
    expect(await db.auditLog.count({ where: { targetId: endpoint.id, action: { in: ["webhook.create", "webhook.test", "webhook.resend"] } } })).toBe(3);
  });

  it("a new secret signs every later delivery; the old one no longer verifies; the rotation is audited", async () => {
    const endpoint = await registerReceiver("/rotated");
    const { secret } = await rotateWebhookSecret(admin, endpoint.id);
    expect(secret).not.toBe(endpoint.secret);
    await startWorkers();
    const { deliveryId } = await sendTestWebhook(admin, endpoint.id);
    await until("the test event", () => db.webhookDelivery.findFirst({ where: { id: deliveryId, status: "SUCCEEDED" } }));
    const sent = received.find((r) => r.path === "/rotated")!;
    expect(new Webhook(secret).verify(sent.body, sent.headers as Record<string, string>)).toMatchObject({ type: "webhook.test" });
    expect(() => new Webhook(endpoint.secret).verify(sent.body, sent.headers as Record<string, string>)).toThrow();
    expect(await db.auditLog.count({ where: { targetId: endpoint.id, action: "webhook.rotate_secret" } })).toBe(1);
    await expect(rotateWebhookSecret({ ...admin, role: "EDITOR" }, endpoint.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(rotateWebhookSecret(admin, "no-such-endpoint")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An id PostgreSQL cannot even compare (a NUL, as the fuzz sends it) is no such endpoint, not a 500.
    await expect(getWebhookEndpoint("\u0000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getWebhookEndpoint("no-such-endpoint")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("only admins manage webhooks", async () => {
    const editor = { ...admin, role: "EDITOR" as const };
    await expect(createWebhookEndpoint(editor, { url: `${base}/x`, events: ["published"], allowPrivateNetwork: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
