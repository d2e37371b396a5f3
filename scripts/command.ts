/** A command's line on the console, prefixed like every Chancery command's. */
export const logLine = (line: string) => console.error(`[chancery] ${line}`);

/** Runs a command's main: a failure prints its message on one line (no stack trace) and exits 1. */
export function runCommand(main: () => Promise<void>) {
  main().catch((error: unknown) => {
    logLine(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
