/** `npm run build`: generates the Prisma client and builds Next.js, stamping what it built from. */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { buildFingerprint, writeBuildStamp } from "./build-stamp";

const require = createRequire(import.meta.url);

export function build(): void {
  const fingerprint = buildFingerprint();
  for (const [args, what] of [
    [["scripts/prisma-generate.mjs"], "Generating the Prisma client"],
    [[require.resolve("next/dist/bin/next"), "build"], "Building the app"],
  ] as const) {
    const result = spawnSync(process.execPath, [...args], { stdio: "inherit", env: process.env });
    if (result.status !== 0) {
      console.error(`[chancery] ${what} failed (exit ${result.status ?? result.signal}).`);
      process.exit(1);
    }
  }
  writeBuildStamp(fingerprint);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) build();
