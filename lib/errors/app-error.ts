/** The error codes the domain raises; actions and route handlers map them to results and statuses. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "CONFLICT" | "INVALID" | "RATE_LIMITED";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  INVALID: 400,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    /** More for the client beside the message (a stale save's conflict). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The one result shape of every server action (STYLE.md §6). */
export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; code?: AppErrorCode; message: string; fieldErrors: Record<string, string[]> };

/** A refusal as every desk route and form receives it. */
export interface Failure {
  ok: false;
  code: AppErrorCode | "INTERNAL";
  message: string;
  fieldErrors: Record<string, string[]>;
  [detail: string]: unknown;
}

/**
 * The one error-to-result mapper: what a domain function threw, as the answer
 * a form shows and the HTTP status a route sends. AppErrors keep their message,
 * field errors and details; a unique index that a race hit is a conflict; anything
 * else is logged and becomes a plain sentence (no stack or database text reaches a user).
 */
export function failureOf(error: unknown): { status: number; failure: Failure } {
  if (isAppError(error)) {
    return { status: HTTP_STATUS[error.code], failure: { ...error.details, ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors } };
  }
  if ((error as { code?: unknown } | null)?.code === "P2002") {
    return {
      status: 409,
      failure: { ok: false, code: "CONFLICT", message: "Another record with the same name was saved at the same moment. Nothing was saved; save again.", fieldErrors: {} },
    };
  }
  console.error("[desk] unexpected error", error);
  return { status: 500, failure: { ok: false, code: "INTERNAL", message: "Something went wrong on our side. Nothing was saved; try again.", fieldErrors: {} } };
}
