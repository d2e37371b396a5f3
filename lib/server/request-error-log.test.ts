import pino from "pino";
import { describe, expect, it } from "vitest";
import { PoolBusyError } from "@/lib/db/client";
import { createRequestErrorLog } from "./instrumentation-node";
import { sawDatabaseFailureWithin } from "./database-failures";

function collectingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

const request = { path: "/events/x?y=1", method: "GET", headers: { "x-request-id": "req-1" } };
const context = { routerKind: "App Router", routePath: "/events/[slug]", routeType: "render", revalidateReason: undefined } as const;

describe("Next's request errors in the log", () => {
  it("a fault of ours: one error line with its stack, every time", () => {
    const { log, lines } = collectingLogger();
    const record = createRequestErrorLog(log);
    record(new TypeError("boom"), request, context);
    record(new TypeError("boom again"), request, context);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 50, msg: "request failed", path: "/events/x", route: "/events/[slug]" });
    expect(String((lines[0]!.err as { stack: string }).stack)).toContain("TypeError: boom");
  });

  it("a database that is too busy or away: a warning now and then, counting the rest, no stack", () => {
    const { log, lines } = collectingLogger();
    let clock = 1_000_000;
    const record = createRequestErrorLog(log, { everyMs: 10_000, now: () => clock });
    const busy = new PoolBusyError(50);
    for (let i = 0; i < 500; i++) {
      record(busy, request, context);
      clock += 50; // 20 a second for 25 s
    }
    expect(lines.map((l) => l.alsoFailedSinceLastLine)).toEqual([0, 199, 199]);
    for (const line of lines) {
      expect(line).toMatchObject({ level: 40, msg: "request failed: the database is away or too busy (answered 503)", reason: "The database is busy: 50 queries already wait for a connection." });
      expect(line.err).toBeUndefined();
    }
    // Still noted for the 503 decision, whether logged or not.
    expect(sawDatabaseFailureWithin(2_000)).toBe(true);
    // An error of ours in between is logged at once, whatever the span.
    record(new RangeError("ours"), request, context);
    expect(lines.at(-1)).toMatchObject({ level: 50, msg: "request failed" });
  });
});
