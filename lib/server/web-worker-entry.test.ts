import { describe, expect, it } from "vitest";
import { withoutTypeScriptLoader } from "./web-worker-entry";

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
