import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { NextRequest } from "next/server";
import { z } from "zod";
import { readJsonBody, readQuery, toErrorResponse, withErrors } from "./json-route";

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

describe("withErrors refuses a change sent from another origin's page", () => {
  const request = (method: string, origin?: string) =>
    new Request("http://desk.test/api/admin/users/u1/unlock", { method, headers: { host: "desk.test", ...(origin ? { origin } : {}) } });

  it.each([
    ["a bodiless POST from another site", "POST", "https://evil.test"],
    ["a POST from a sibling host of the same site", "POST", "http://evil.desk.test"],
    ["a POST from a look-alike host", "POST", "http://desk.test.evil.test"],
    ["a POST from an opaque origin (a sandboxed frame)", "POST", "null"],
    ["a DELETE from another site", "DELETE", "https://evil.test"],
    ["a PUT from another site", "PUT", "https://evil.test"],
  ])("%s: 403, and the handler never runs", async (_what, method, origin) => {
    const handler = vi.fn(async (_request: Request) => Response.json({ ok: true }));
    const response = await withErrors(handler)(request(method, origin));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, code: "FORBIDDEN", message: "Requests must come from this site itself." });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ["a POST from this site's own page", "POST", "http://desk.test"],
    ["a POST without an Origin (a script, not a browser's cross-site request)", "POST", undefined],
    ["a GET from another site (it changes nothing)", "GET", "https://evil.test"],
  ])("%s reaches the handler", async (_what, method, origin) => {
    const handler = vi.fn(async (_request: Request) => Response.json({ ok: true }));
    expect((await withErrors(handler)(request(method, origin))).status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
  });
});

describe("readJsonBody", () => {
  it("reads a same-origin JSON object", async () => {
    expect(await readJsonBody(post('{"name":"Ada"}', { origin: "http://desk.test" }))).toEqual({ name: "Ada" });
  });

  it("refuses a body past the cap without reading it whole: by its Content-Length, or as it streams in", async () => {
    const tooLarge = { code: "INVALID", message: "The form is too large to save." };
    // A declared length over the cap: the body is never read (a public route buffered 300 MB to refuse it).
    // 100 MB of spaces, a megabyte at a time, counting what was pulled.
    let pulled = 0;
    const hundredMegabytes = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (++pulled > 100) return controller.close();
          controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
        },
      });
    const send = (headers: Record<string, string>) =>
      new Request("http://desk.test/api/account/forgot-password", { method: "POST", body: hundredMegabytes(), duplex: "half", headers: { "content-type": "application/json", ...headers } } as RequestInit);
    await expect(readJsonBody(send({ "content-length": String(100 * 1024 * 1024) }))).rejects.toMatchObject(tooLarge);
    expect(pulled).toBeLessThan(20);
    // No length given (chunked): reading stops soon after the cap instead of at the end.
    pulled = 0;
    await expect(readJsonBody(send({}))).rejects.toMatchObject(tooLarge);
    expect(pulled).toBeLessThan(20);
    // Below the caps, a body of many-byte characters is read as before.
    const name = "Қ".repeat(2_000_000);
    expect(await readJsonBody(post(JSON.stringify({ name })))).toEqual({ name });
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

describe("readQuery, a staff route's query parameters", () => {
  const Schema = z.object({ kind: z.enum(["person", "event"]), q: z.string().default("") }).strict();
  const get = (query: string) => new NextRequest(`http://desk.test/api/desk/lookup?${query}`);
  const refusal = (query: string) => {
    try {
      readQuery(get(query), Schema);
    } catch (error) {
      return error;
    }
    return null;
  };

  it("reads each parameter once", () => {
    expect(readQuery(get("kind=person&q=rub"), Schema)).toEqual({ kind: "person", q: "rub" });
  });

  // As the public API does: the last of ?kind=person&kind=event was taken, the first by a route that read it with get().
  it.each(["kind=person&kind=event", "kind=event&q=a&q=b", "kind=person&kind=person"])("refuses a parameter given twice (%s), naming it", (query) => {
    const error = refusal(query);
    expect(error).toBeInstanceOf(AppError);
    const parameter = query.includes("q=a") ? "q" : "kind";
    expect(error).toMatchObject({ code: "INVALID", details: { issues: [{ parameter, message: `"${parameter}" was given more than once` }] } });
    expect((error as AppError).message).toContain(`"${parameter}" was given more than once`);
  });

  it("names a bad or unknown parameter", () => {
    expect(refusal("kind=planet")).toMatchObject({ code: "INVALID", details: { issues: [{ parameter: "kind" }] } });
    expect(refusal("kind=person&sort=x")).toMatchObject({ code: "INVALID", details: { issues: [{ parameter: "sort" }] } });
  });
});
