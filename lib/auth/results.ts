import { AppError, HTTP_STATUS, isAppError, type ActionResult } from "@/lib/errors/app-error";
import { PrototypeKeyError, parseJsonWithoutPrototypeKeys } from "@/lib/objects/safe-keys";

/** An error from a domain function as an action result; anything unexpected stays hidden. */
export function toActionError(error: unknown): Extract<ActionResult, { ok: false }> {
  if (isAppError(error)) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  console.error("Unexpected error in an action:", error);
  return { ok: false, message: "Something went wrong on our side. Try again.", fieldErrors: {} };
}

/** An error as a JSON response with its HTTP status (403 for FORBIDDEN, 401 for UNAUTHENTICATED, …). */
export function toErrorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json({ error: error.code, message: error.message, fieldErrors: error.fieldErrors }, { status: HTTP_STATUS[error.code] });
  }
  console.error("Unexpected error in a route:", error);
  return Response.json({ error: "INTERNAL", message: "Something went wrong on our side." }, { status: 500 });
}

/**
 * Wraps a route handler so that thrown AppErrors become their status codes.
 * The handler's own first line is still its `requireRole(...)`.
 */
export function withErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/**
 * The JSON body of a request. Only application/json is read: a cross-site form
 * cannot send it without a CORS preflight, which we never grant.
 */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new AppError("INVALID", "Send a JSON body (Content-Type: application/json).");
  }
  try {
    const body = parseJsonWithoutPrototypeKeys(await request.text());
    if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch (error) {
    if (error instanceof PrototypeKeyError) throw new AppError("INVALID", `The body could not be read: a key may not be named "${error.key}".`);
  }
  throw new AppError("INVALID", "The body is not a JSON object.");
}
