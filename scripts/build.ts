/**
 * `npm run build`: generates the Prisma client, builds Next.js and the web process, stamping
 * what it built from. With `--no-typecheck`, Next leaves out its own TypeScript check, for
 * callers that have just run it (scripts/test.sh: tsc over the same files, route types
 * included) or need no second one (.ci/run on Node.js 24). Right after tsc, the build took
 * 27 s with its check (9.3 s of it) and 17 s without; a cold check took 38 s. With
 * `--no-generate`, it leaves out generating the Prisma client, for a caller that has just
 * generated it and runs tests beside the build (scripts/test.sh), which must not see the
 * client's files rewritten under them.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync, stop } from "esbuild";
import { WEB_WORKER_BUNDLE, WEB_WORKER_SOURCE } from "@/lib/server/web-worker-entry";
import { buildFingerprint, writeBuildStamp } from "./build-stamp";
import { NODE_BUNDLE } from "./node-bundle.mjs";

const require = createRequire(import.meta.url);

export function build({ typecheck = true, generate = true } = {}): void {
  const fingerprint = buildFingerprint();
  const env = typecheck ? process.env : { ...process.env, CHANCERY_BUILD_TYPECHECK: "off" };
  const steps = [
    [["scripts/prisma-generate.mjs"], "Generating the Prisma client"],
    [[require.resolve("next/dist/bin/next"), "build"], "Building the app"],
  ] as const;
  for (const [args, what] of generate ? steps : steps.slice(1)) {
    const result = spawnSync(process.execPath, [...args], { stdio: "inherit", env });
    if (result.status !== 0) {
      console.error(`[chancery] ${what} failed (exit ${result.status ?? result.signal}).`);
      process.exit(1);
    }
  }
  buildWebWorker();
  writeBuildStamp(fingerprint);
}

/**
 * The web process's own code (our HTTP server in front of Next's handler) as one
 * JavaScript file, so that production web processes run without the TypeScript
 * loader: under it, every module Next loads while serving (its cache handler, its
 * chunks) went through the loader's thread. Packages stay outside the bundle.
 */
export function buildWebWorker(outfile = WEB_WORKER_BUNDLE): void {
  buildSync({
    entryPoints: [WEB_WORKER_SOURCE],
    outfile,
    ...NODE_BUNDLE,
  });
  // buildSync runs esbuild from a worker thread with a service process of its own; both
  // would stay for the life of the caller (npm start's launcher, after a rebuild at start:
  // a second V8 isolate and 13 MB for esbuild). stop() ends them.
  void stop();
}

// Run as a command, not when imported (scripts/start.ts imports it, and `npm start` runs a bundle of that).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) build({ typecheck: !process.argv.includes("--no-typecheck"), generate: !process.argv.includes("--no-generate") });
