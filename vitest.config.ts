import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run domain code directly.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/worker-setup.ts"],
    pool: "forks",
    // Every file has a database of its own (lib/testing/worker-setup.ts), so files run side
    // by side. Vitest's default is one fork fewer than the cores: one fork on CI's two, which
    // ran the 73 files one after another in 335 s; two forks took 196 s, three 186 s.
    maxWorkers: Math.min(4, Math.max(2, os.availableParallelism())),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test" },
  },
});
