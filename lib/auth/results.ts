import { AppError, HTTP_STATUS, isAppError, type ActionResult } from "@/lib/errors/app-error";
import { PrototypeKeyError, parseJsonWithoutPrototypeKeys } from "@/lib/objects/safe-keys";

/**
 * The one error-to-result mapper of the staff side's route handlers: an AppError
 * becomes its status and `{ ok: false, code, message, fieldErrors }` (the failure
 * half of ActionResult, which lib/http/send-json.ts hands to the form as it is);
 * anything unexpected is logged and answered without its details.
 */
export function toErrorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const body: Extract<ActionResult, { ok: false }> = { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    return Response.json(body, { status: HTTP_STATUS[error.code] });
  }
  console.error("Unexpected error in a route:", error);
  return Response.json({ ok: false, code: "INTERNAL", message: "Something went wrong on our side.", fieldErrors: {} }, { status: 500 });
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
