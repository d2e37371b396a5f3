import { createHash } from "node:crypto";

/**
 * The hash sources a shared page's Content-Security-Policy must name: the SHA-256 of
 * each executable inline script's text, as the page was received (data blocks such as
 * JSON-LD and script files are not named). lib/server/script-hashes.ts makes them.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\ssrc=/.test(attributes!) || attributes!.includes("application/ld+json")) continue;
    hashes.add(`'sha256-${createHash("sha256").update(text!).digest("base64")}'`);
  }
  return [...hashes];
}
