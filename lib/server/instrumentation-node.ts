import { noteRequestFailure } from "./database-failures";
import type { Instrumentation } from "next";
import { createLogger } from "@/lib/log/logger";
import { isPrimaryMessage } from "./messages";
import { REQUEST_ID_HEADER } from "./request-headers";

// Next runs with `quiet` in production (lib/server/web-worker.ts): this is where its
// request errors are logged, once, as JSON with the request id and the stack. The
// client only ever gets Next's error page or our plain message.
const logger = createLogger({ name: "next" });

export function logRequestError(...[error, request, context]: Parameters<Instrumentation.onRequestError>): void {
  noteRequestFailure(error);
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

/** Runs once when a web process starts: its share of the background work (webhook deliveries). */
export function registerNode(): void {
  void import("@/lib/jobs/background").then(({ startBackgroundWork, stopBackgroundWork }) => {
    startBackgroundWork((message, error) => logger.error({ err: error }, message)).catch((error: unknown) =>
      logger.error({ err: error }, "the webhook delivery worker did not start"),
    );
    // The launcher asks each web process to stop (lib/server/web-worker.ts): let the delivery in hand finish.
    process.on("message", (message: unknown) => {
      if (isPrimaryMessage(message) && message.chancery === "shutdown") void stopBackgroundWork();
    });
  });
}
