/** Runs once when the Node.js web server starts. */
export function registerNode() {
  // Started by scripts/start.ts over an IPC channel: if the launcher dies (even by
  // SIGKILL) the channel closes, and the web server must not outlive it.
  if (process.env.CHANCERY_LAUNCHER === "1" && typeof process.send === "function") {
    process.on("disconnect", () => process.exit(0));
  }
}
