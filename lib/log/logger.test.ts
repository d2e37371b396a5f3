import { describe, expect, it } from "vitest";
import { isoTimeFrom } from "./logger";

/** The field as pino's own isoTime writes it for the epoch ms `at`. */
const pinoField = (at: number) => `,"time":"${new Date(at).toISOString()}"`;

describe("isoTimeFrom", () => {
  it("writes what pino's isoTime writes, reading the wall clock once a second", () => {
    let monotonic = 5_000.25; // any origin, fractions of a ms
    const start = Date.UTC(2026, 11, 5, 23, 59, 58, 990);
    let wallReads = 0;
    const wall = () => {
      wallReads++;
      return start + (monotonic - 5_000.25);
    };
    const time = isoTimeFrom(() => monotonic, wall);
    const seen: string[] = [];
    const expected: string[] = [];
    // Every 0.7 ms for 3 s: across three second boundaries, one of them a minute's, an hour's and a day's.
    for (let step = 0; step < 4_300; step++) {
      seen.push(time());
      expected.push(pinoField(start + Math.floor(monotonic - 5_000.25 + 1e-9)));
      monotonic += 0.7;
    }
    expect(seen).toEqual(expected);
    expect(seen[0]).toBe(',"time":"2026-12-05T23:59:58.990Z"');
    expect(seen.at(-1)).toMatch(/^,"time":"2026-12-06T00:00:01\.\d{3}Z"$/);
    expect(seen.some((field) => field.includes('"2026-12-06T00:00:00.007Z"'))).toBe(true); // milliseconds padded
    expect(wallReads).toBeLessThanOrEqual(5); // at the start, and at each new second
  });

  it("follows the wall clock when it is set, from the next second", () => {
    let monotonic = 0;
    let wall = Date.UTC(2026, 0, 1, 12, 0, 0, 500);
    const time = isoTimeFrom(
      () => monotonic,
      () => wall + monotonic,
    );
    expect(time()).toBe(pinoField(Date.UTC(2026, 0, 1, 12, 0, 0, 500)));
    wall -= 3_600_000; // set back an hour
    monotonic += 600; // into the next second
    expect(time()).toBe(pinoField(Date.UTC(2026, 0, 1, 11, 0, 1, 100)));
    monotonic += 10;
    expect(time()).toBe(pinoField(Date.UTC(2026, 0, 1, 11, 0, 1, 110)));
  });

  it("with the real clocks, gives the time of the call", () => {
    const time = isoTimeFrom(
      () => performance.now(),
      () => Date.now(),
    );
    for (let i = 0; i < 200; i++) {
      const before = Date.now();
      const field = time();
      const after = Date.now();
      const at = Date.parse(/^,"time":"(.+)"$/.exec(field)![1]!);
      expect(at).toBeGreaterThanOrEqual(before - 2);
      expect(at).toBeLessThanOrEqual(after + 2);
    }
  });
});
