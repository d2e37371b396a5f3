import type { Instrumentation } from "next";
import { createLogger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER } from "./request-headers";

// Next runs with `quiet` in production (lib/server/web-worker.ts): this is where its
// request errors are logged, once, as JSON with the request id and the stack. The
// client only ever gets Next's error page or our plain message.
const logger = createLogger({ name: "next" });

export function logRequestError(...[error, request, context]: Parameters<Instrumentation.onRequestError>): void {
  const id = request.headers[REQUEST_ID_HEADER];
  logger.error(
    {
      err: error,
      reqId: typeof id === "string" ? id : undefined,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
}
