import { expect, test } from "@playwright/test";

test("health answers while the process lives, readiness once migrations are applied", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["cache-control"]).toBe("no-store");

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
});

test("the internal scheduler endpoint is not reachable without the launcher's token", async ({ request }) => {
  expect((await request.post("/api/internal/tick")).status()).toBe(404);
  expect((await request.post("/api/internal/tick", { headers: { "x-chancery-internal": "guess" } })).status()).toBe(404);
});
