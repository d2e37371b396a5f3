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

/** A refusal as every staff JSON route sends it and every form receives it (lib/http/json-route.ts). */
export interface Failure {
  ok: false;
  code?: AppErrorCode | "INTERNAL" | "UNAVAILABLE";
  message: string;
  fieldErrors: Record<string, string[]>;
  /** More beside the message, such as a stale save's conflict. */
  [detail: string]: unknown;
}

/** The one result shape of every staff form's request: its data, or the failure. */
export type ActionResult<T extends object = object> = ({ ok: true } & T) | Failure;
