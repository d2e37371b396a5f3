import { installPeerAddressStamp } from "@/lib/auth/peer-address";

/** Runs once when the Node.js web server starts. */
export function registerNode() {
  // Route handlers never see the socket; this gives sign-in throttling an address a client cannot choose.
  installPeerAddressStamp();
  // Started by scripts/start.ts over an IPC channel: if the launcher dies (even by
  // SIGKILL) the channel closes, and the web server must not outlive it.
  if (process.env.CHANCERY_LAUNCHER === "1" && typeof process.send === "function") {
    process.on("disconnect", () => process.exit(0));
  }
}
