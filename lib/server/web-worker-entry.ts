import path from "node:path";

/** The web process's source, run as is (through tsx) in development. */
export const WEB_WORKER_SOURCE = "lib/server/web-worker.ts";
/** The same, bundled to JavaScript by the build (scripts/build.ts), run in production. */
export const WEB_WORKER_BUNDLE = path.join(".next", "chancery", "web-worker.mjs");

const LOADER_FLAGS = new Set(["--import", "--require", "-r", "--loader", "--experimental-loader"]);

/** Node's flags without the ones that load tsx (`--import tsx`, `--import=…/tsx/…`, `--require …tsx…`). */
export function withoutTypeScriptLoader(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (!LOADER_FLAGS.has(flag)) {
      kept.push(arg);
      continue;
    }
    const value = inline ?? execArgv[i + 1] ?? "";
    if (inline === undefined) i++;
    if (!/(^|[/\\@])tsx([/\\]|$)/.test(value)) kept.push(...(inline === undefined ? [arg, value] : [arg]));
  }
  return kept;
}
