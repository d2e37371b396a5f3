import type { ActionResult, Failure } from "@/lib/errors/app-error";

/**
 * The staff side's one way to the server: a JSON request to a route handler, and its
 * answer as an ActionResult. Route handlers answer errors as
 * `{ ok: false, code, message, fieldErrors, …details }` (lib/http/json-route.ts) and
 * successes as their data, so a form shows either without knowing HTTP.
 */
export async function sendJson<T extends object = object>(
  url: string,
  /** keepalive: the request outlives the page (a "leaving" sent as it closes). */
  options: { method?: "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown; keepalive?: boolean } = {},
): Promise<ActionResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      ...(options.keepalive ? { keepalive: true } : {}),
    });
  } catch {
    return { ok: false, message: "The server could not be reached; nothing was saved. Check your connection and try again.", fieldErrors: {} };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok) return { ...(body ?? {}), ok: true } as ActionResult<T>;
  return {
    ...(body ?? {}),
    ok: false,
    code: typeof body?.code === "string" ? (body.code as Failure["code"]) : undefined,
    message: typeof body?.message === "string" ? body.message : "Something went wrong on our side. Try again.",
    fieldErrors: (body?.fieldErrors as Record<string, string[]> | undefined) ?? {},
  };
}

/** A form's named text fields as one object (the JSON body of its request). */
export function formFields(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "")]));
}
