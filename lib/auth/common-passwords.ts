import { dictionary } from "@zxcvbn-ts/language-common";

// zxcvbn-ts's list of the ~49,000 most common passwords (from leaked-password
// frequency data), maintained upstream rather than typed here.
let common: Set<string> | undefined;

/** Whether a password is one of the most common ones (case and surrounding spaces ignored). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common.has(password.trim().toLowerCase());
}
