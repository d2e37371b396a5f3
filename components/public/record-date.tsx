import { formatDate, isoDate, type Precision } from "@/lib/format/date";

/** A date shown no more precisely than it is known, with a machine-readable twin. */
export function RecordDate({ date, precision }: { date: Date | null | undefined; precision: Precision }) {
  if (!date) return <span>{formatDate(null)}</span>;
  return <time dateTime={isoDate(date, precision)}>{formatDate(date, precision)}</time>;
}
