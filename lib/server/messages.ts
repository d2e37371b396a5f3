/** What the launcher (cluster primary) and its web processes say to each other over IPC. */
export type PrimaryMessage =
  | { chancery: "shutdown"; deadlineMs: number }
  | { chancery: "metrics"; id: number; text: string };

export type WorkerMessage = { chancery: "metrics-request"; id: number };

const hasKind = (message: unknown): message is { chancery: string } =>
  typeof message === "object" && message !== null && typeof (message as { chancery?: unknown }).chancery === "string";

export function isPrimaryMessage(message: unknown): message is PrimaryMessage {
  return hasKind(message) && (message.chancery === "shutdown" || message.chancery === "metrics");
}

export function isWorkerMessage(message: unknown): message is WorkerMessage {
  return hasKind(message) && message.chancery === "metrics-request";
}
