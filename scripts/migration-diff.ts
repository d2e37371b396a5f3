/**
 * Writes the SQL that takes the database from one schema.prisma to another, using
 * Prisma 6.19's WebAssembly schema engine (Prisma 7's Rust engine cannot be
 * downloaded here). See docs/migrations.md.
 *
 *   npx tsx scripts/migration-diff.ts --from <old schema.prisma> [--to prisma/schema.prisma]
 *
 * `--from empty` diffs from an empty database. Prints SQL on stdout.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const from = arg("--from");
const to = arg("--to") ?? "prisma/schema.prisma";
if (!from) {
  console.error("usage: npx tsx scripts/migration-diff.ts --from <old schema.prisma|empty> [--to prisma/schema.prisma]");
  process.exit(2);
}

const TOOL_DIR = path.join(os.tmpdir(), "chancery-prisma-6.19-diff");

function withUrl(schema: string): string {
  // Prisma 6 wants a url in the datasource block; it is never used for a schema-to-schema diff.
  return schema.replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url = "postgresql://unused@localhost/unused"');
}

async function main() {
  if (!existsSync(path.join(TOOL_DIR, "node_modules", "prisma"))) {
    mkdirSync(TOOL_DIR, { recursive: true });
    writeFileSync(path.join(TOOL_DIR, "package.json"), '{"name":"diff-tool","private":true}');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "prisma@6.19.3", "@prisma/adapter-pg@6.19.3"], { cwd: TOOL_DIR, stdio: "ignore" });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "chancery-diff-pg-"));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), ephemeral: true });
  try {
    const oldSchema = from === "empty" ? 'datasource db {\n  provider = "postgresql"\n}\n' : readFileSync(from!, "utf8");
    writeFileSync(path.join(TOOL_DIR, "from.prisma"), withUrl(oldSchema));
    writeFileSync(path.join(TOOL_DIR, "to.prisma"), withUrl(readFileSync(to, "utf8")));
    writeFileSync(
      path.join(TOOL_DIR, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(pg.adminUrl)} }),
});
`,
    );
    const sql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-schema-datamodel", "from.prisma", "--to-schema-datamodel", "to.prisma", "--script"],
      {
        cwd: TOOL_DIR,
        env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: process.execPath, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    ).toString();
    process.stdout.write(sql);
  } finally {
    await pg.stop(); // and its data with it (ephemeral), but not the folder around it
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
