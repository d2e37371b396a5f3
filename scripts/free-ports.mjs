// @ts-check
// `node scripts/free-ports.mjs N` prints N distinct free ports, one a line (lib/db/free-port.mjs),
// for callers that cannot wait for a promise: Playwright reads its config synchronously.
import { freePort } from "../lib/db/free-port.mjs";

const count = Number(process.argv[2] ?? 1);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write("usage: node scripts/free-ports.mjs <how many>\n");
  process.exit(2);
}
const ports = [];
for (let i = 0; i < count; i++) ports.push(await freePort());
process.stdout.write(ports.join("\n") + "\n");
