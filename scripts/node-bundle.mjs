/**
 * How Chancery's own long-lived Node.js code is bundled for production, so that it runs
 * without the TypeScript loader: one ES module for Node 20+, packages left in
 * node_modules. Used for the web process (scripts/build.ts) and the launcher
 * (scripts/start.mjs); plain JavaScript, because start.mjs runs before any loader.
 */
export const NODE_BUNDLE = /** @type {const} */ ({
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
