import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestContext } from "@/lib/auth/request-context";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/records/field-errors";
import { isRecordId } from "@/lib/records/fields";
import { assertDeliverableHost, BlockedAddressError } from "./address-guard";
import { enqueueDelivery } from "@/lib/jobs/queue";
import { WebhookEndpointInputSchema, WebhookEndpointUpdateSchema } from "./schemas";
import { generateWebhookSecret } from "./signing";

export interface WebhookActor {
  id: string;
  email: string;
  role: Role;
}

/** Webhooks send the record to outside systems: only admins set them up. */
function assertAdmin(actor: WebhookActor) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins manage webhooks.");
}

async function assertUrlAllowed(url: string, allowPrivateNetwork: boolean) {
  try {
    await assertDeliverableHost(new URL(url), allowPrivateNetwork);
  } catch (error) {
    if (error instanceof BlockedAddressError) {
      throw new AppError("INVALID", "This URL cannot receive webhooks.", {
        url: [`${error.message} Tick "Allow private network addresses" only for a system on your own network.`],
      });
    }
    throw error;
  }
}

const audit = (actor: WebhookActor, context: RequestContext | undefined, action: string, targetId: string, summary: Record<string, unknown>) => ({
  action,
  actorId: actor.id,
  actorEmail: actor.email,
  targetType: "webhook",
  targetId,
  summary: summary as Prisma.InputJsonObject,
  ip: context?.ip ?? null,
  userAgent: context?.userAgent ?? null,
});

/** Registers an endpoint; its secret is returned this once and never shown again. */
export async function createWebhookEndpoint(actor: WebhookActor, raw: unknown, context?: RequestContext) {
  assertAdmin(actor);
  const input = parseInput(WebhookEndpointInputSchema, raw);
  await assertUrlAllowed(input.url, input.allowPrivateNetwork);
  const secret = generateWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({ data: { ...input, secret } });
    await writeAudit(tx, audit(actor, context, "webhook.create", created.id, { url: input.url, events: input.events, allowPrivateNetwork: input.allowPrivateNetwork }));
    return created;
  });
  return { id: endpoint.id, secret };
}

export async function updateWebhookEndpoint(actor: WebhookActor, id: string, raw: unknown, context?: RequestContext) {
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
  assertAdmin(actor);
  const input = parseInput(WebhookEndpointUpdateSchema, raw);
  await assertUrlAllowed(input.url, input.allowPrivateNetwork);
  await db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true, events: true, isActive: true, allowPrivateNetwork: true, description: true } });
    if (!before) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
    await tx.webhookEndpoint.update({ where: { id }, data: input });
    await writeAudit(tx, audit(actor, context, "webhook.update", id, { before, after: input }));
  });
}

export async function deleteWebhookEndpoint(actor: WebhookActor, id: string, context?: RequestContext) {
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const deleted = await tx.webhookEndpoint.deleteMany({ where: { id } });
    if (deleted.count === 0) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
    await writeAudit(tx, audit(actor, context, "webhook.delete", id, {}));
  });
}

/**
 * A new signing secret, returned this once. Deliveries from now on (retries
 * included) are signed with it; the receiver needs it before they verify again.
 */
export async function rotateWebhookSecret(actor: WebhookActor, id: string, context?: RequestContext) {
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
  assertAdmin(actor);
  const secret = generateWebhookSecret();
  await db.$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.updateMany({ where: { id }, data: { secret } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
    await writeAudit(tx, audit(actor, context, "webhook.rotate_secret", id, {}));
  });
  return { id, secret };
}

/** "Send again": the same message (same webhook-id) queued once more, with fresh retries. */
export async function resendWebhookDelivery(actor: WebhookActor, deliveryId: string, context?: RequestContext) {
  if (!isRecordId(deliveryId)) throw new AppError("NOT_FOUND", "There is no such delivery.");
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, endpointId: true, status: true } });
    if (!delivery) throw new AppError("NOT_FOUND", "There is no such delivery.");
    if (delivery.status === "PENDING" || delivery.status === "RETRYING") throw new AppError("CONFLICT", "This delivery is already waiting to be sent.");
    await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "PENDING" } });
    await enqueueDelivery(tx, deliveryId);
    await writeAudit(tx, audit(actor, context, "webhook.resend", delivery.endpointId, { deliveryId }));
  });
}

/** A "webhook.test" message, to check the receiver and its signature check. */
export async function sendTestWebhook(actor: WebhookActor, endpointId: string, context?: RequestContext) {
  if (!isRecordId(endpointId)) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } });
    if (!endpoint) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
    const delivery = await tx.webhookDelivery.create({
      data: { endpointId, eventType: "webhook.test", payload: { type: "webhook.test", timestamp: new Date().toISOString(), data: { message: "A test from Chancery." } } },
    });
    await enqueueDelivery(tx, delivery.id);
    await writeAudit(tx, audit(actor, context, "webhook.test", endpointId, { deliveryId: delivery.id }));
    return { deliveryId: delivery.id };
  });
}

export async function listWebhookEndpoints() {
  const endpoints = await db.webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, url: true, description: true, events: true, isActive: true, allowPrivateNetwork: true, createdAt: true },
  });
  const failing = await db.webhookDelivery.groupBy({ by: ["endpointId"], where: { status: { in: ["FAILED", "RETRYING"] } }, _count: true });
  return endpoints.map((e) => ({ ...e, failingDeliveries: failing.find((f) => f.endpointId === e.id)?._count ?? 0 }));
}

export async function getWebhookEndpoint(id: string, options: { limit?: number } = {}) {
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id },
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      isActive: true,
      allowPrivateNetwork: true,
      createdAt: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: options.limit ?? 50,
        select: { id: true, eventType: true, status: true, attempts: true, responseStatus: true, lastError: true, lastAttemptAt: true, deliveredAt: true, createdAt: true, payload: true },
      },
    },
  });
  if (!endpoint) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
  return endpoint;
}
