import type { Instrumentation } from "next";

/** Runs once when a Node.js web process starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerNode, warmDatabaseClient } = await import("./lib/server/instrumentation-node");
  registerNode();
  await warmDatabaseClient();
}

/** Every error Next.js catches while handling a request: one log line with its request id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/server/instrumentation-node");
  logRequestError(error, request, context);
};
