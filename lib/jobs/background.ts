import { isBuildPhase } from "@/lib/env/build-phase.mjs";
import { handleDeliveryJob } from "@/lib/webhooks/worker";
import { startDeliveryWorker } from "./queue";

let stopWorker: (() => Promise<void>) | null = null;

/**
 * Starts this web process's share of the background work (webhook deliveries).
 * Every process runs a worker; the queue hands each job to one of them. Not during
 * `next build`, and not without a database.
 */
export async function startBackgroundWork(log: (message: string, error?: unknown) => void = console.error): Promise<void> {
  if (stopWorker || isBuildPhase() || !process.env.DATABASE_URL) return;
  stopWorker = await startDeliveryWorker({
    connectionString: process.env.DATABASE_URL,
    handle: handleDeliveryJob,
    onError: (error) => log("[webhooks] queue error", error),
  });
}

/** Lets the delivery in hand finish (a job cut short is retried by the queue after it expires). */
export async function stopBackgroundWork(): Promise<void> {
  const stop = stopWorker;
  stopWorker = null;
  await stop?.();
}
