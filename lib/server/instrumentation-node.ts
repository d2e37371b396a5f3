import { installPeerAddressStamp } from "@/lib/auth/peer-address";

/** Runs once when the Node.js web server starts. */
export function registerNode() {
  // Route handlers never see the socket; this gives sign-in throttling an address a client cannot choose.
  installPeerAddressStamp();
  // Webhook deliveries: each web process takes its share of the queue.
  void import("@/lib/jobs/background").then(({ startBackgroundWork, stopBackgroundWork }) => {
    startBackgroundWork().catch((error: unknown) => console.error("[webhooks] the delivery worker did not start", error));
    process.once("SIGTERM", () => void stopBackgroundWork());
  });
  // Started by scripts/start.ts over an IPC channel: if the launcher dies (even by
  // SIGKILL) the channel closes, and the web server must not outlive it.
  if (process.env.CHANCERY_LAUNCHER === "1" && typeof process.send === "function") {
    process.on("disconnect", () => process.exit(0));
  }
}
