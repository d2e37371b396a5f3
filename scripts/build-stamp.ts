import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WEB_WORKER_BUNDLE } from "@/lib/server/web-worker-entry";

/** What a production build depends on; a change to any of these makes `npm start` rebuild. */
const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "tsconfig.json", "prisma/schema.prisma", "instrumentation.ts", "proxy.ts"];
const STAMP = path.join(".next", "chancery-build-fingerprint");

export function buildFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p) || p.includes("generated") || /\.test\.tsx?$/.test(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) for (const entry of readdirSync(p).sort()) walk(path.join(p, entry));
    else hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
  };
  BUILD_INPUTS.forEach(walk);
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(WEB_WORKER_BUNDLE) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === buildFingerprint();
}

export function writeBuildStamp(fingerprint: string): void {
  writeFileSync(STAMP, fingerprint);
}
