import { describe, expect, it } from "vitest";
import { JEMALLOC_PATHS, WEB_HEAP_MB, WEB_JEMALLOC_CONF, WEB_MALLOC_ARENAS, webAllocator, webProcessEnv, webProcessFlags, withoutTypeScriptLoader } from "./web-worker-entry";

describe("withoutTypeScriptLoader", () => {
  it("drops the flags that load tsx, in either spelling, and keeps the others", () => {
    expect(withoutTypeScriptLoader(["--conditions=react-server", "--import", "tsx", "--max-old-space-size=512"])).toEqual([
      "--conditions=react-server",
      "--max-old-space-size=512",
    ]);
    expect(withoutTypeScriptLoader(["--import=tsx"])).toEqual([]);
    // What the tsx command line passes to node.
    expect(
      withoutTypeScriptLoader([
        "--require",
        "/app/node_modules/tsx/dist/preflight.cjs",
        "--import",
        "file:///app/node_modules/tsx/dist/loader.mjs",
        "--enable-source-maps",
      ]),
    ).toEqual(["--enable-source-maps"]);
  });

  it("keeps other loaders and modules whose names only contain the letters", () => {
    expect(withoutTypeScriptLoader(["--import", "./otel.mjs", "--require", "/x/tsx-like/hook.cjs"])).toEqual([
      "--import",
      "./otel.mjs",
      "--require",
      "/x/tsx-like/hook.cjs",
    ]);
  });
});

describe("webProcessFlags", () => {
  it("limits the heap of a production web process, unless the operator already did", () => {
    expect(webProcessFlags(["--import", "tsx"], "")).toEqual([`--max-old-space-size=${WEB_HEAP_MB}`]);
    expect(webProcessFlags(["--import", "tsx", "--max-old-space-size=2048"], "")).toEqual(["--max-old-space-size=2048"]);
    expect(webProcessFlags(["--import", "tsx"], "--enable-source-maps --max-old-space-size=1024")).toEqual([]);
  });
});

describe("webProcessEnv", () => {
  const glibc = { kind: "glibc", reason: "jemalloc is not installed" } as const;
  it("bounds glibc's malloc arenas of a production web process, unless the operator already did", () => {
    expect(webProcessEnv({ PATH: "/usr/bin" }, glibc)).toEqual({ MALLOC_ARENA_MAX: String(WEB_MALLOC_ARENAS) });
    expect(webProcessEnv({ MALLOC_ARENA_MAX: "8" }, glibc)).toEqual({});
  });

  it("preloads jemalloc with the web process's settings when it is chosen, the operator's MALLOC_CONF winning", () => {
    const jemalloc = { kind: "jemalloc", library: "/lib/libjemalloc.so.2" } as const;
    expect(webProcessEnv({}, jemalloc)).toEqual({ LD_PRELOAD: "/lib/libjemalloc.so.2", MALLOC_CONF: WEB_JEMALLOC_CONF });
    expect(webProcessEnv({ MALLOC_CONF: "narenas:1" }, jemalloc)).toEqual({ LD_PRELOAD: "/lib/libjemalloc.so.2" });
  });
});

describe("webAllocator", () => {
  const only = (...files: string[]) => (file: string) => files.includes(file);
  it("chooses the first jemalloc the system has, else glibc's malloc, saying why", () => {
    expect(webAllocator({}, only(JEMALLOC_PATHS[2]!, JEMALLOC_PATHS[3]!))).toEqual({ kind: "jemalloc", library: JEMALLOC_PATHS[2] });
    expect(webAllocator({}, only())).toEqual({ kind: "glibc", reason: expect.stringContaining("libjemalloc2") });
  });

  it("follows CHANCERY_JEMALLOC and leaves an operator's LD_PRELOAD alone", () => {
    const everything = () => true;
    expect(webAllocator({ CHANCERY_JEMALLOC: "off" }, everything)).toEqual({ kind: "glibc", reason: "CHANCERY_JEMALLOC=off" });
    expect(webAllocator({ CHANCERY_JEMALLOC: "/opt/jemalloc.so" }, only("/opt/jemalloc.so"))).toEqual({ kind: "jemalloc", library: "/opt/jemalloc.so" });
    expect(webAllocator({ CHANCERY_JEMALLOC: "/opt/missing.so" }, only(JEMALLOC_PATHS[0]!))).toEqual({ kind: "glibc", reason: expect.stringContaining("/opt/missing.so") });
    expect(webAllocator({ LD_PRELOAD: "/opt/other.so" }, everything)).toEqual({ kind: "glibc", reason: "LD_PRELOAD is set" });
  });
});
