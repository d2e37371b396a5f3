export type Precision = "DAY" | "MONTH" | "YEAR";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Every formatter here takes any Date the database can hand back and never
 * throws: a value PostgreSQL holds but JavaScript cannot (year 10000, a BC
 * date) arrives as an Invalid Date, and one such row must not take a page down.
 */
const isReadable = (date: Date) => !Number.isNaN(date.getTime());
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const yearText = (year: number) => (year < 0 ? `-${pad(-year, 4)}` : pad(year, 4));

export const UNREADABLE_DATE = "date out of range";

/**
 * "6 November 2025", "August 1992" or "1992": never more precise than what is
 * known; "c. 1995" when even that is an approximation ("the mid-1990s").
 */
export function formatDate(date: Date | null | undefined, precision: Precision = "DAY", options: { approximate?: boolean } = {}): string {
  if (!date) return "Date to be announced";
  if (!isReadable(date)) return UNREADABLE_DATE;
  const circa = options.approximate ? "c. " : "";
  const year = date.getUTCFullYear();
  if (precision === "YEAR") return `${circa}${year}`;
  const month = MONTHS[date.getUTCMonth()];
  if (precision === "MONTH") return `${circa}${month} ${year}`;
  return `${circa}${date.getUTCDate()} ${month} ${year}`;
}

/** The machine-readable form for <time dateTime>, cut to the known precision ("" when unreadable). */
export function isoDate(date: Date, precision: Precision = "DAY"): string {
  if (!isReadable(date)) return "";
  const year = yearText(date.getUTCFullYear());
  if (precision === "YEAR") return year;
  const month = `${year}-${pad(date.getUTCMonth() + 1)}`;
  if (precision === "MONTH") return month;
  return `${month}-${pad(date.getUTCDate())}`;
}

/** A moment for staff screens: "2025-11-06 14:30 UTC" ("—" for none). */
export function formatTimestamp(date: Date | null | undefined, withSeconds = false): string {
  if (!date) return "—";
  if (!isReadable(date)) return UNREADABLE_DATE;
  return `${isoDate(date)} ${formatClock(date, withSeconds)}`;
}

/**
 * The time of day of a moment today, on the clock staff screens use: "14:30 UTC" (the editor's
 * "Saved 14:30 UTC", which the revision history then shows at the same time).
 */
export function formatClock(date: Date, withSeconds = false): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${withSeconds ? `:${pad(date.getUTCSeconds())}` : ""} UTC`;
}
