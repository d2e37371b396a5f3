import pg from "pg";
import PgBoss from "pg-boss";
import type { Tx } from "@/lib/db/client";

/**
 * Webhook deliveries run through pg-boss, a PostgreSQL job queue: jobs are claimed
 * with SKIP LOCKED, so each delivery attempt happens once across every process of
 * every server, and failures are retried with exponential backoff.
 */
export const DELIVERY_QUEUE = "webhook-delivery";
const SCHEMA = "pgboss";

/**
 * Retries for about a day: pg-boss waits retryDelay · 2^n / 2 · (1 + random) before
 * retry n, so eleven retries from 30 s add up to 17–34 hours.
 */
export const RETRY_LIMIT = 11;
const retryDelaySeconds = () => Number(process.env.WEBHOOK_RETRY_DELAY_SECONDS ?? 30);

/**
 * Creates (or upgrades) pg-boss's own schema and our queue. Runs at start-up with
 * the database owner's connection, beside the migrations, so web processes need
 * no DDL rights; `appRole` (when the app logs in as another role) gets what it
 * needs to send, fetch and finish jobs.
 */
export async function prepareJobQueues(connectionString: string, options: { appRole?: string } = {}): Promise<void> {
  const boss = new PgBoss({ connectionString, schema: SCHEMA, supervise: false, schedule: false, max: 1 });
  boss.on("error", () => {});
  await boss.start();
  try {
    if (!(await boss.getQueue(DELIVERY_QUEUE))) {
      await boss.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE, retryLimit: RETRY_LIMIT, retryDelay: retryDelaySeconds(), retryBackoff: true, expireInSeconds: 60 });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  if (options.appRole) await grantJobQueuePrivileges(connectionString, options.appRole);
}

async function grantJobQueuePrivileges(connectionString: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const app = `"${role.replaceAll('"', '""')}"`;
  try {
    await client.query(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${app}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${app}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${SCHEMA} TO ${app}`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${SCHEMA} TO ${app}`);
  } finally {
    await client.end();
  }
}

/**
 * Queues one delivery inside the caller's transaction (pg-boss's documented raw
 * INSERT), so the change and the promise to announce it commit together.
 */
export async function enqueueDelivery(tx: Tx, deliveryId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO pgboss.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in, keep_until, policy)
    VALUES (${DELIVERY_QUEUE}, jsonb_build_object('deliveryId', ${deliveryId}::text), ${RETRY_LIMIT}::int, ${retryDelaySeconds()}::int, true,
            interval '60 seconds', now() + interval '3 days', 'standard')`;
}

export interface DeliveryJob {
  deliveryId: string;
}

/** Starts this process's worker; returns a function that stops it after the job in hand. */
export async function startDeliveryWorker(options: {
  connectionString: string;
  handle: (job: PgBoss.JobWithMetadata<DeliveryJob>) => Promise<void>;
  onError?: (error: Error) => void;
  pollingIntervalSeconds?: number;
}): Promise<() => Promise<void>> {
  const boss = new PgBoss({ connectionString: options.connectionString, schema: SCHEMA, migrate: false, max: 2 });
  boss.on("error", (error) => options.onError?.(error));
  await boss.start();
  await boss.work<DeliveryJob>(
    DELIVERY_QUEUE,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async ([job]) => {
      if (job) await options.handle(job);
    },
  );
  return () => boss.stop({ graceful: true, wait: true, timeout: 15_000 });
}
