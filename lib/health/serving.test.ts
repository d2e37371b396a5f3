import { afterEach, describe, expect, it } from "vitest";
import { checkServing } from "./serving";

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe("checkServing (readiness beyond the database)", () => {
  it("is ready when a public read works", async () => {
    expect(await checkServing()).toEqual({ ready: true });
  });

  it("notices a polluted Object.prototype, which leaves the database reachable but breaks every page", async () => {
    (Object.prototype as Record<string, unknown>).polluted = "yes";
    const result = await checkServing();
    expect(result.ready).toBe(false);
    expect(!result.ready && result.reason).toMatch(/Object\.prototype.*polluted/);
  });
});
