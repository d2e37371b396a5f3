import type { BackupProgress } from "@/lib/backup/export-record";

/**
 * Progress of a long export or restore on stderr: one line rewritten in place on a
 * terminal, one line per finished table otherwise (logs, CI).
 */
export function progressPrinter(verb: string): { onProgress: (p: BackupProgress) => void; done: () => void } {
  const tty = process.stderr.isTTY;
  let last = "";
  let lastDraw = 0;
  return {
    onProgress({ table, done, total }) {
      const line = `[chancery] ${verb} ${table}: ${done.toLocaleString("en")} of ${total.toLocaleString("en")} rows`;
      if (tty) {
        const now = Date.now();
        if (now - lastDraw > 100 || done === total) {
          process.stderr.write(`\r\x1b[2K${line}`);
          lastDraw = now;
        }
      } else if (done === total) {
        console.error(line);
      }
      last = line;
    },
    done() {
      if (tty && last) process.stderr.write("\n");
    },
  };
}
