import type { Tx } from "@/lib/db/client";
import type { RecordChange } from "./event-types";
import { enqueueDelivery } from "@/lib/jobs/queue";

/**
 * Announces a change to the public record to every active endpoint that listens
 * for it. Called inside the transaction that makes the change: the deliveries and
 * their queued jobs commit with it, or not at all.
 */
export async function queueRecordChange(tx: Tx, change: RecordChange, options: { now?: Date } = {}): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { isActive: true, events: { has: change.event } }, select: { id: true } });
  const type = `${change.kind}.${change.event}`;
  const payload = {
    type,
    timestamp: (options.now ?? new Date()).toISOString(),
    data: {
      kind: change.kind,
      id: change.id,
      slug: change.slug,
      title: change.title,
      url: change.url,
      ...(change.correction ? { correction: change.correction } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
    },
  };
  for (const endpoint of endpoints) {
    const delivery = await tx.webhookDelivery.create({ data: { endpointId: endpoint.id, eventType: type, payload }, select: { id: true } });
    await enqueueDelivery(tx, delivery.id);
  }
  return endpoints.length;
}
