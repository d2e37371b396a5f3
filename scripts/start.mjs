/**
 * `npm start`: the launcher (scripts/start.ts) without the TypeScript loader.
 *
 * The launcher lives as long as the server: it holds the embedded PostgreSQL, the web
 * processes (Node's cluster) and the scheduler. Run with `--import tsx`, it carried tsx's
 * module-hooks thread (a second V8 isolate) and esbuild's service process all its life:
 * 137 MB resident for the launcher plus 16 MB for esbuild, against a web process's 224 MB
 * (`npm run bench:scale`, 4 December). Here it is bundled into one JavaScript file first
 * (esbuild, with the web process's options: scripts/node-bundle.mjs) and that file is run.
 * Bundling takes well under a second, and esbuild's process is stopped after it; the file
 * is named by its content and written atomically, so servers started at once from one
 * checkout share it. `npm run dev` still runs scripts/start.ts with tsx.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, stop } from "esbuild";
import { NODE_BUNDLE } from "./node-bundle.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "node_modules", ".cache", "chancery");

const { outputFiles } = await build({
  entryPoints: [path.join(root, "scripts", "start.ts")],
  absWorkingDir: root,
  ...NODE_BUNDLE,
  write: false,
  plugins: [
    {
      // A package's JSON data (country names) goes into the bundle: Node 20 imports JSON
      // only with an import attribute, which the TypeScript source does not carry.
      name: "package-json-data",
      setup(build) {
        build.onResolve({ filter: /\.json$/ }, (args) =>
          args.path.startsWith(".") ? undefined : { path: createRequire(path.join(args.resolveDir, "index.js")).resolve(args.path) },
        );
      },
    },
  ],
});
// The build ran in esbuild's service process; it is not needed again.
await stop();
const code = outputFiles[0].contents;
const name = `start-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`;
const file = path.join(outDir, name);
let written = false;
try {
  mkdirSync(outDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, file);
  written = true;
} catch (error) {
  // A checkout whose node_modules cannot be written (a read-only image): the launcher runs
  // under the TypeScript loader instead, as it did before, at the memory cost above.
  console.error(`[chancery] cannot write ${file} (${error instanceof Error ? error.message : String(error)}); starting with the TypeScript loader`);
}
// Bundles of earlier code: a day old is long past any start that could still be loading one.
// Another start may be removing them too; what is gone is gone.
for (const entry of written ? readdirSync(outDir) : []) {
  const other = path.join(outDir, entry);
  try {
    if (entry !== name && entry.startsWith("start-") && Date.now() - statSync(other).mtimeMs > 86_400_000) unlinkSync(other);
  } catch {
    // removed meanwhile
  }
}
if (written) await import(pathToFileURL(file).href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(root, "scripts", "start.ts")).href);
}
