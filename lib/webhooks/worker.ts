import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { attemptDelivery } from "./deliver";
import type { DeliveryJob } from "@/lib/jobs/queue";

/**
 * One attempt of one delivery, run by the queue's worker. A failure is written
 * down and rethrown so that pg-boss retries it later; after the last retry the
 * delivery is FAILED and waits for an admin's "Send again".
 */
export async function handleDeliveryJob(job: Pick<PgBoss.JobWithMetadata<DeliveryJob>, "data" | "retryCount" | "retryLimit">): Promise<void> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: job.data.deliveryId },
    select: { id: true, payload: true, endpoint: { select: { url: true, secret: true, isActive: true, allowPrivateNetwork: true } } },
  });
  if (!delivery) return; // the endpoint was deleted with its deliveries
  if (!delivery.endpoint.isActive) {
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", lastError: "The endpoint is switched off." } });
    return;
  }
  const result = await attemptDelivery({
    url: delivery.endpoint.url,
    id: delivery.id,
    body: JSON.stringify(delivery.payload),
    secret: delivery.endpoint.secret,
    allowPrivateNetwork: delivery.endpoint.allowPrivateNetwork,
  });
  const isLastTry = job.retryCount >= job.retryLimit;
  await db.webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      attempts: { increment: 1 },
      lastAttemptAt: new Date(),
      responseStatus: result.status,
      lastError: result.ok ? null : result.error,
      status: result.ok ? "SUCCEEDED" : isLastTry ? "FAILED" : "RETRYING",
      ...(result.ok ? { deliveredAt: new Date() } : {}),
    },
  });
  if (!result.ok && !isLastTry) throw new Error(`Webhook delivery ${delivery.id} failed: ${result.error}`);
}
