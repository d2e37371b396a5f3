import { monitorEventLoopDelay } from "node:perf_hooks";
import v8 from "node:v8";

export interface PressureLimits {
  /** The event loop's mean delay over a sample above which the process is overloaded, in ms. */
  maxEventLoopDelayMs: number;
  /** The share of the heap limit in use above which the process is overloaded (0–1). */
  maxHeapFraction: number;
}

/**
 * Whether this process is overloaded, sampled every `sampleMs`: its event loop is
 * behind (work queued inside it faster than it runs: renders whose readers may long
 * have gone) or its heap is close to its limit. The web server answers 503 while it is
 * (lib/server/http-server.ts), so that a flood cannot push the process out of memory:
 * counting requests in hand alone did not, because a render can outlive both its
 * handler's promise and its client (`npm run bench:cache`, distinct URLs at c50).
 */
export function createPressureGauge(limits: PressureLimits, sampleMs = 500) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let overloaded = false;
  let last = { delayMs: 0, heapFraction: 0 };
  const timer = setInterval(() => {
    const delayMs = delay.count > 0 ? delay.mean / 1e6 : 0;
    delay.reset();
    const heap = v8.getHeapStatistics();
    const heapFraction = heap.used_heap_size / heap.heap_size_limit;
    last = { delayMs, heapFraction };
    overloaded = delayMs > limits.maxEventLoopDelayMs || heapFraction > limits.maxHeapFraction;
  }, sampleMs);
  timer.unref();
  return {
    isOverloaded: () => overloaded,
    /** The last sample, for logs and tests. */
    sample: () => last,
    stop() {
      clearInterval(timer);
      delay.disable();
    },
  };
}
