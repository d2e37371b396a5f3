import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody, toErrorResponse, withErrors } from "./json-route";

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://desk.test/api/desk/people", { method: "POST", body, headers: { host: "desk.test", "content-type": "application/json", ...headers } });

describe("toErrorResponse, the one error mapper of staff JSON routes", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers an AppError with its status, message, field errors and details", async () => {
    const response = toErrorResponse(new AppError("CONFLICT", "Someone saved first.", { title: ["Changed."] }, { conflict: { currentVersion: 3 } }));
    expect(response.status).toBe(409);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ ok: false, code: "CONFLICT", message: "Someone saved first.", fieldErrors: { title: ["Changed."] }, conflict: { currentVersion: 3 } });
  });

  it("lets no detail overwrite the failure's own fields", async () => {
    const body = await toErrorResponse(new AppError("INVALID", "Bad.", {}, { ok: true, code: "X", message: "forged" })).json();
    expect(body).toMatchObject({ ok: false, code: "INVALID", message: "Bad." });
  });

  it("answers a unique index hit by a race as a conflict", async () => {
    const response = toErrorResponse(Object.assign(new Error("Unique constraint failed on the fields: (`slug`)"), { code: "P2002" }));
    expect(response.status).toBe(409);
    expect((await response.json()).code).toBe("CONFLICT");
  });

  it("answers anything else with 500 and no internal text", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = toErrorResponse(new Error('relation "User" does not exist at /srv/app/lib/db.ts:12'));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/relation|\/srv|db\.ts/);
    expect(JSON.parse(text)).toMatchObject({ ok: false, code: "INTERNAL", fieldErrors: {} });
    expect(logged).toHaveBeenCalledOnce();
  });

  it("wraps a handler so that a guard's refusal becomes its status", async () => {
    const handler = withErrors(async () => {
      throw new AppError("UNAUTHENTICATED", "Sign in first.");
    });
    expect((await handler()).status).toBe(401);
  });
});

describe("readJsonBody", () => {
  it("reads a same-origin JSON object", async () => {
    expect(await readJsonBody(post('{"name":"Ada"}', { origin: "http://desk.test" }))).toEqual({ name: "Ada" });
  });

  it.each([
    ["a form post", post("name=Ada", { "content-type": "application/x-www-form-urlencoded" }), "INVALID"],
    ["another site's page", post('{"name":"Ada"}', { origin: "https://evil.test" }), "FORBIDDEN"],
    ["a prototype key", post('{"__proto__":{"isAdmin":true}}'), "INVALID"],
    ["a nested constructor key", post('{"a":{"constructor":{"prototype":{}}}}'), "INVALID"],
    ["an array", post("[1,2]"), "INVALID"],
    ["text that is not JSON", post("{name:"), "INVALID"],
  ])("refuses %s", async (_what, request, code) => {
    await expect(readJsonBody(request)).rejects.toMatchObject({ code });
  });
});
