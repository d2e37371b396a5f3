/** A moment in UTC, to the minute, in a <time> element (the desk works in UTC). */
export function UtcTime({ value }: { value: Date | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  const iso = value.toISOString();
  return <time dateTime={iso}>{iso.slice(0, 16).replace("T", " ")} UTC</time>;
}
