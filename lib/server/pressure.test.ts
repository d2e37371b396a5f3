import { afterEach, describe, expect, it } from "vitest";
import { createPressureGauge } from "./pressure";

const gauges: Array<{ stop(): void }> = [];
afterEach(() => gauges.splice(0).forEach((g) => g.stop()));

function gauge(...args: Parameters<typeof createPressureGauge>) {
  const g = createPressureGauge(...args);
  gauges.push(g);
  return g;
}

/** Holds the event loop for `ms`, as a pile of queued renders would. */
function block(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

describe("the pressure gauge", () => {
  it("says overloaded while the event loop is behind, and not once it has caught up", async () => {
    const g = gauge({ maxEventLoopDelayMs: 100, maxHeapFraction: 1 }, 200);
    await new Promise((r) => setTimeout(r, 450));
    expect(g.isOverloaded()).toBe(false);
    block(800);
    await expect.poll(() => g.isOverloaded(), { timeout: 2_000, interval: 10 }).toBe(true);
    expect(g.sample().delayMs).toBeGreaterThan(100);
    await expect.poll(() => g.isOverloaded(), { timeout: 5_000, interval: 50 }).toBe(false);
  });

  it("says overloaded when the heap is fuller than allowed", async () => {
    const g = gauge({ maxEventLoopDelayMs: 10_000, maxHeapFraction: 0 }, 50);
    await expect.poll(() => g.isOverloaded(), { timeout: 2_000 }).toBe(true);
    expect(g.sample().heapFraction).toBeGreaterThan(0);
  });
});
