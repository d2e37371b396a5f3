import { formatDate, isoDate, type Precision } from "@/lib/format/date";

/**
 * A date shown no more precisely than it is known, with a machine-readable twin;
 * an approximate one reads "c. 1995" and says so to screen readers too.
 */
export function RecordDate({ date, precision, approximate = false }: { date: Date | null | undefined; precision: Precision; approximate?: boolean }) {
  if (!date) return <span>{formatDate(null)}</span>;
  const text = formatDate(date, precision, { approximate });
  return (
    <time dateTime={isoDate(date, precision)} title={approximate ? `About ${formatDate(date, precision)}` : undefined}>
      {text}
    </time>
  );
}
