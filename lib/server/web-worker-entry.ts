import { existsSync } from "node:fs";
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

/**
 * The old-space heap each production web process may grow to, in MB. Without a limit V8
 * sizes it from the machine's memory (several GB) and lets garbage pile up before it
 * collects: under distinct URLs a web process grew from 0.4 to 3 GB resident in ten
 * minutes (`npm run bench:cache`), though a heap snapshot after a full collection showed
 * no growth. With a limit it collects sooner and stays bounded. An operator's own
 * --max-old-space-size (in NODE_OPTIONS or the launcher's flags) wins.
 */
export const WEB_HEAP_MB = 512;

/** Node's flags for a production web process: the launcher's, without tsx, with a heap limit unless one is set. */
export function webProcessFlags(execArgv: readonly string[], nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  const flags = withoutTypeScriptLoader(execArgv);
  const limited = [...flags, ...nodeOptions.split(/\s+/)].some((flag) => flag.startsWith("--max-old-space-size"));
  return limited ? flags : [...flags, `--max-old-space-size=${WEB_HEAP_MB}`];
}

/**
 * The most malloc arenas glibc may make in each production web process. By default it
 * makes up to eight per core, and V8's background threads (compilers, the collector's
 * helpers) and libuv's pool each end up with one, which keeps what they freed. One web
 * process on the demo record under bench:cache's distinct URLs held 84, 100 and 121 MB
 * in malloc (arenas and main heap) in three runs; with two arenas 64, 69 and 81 MB, the
 * cached page as fast (docs/performance.md, "Memory under distinct URLs"). An
 * operator's own MALLOC_ARENA_MAX wins.
 */
export const WEB_MALLOC_ARENAS = 2;

/**
 * Where distributions put jemalloc's shared library (Debian and Ubuntu's `libjemalloc2` on
 * x86-64 and ARM, Fedora and RHEL's `jemalloc`, Alpine's `jemalloc`), the first found wins.
 */
export const JEMALLOC_PATHS = [
  "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2",
  "/usr/lib/aarch64-linux-gnu/libjemalloc.so.2",
  "/usr/lib64/libjemalloc.so.2",
  "/usr/lib/libjemalloc.so.2",
];
/**
 * jemalloc's settings for a web process: two arenas, as glibc's above, and a background
 * thread that hands freed pages back to the system a second after they were last used,
 * also while the process is idle (without it, only the next allocations do).
 */
export const WEB_JEMALLOC_CONF = "narenas:2,background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";

/**
 * The allocator a production web process runs with: jemalloc when the system has it,
 * else glibc's malloc with WEB_MALLOC_ARENAS arenas. Side by side on the scale record
 * (two servers of one web process, the bench's cached-page load, then its distinct
 * URLs, alternating), jemalloc held 11-31 MB less after the cached-page load and 4-19 MB
 * less under distinct URLs, with the cached page as fast (docs/performance.md, "jemalloc
 * for the web processes"). `CHANCERY_JEMALLOC` names another copy of the library, or is
 * `off` for glibc's; an operator's own LD_PRELOAD leaves the choice to them.
 */
export function webAllocator(
  launcherEnv: Readonly<Record<string, string | undefined>> = process.env,
  exists: (file: string) => boolean = existsSync,
): { kind: "jemalloc"; library: string } | { kind: "glibc"; reason: string } {
  const asked = launcherEnv.CHANCERY_JEMALLOC?.trim();
  if (launcherEnv.LD_PRELOAD) return { kind: "glibc", reason: "LD_PRELOAD is set" };
  if (asked === "off") return { kind: "glibc", reason: "CHANCERY_JEMALLOC=off" };
  if (asked) return exists(asked) ? { kind: "jemalloc", library: asked } : { kind: "glibc", reason: `CHANCERY_JEMALLOC names ${asked}, which does not exist` };
  const library = JEMALLOC_PATHS.find((file) => exists(file));
  return library ? { kind: "jemalloc", library } : { kind: "glibc", reason: "jemalloc is not installed (Debian: apt-get install libjemalloc2)" };
}

/**
 * What a production web process's environment adds to the launcher's: jemalloc and its
 * settings when `webAllocator` chooses it, else glibc's malloc arenas; what the operator
 * set themselves wins.
 */
export function webProcessEnv(
  launcherEnv: Readonly<Record<string, string | undefined>>,
  allocator: ReturnType<typeof webAllocator>,
): Record<string, string> {
  if (allocator.kind === "jemalloc") return { LD_PRELOAD: allocator.library, ...(launcherEnv.MALLOC_CONF ? {} : { MALLOC_CONF: WEB_JEMALLOC_CONF }) };
  return launcherEnv.MALLOC_ARENA_MAX ? {} : { MALLOC_ARENA_MAX: String(WEB_MALLOC_ARENAS) };
}
