/**
 * A count as the desk writes it: with thousands separators, and "about" before an
 * estimate, which keeps two significant figures ("about 99,000"), as many as an
 * estimate from a sample can claim.
 */
export function formatCount(n: number, isEstimate = false, options: { atStart?: boolean } = {}): string {
  if (!isEstimate) return n.toLocaleString("en");
  return `${options.atStart ? "About" : "about"} ${roundEstimate(n).toLocaleString("en")}`;
}

/** A count and its noun: "1 row", "1,200 rows", "2 other sessions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "page 2 of 5", or "page 2 of about 4,000" when the count behind the pages is an estimate. */
export function formatPageOf(page: number, pageCount: number, isEstimate = false): string {
  return `page ${page.toLocaleString("en")} of ${isEstimate ? "about " : ""}${pageCount.toLocaleString("en")}`;
}

/** Two significant figures for 100 and more; a smaller estimate as it is. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}
