import { describe, expect, it } from "vitest";
import { WEB_HEAP_MB, WEB_MALLOC_ARENAS, webProcessEnv, webProcessFlags, withoutTypeScriptLoader } from "./web-worker-entry";

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
  it("bounds glibc's malloc arenas of a production web process, unless the operator already did", () => {
    expect(webProcessEnv({ PATH: "/usr/bin" })).toEqual({ MALLOC_ARENA_MAX: String(WEB_MALLOC_ARENAS) });
    expect(webProcessEnv({ MALLOC_ARENA_MAX: "8" })).toEqual({});
  });
});
