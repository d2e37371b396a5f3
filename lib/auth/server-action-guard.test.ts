import { describe, expect, it } from "vitest";
import { isPlainArgumentsText, refuseServerActionPost } from "./server-action-guard";

describe("Server Action arguments", () => {
  it("lets through what React's client sends for the desk's actions", () => {
    for (const text of [
      '[null,"$K1"]',
      '["$K1"]',
      '[{"ok":false,"code":"INVALID","message":"$$5 is not a price","fieldErrors":{"name":["Required"]},"at":"$D2026-11-30T10:00:00.000Z","x":"$u"},"$K1"]',
      "[1,true,null,\"plain\",\"$Infinity\",\"$-0\",\"$NaN\"]",
    ]) {
      expect(isPlainArgumentsText(text), text).toBe(true);
    }
  });

  it("refuses what React's decoder would fail on", () => {
    for (const text of ["[", "", '["$@5"]', '["$Q2"]', '["$nabc"]', '["$1"]', '["$h"]', '["$K"]', '["$Kzz"]', '{"a":["$B1"]}', '["$T"]']) {
      expect(isPlainArgumentsText(text), text).toBe(false);
    }
  });

  const call = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://127.0.0.1/dashboard/people/new", { method: "POST", headers: { "next-action": "40abc", host: "127.0.0.1", ...headers }, body });

  it("reads the arguments from a multipart call (part 0) and from a plain one", async () => {
    const good = new FormData();
    good.set("0", '[null,"$K1"]');
    good.set("_1_name", "$@5 is just a value in a form field");
    expect(await refuseServerActionPost(call(good))).toBeNull();
    const bad = new FormData();
    bad.set("0", '[null,"$@5"]');
    expect((await refuseServerActionPost(call(bad)))?.status).toBe(400);
    const missing = new FormData();
    missing.set("_1_name", "x");
    expect((await refuseServerActionPost(call(missing)))?.status).toBe(400);
    expect(await refuseServerActionPost(call('[null,"$K1"]', { "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
    expect((await refuseServerActionPost(call("[", { "content-type": "text/plain;charset=UTF-8" })))?.status).toBe(400);
    expect((await refuseServerActionPost(call("--x\r\nbroken", { "content-type": "multipart/form-data; boundary=y" })))?.status).toBe(400);
  });

  it("leaves a cross-origin call to the origin check (403) before reading its body", async () => {
    expect((await refuseServerActionPost(call("[", { origin: "https://evil.example" })))?.status).toBe(403);
  });
});
