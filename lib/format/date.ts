export type Precision = "DAY" | "MONTH" | "YEAR";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * "6 November 2025", "August 1992" or "1992": never more precise than what is
 * known; "c. 1995" when even that is an approximation ("the mid-1990s").
 */
export function formatDate(date: Date | null | undefined, precision: Precision = "DAY", options: { approximate?: boolean } = {}): string {
  if (!date) return "Date to be announced";
  const circa = options.approximate ? "c. " : "";
  const year = date.getUTCFullYear();
  if (precision === "YEAR") return `${circa}${year}`;
  const month = MONTHS[date.getUTCMonth()];
  if (precision === "MONTH") return `${circa}${month} ${year}`;
  return `${circa}${date.getUTCDate()} ${month} ${year}`;
}

/** The machine-readable form for <time dateTime>, cut to the known precision. */
export function isoDate(date: Date, precision: Precision = "DAY"): string {
  const iso = date.toISOString().slice(0, 10);
  return precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso;
}

export function formatDateRange(start: Date | null, end: Date | null, precision: Precision = "DAY"): string {
  if (!end || !start) return formatDate(start, precision);
  return `${formatDate(start, precision)} – ${formatDate(end, precision)}`;
}
