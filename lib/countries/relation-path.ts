/** The canonical relation path: both ISO codes lower-case, in alphabetical order ("/relations/il-kz"). */
export function relationPath(a: string, b: string): string {
  const [first, second] = [a.toLowerCase(), b.toLowerCase()].sort();
  return `/relations/${first}-${second}`;
}

/** Reads "il-kz" into its two codes (upper-case) and whether it was already canonical; null if malformed. */
export function parseRelationPair(pair: string): { a: string; b: string; isCanonical: boolean } | null {
  const match = /^([a-zA-Z]{2})-([a-zA-Z]{2})$/.exec(pair);
  if (!match) return null;
  const [x, y] = [match[1]!.toUpperCase(), match[2]!.toUpperCase()];
  if (x === y) return null;
  const [a, b] = [x, y].sort() as [string, string];
  return { a, b, isCanonical: pair === `${a.toLowerCase()}-${b.toLowerCase()}` };
}
