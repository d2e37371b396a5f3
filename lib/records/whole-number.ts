/** Plain decimal digits, as a person writes a whole number (at most 15: still exact as a JS number). */
const DIGITS = /^[0-9]{1,15}$/;

/**
 * A whole number typed as text (a form field, a query parameter, a command-line flag or an
 * environment variable) or sent as a JSON number, or null when it is not one. Text must be
 * plain decimal digits: Number() and z.coerce read "0x10" as 16, "1e1" as 10, "16.0",
 * " 16" and "+16" as 16 and "" as 0, none of which a person means by a position or a page.
 */
export function readWholeNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : null;
  return typeof value === "string" && DIGITS.test(value) ? Number(value) : null;
}
