import cluster, { type Worker } from "node:cluster";
import { existsSync } from "node:fs";
import path from "node:path";
import { AggregatorRegistry, type Registry } from "prom-client";
import type { Logger } from "@/lib/log/logger";
import { isWorkerMessage, type PrimaryMessage } from "./messages";
import { WEB_WORKER_BUNDLE, WEB_WORKER_SOURCE, webAllocator, webProcessEnv, webProcessFlags } from "./web-worker-entry";

export interface WebClusterOptions {
  processes: number;
  env: Record<string, string>;
  logger: Logger;
  /** The primary's own metrics (the scheduler's), served beside the workers' sum. */
  registry: Registry;
}

const CRASH_WINDOW_MS = 60_000;
const MAX_CRASHES = 5;

/**
 * In production the web processes run the build's JavaScript bundle of
 * lib/server/web-worker.ts without the TypeScript loader the launcher runs under
 * (tsx): under it, every module Next loads while serving goes through the loader's
 * thread. In development they run the source through tsx, as the launcher does.
 */
function workerProgram(isDev: boolean): { exec: string; execArgv?: string[] } {
  if (isDev) return { exec: path.resolve(WEB_WORKER_SOURCE) };
  const bundle = path.resolve(WEB_WORKER_BUNDLE);
  if (!existsSync(bundle)) throw new Error(`${WEB_WORKER_BUNDLE} is missing: run the build (npm run build) first`);
  return { exec: bundle, execArgv: webProcessFlags(process.execArgv) };
}

/**
 * Runs the web processes (lib/server/web-worker.ts) under Node's cluster: they share
 * the port (the primary hands each connection to one of them in turn). A process that
 * dies is replaced; one that cannot start, or keeps dying, ends the whole start.
 */
export function startWebCluster(options: WebClusterOptions) {
  const { logger } = options;
  const isDev = options.env.NODE_ENV === "development";
  cluster.setupPrimary(workerProgram(isDev));
  // Read by the dynamic loader and the allocator as the process starts, so they can only be given to the process.
  const allocator = isDev ? undefined : webAllocator();
  const env = allocator ? { ...webProcessEnv(process.env, allocator), ...options.env } : options.env;
  if (allocator?.kind === "jemalloc") logger.info(`web processes allocate memory with jemalloc (${allocator.library})`);
  else if (allocator) logger.info(`web processes allocate memory with glibc's malloc: ${allocator.reason}`);
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  const crashes: number[] = [];
  const listened = new WeakSet<Worker>();
  let fatal!: (reason: string) => void;
  const failed = new Promise<string>((resolve) => (fatal = resolve));
  let listening = 0;
  let ready!: () => void;
  const allListening = new Promise<void>((resolve) => (ready = resolve));

  async function collectMetrics(): Promise<string> {
    const [workers, primary] = await Promise.all([aggregator.clusterMetrics(), options.registry.metrics()]);
    return `${workers.trimEnd()}\n${primary}`;
  }

  function fork(): Worker {
    const worker = cluster.fork(env);
    worker.on("message", (message: unknown) => {
      if (!isWorkerMessage(message)) return;
      collectMetrics().then(
        (text) => worker.isConnected() && worker.send({ chancery: "metrics", id: message.id, text } satisfies PrimaryMessage),
        (error: unknown) => logger.error({ err: error }, "collecting the web processes' metrics failed"),
      );
    });
    worker.once("listening", () => {
      listened.add(worker);
      if (++listening === options.processes) ready();
    });
    return worker;
  }

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const how = signal ?? `code ${code}`;
    if (!listened.has(worker)) {
      fatal(`a web process exited before it was ready (${how})`);
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && now - crashes[0]! > CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length > MAX_CRASHES) {
      fatal(`web processes exited ${crashes.length} times within a minute`);
      return;
    }
    logger.error(`a web process exited (${how}); starting another`);
    setTimeout(() => !stopping && fork(), 1_000);
  });

  for (let i = 0; i < options.processes; i++) fork();

  return {
    ready: allListening,
    failed,
    /** Each process stops accepting, finishes its requests (or cuts them at the deadline) and exits. */
    async stop(deadlineMs: number): Promise<void> {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              const kill = setTimeout(() => worker.process.kill("SIGKILL"), deadlineMs + 5_000);
              worker.once("exit", () => {
                clearTimeout(kill);
                resolve();
              });
              if (worker.isConnected()) worker.send({ chancery: "shutdown", deadlineMs } satisfies PrimaryMessage);
              else worker.process.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}
