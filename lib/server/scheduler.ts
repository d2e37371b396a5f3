import pg from "pg";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Logger } from "@/lib/log/logger";

export interface SchedulerOptions {
  /** The app's internal tick route on this server. */
  url: string;
  token: string;
  intervalMs: number;
  databaseUrl: string;
  logger: Logger;
  registry: Registry;
}

/**
 * Scheduled items go live on time even when nobody visits: the launcher asks one of
 * its web processes to publish what is due, every few seconds and once at start
 * (which catches schedules missed while the server was down). One tick at a time per
 * server; across servers each due row is claimed once in the database
 * (lib/jobs/publish-due.ts, FOR UPDATE SKIP LOCKED), so nothing publishes twice.
 */
export function startScheduler(options: SchedulerOptions) {
  const { logger, registry } = options;
  const published = new Counter({ name: "chancery_scheduled_published_total", help: "Items published by the schedule on this server.", registers: [registry] });
  const failures = new Counter({ name: "chancery_scheduler_failures_total", help: "Scheduler ticks that did not complete.", registers: [registry] });
  const lastRun = new Gauge({ name: "chancery_scheduler_last_success_timestamp_seconds", help: "When a tick last completed.", registers: [registry] });
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1, connectionTimeoutMillis: 2_000, query_timeout: 2_000, idleTimeoutMillis: 10_000 });
  pool.on("error", () => {});
  new Gauge({
    name: "chancery_scheduled_publish_lag_seconds",
    help: "How long the most overdue scheduled item has been waiting to go live (0 when none is).",
    registers: [registry],
    async collect() {
      try {
        const { rows } = await pool.query<{ lag: string | null }>(
          `SELECT EXTRACT(EPOCH FROM now() - min(at)) AS lag FROM (
             SELECT min("scheduledAt") AS at FROM "Event" WHERE status = 'SCHEDULED' AND "scheduledAt" <= now()
             UNION ALL
             SELECT min("scheduledAt") FROM "Statement" WHERE status = 'SCHEDULED' AND "scheduledAt" <= now()) due`,
        );
        this.set(Math.max(0, Number(rows[0]?.lag ?? 0)));
      } catch {
        // The database is away: keep the last value; the failures counter tells the rest.
      }
    },
  });

  let running: Promise<void> | null = null;
  let failing = false;
  const tick = () =>
    (running ??= (async () => {
      try {
        const response = await fetch(options.url, { method: "POST", headers: { "x-chancery-internal": options.token }, signal: AbortSignal.timeout(20_000) });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const body = (await response.json()) as { published?: number };
        published.inc(body.published ?? 0);
        lastRun.setToCurrentTime();
        if (failing) logger.info("scheduled publishing works again");
        failing = false;
      } catch (error) {
        failures.inc();
        if (!failing) logger.warn(`scheduled publishing failed (${error instanceof Error ? error.message : String(error)}); retrying every ${options.intervalMs / 1000} s`);
        failing = true;
      } finally {
        running = null;
      }
    })());
  let timer: NodeJS.Timeout | undefined;

  return {
    /** Ticks now, then every intervalMs (once the web processes listen). */
    start() {
      timer ??= setInterval(() => void tick(), options.intervalMs);
      return tick();
    },
    async stop() {
      clearInterval(timer);
      await running;
      await pool.end().catch(() => {});
    },
  };
}
