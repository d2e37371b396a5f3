import Link from "next/link";
import type { Precision } from "@/lib/format/date";
import { RecordDate } from "./record-date";
import styles from "./timeline.module.css";

export interface TimelineEntry {
  key: string;
  date: Date | null;
  precision: Precision;
  title: string;
  href?: string;
  /** A short label above the title: the event type, the treaty action, … */
  kind?: string;
  note?: string;
  /** Flags such as "Scheduled" or "Cancelled". */
  flag?: string;
}

const STRIP_WIDTH = 640;
const STRIP_HEIGHT = 36;
// Room at both ends for the year labels.
const PAD = 24;

/**
 * A timeline that reads as a list without styles or script: entries grouped by
 * year, oldest first, with an SVG strip above that shows at a glance how they
 * spread over the years (decorative; the list carries the content).
 */
export function Timeline({ entries, label }: { entries: TimelineEntry[]; label: string }) {
  if (entries.length === 0) return <p className="muted">Nothing on the record yet.</p>;
  const dated = entries.filter((e) => e.date).sort((a, b) => a.date!.getTime() - b.date!.getTime());
  const undated = entries.filter((e) => !e.date);
  const years = new Map<string, TimelineEntry[]>();
  for (const e of dated) {
    const year = String(e.date!.getUTCFullYear());
    years.set(year, [...(years.get(year) ?? []), e]);
  }
  if (undated.length) years.set("Date to be announced", undated);
  return (
    <div className={styles.timeline}>
      {dated.length > 1 && <Strip entries={dated} />}
      <ol className={styles.years} aria-label={label}>
        {[...years].map(([year, list]) => (
          <li key={year} className={styles.year}>
            <p className={styles.yearLabel}>{year}</p>
            <ol className={styles.entries}>
              {list.map((e) => (
                <li key={e.key} className={styles.entry}>
                  <p className={styles.when}>
                    <RecordDate date={e.date} precision={e.precision} />
                    {e.kind && <span className={styles.kind}>{e.kind}</span>}
                    {e.flag && <span className={styles.flag}>{e.flag}</span>}
                  </p>
                  <p className={styles.title}>{e.href ? <Link href={e.href}>{e.title}</Link> : e.title}</p>
                  {e.note && <p className={styles.note}>{e.note}</p>}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Strip({ entries }: { entries: TimelineEntry[] }) {
  const first = entries[0]!.date!.getUTCFullYear();
  const last = entries[entries.length - 1]!.date!.getUTCFullYear() + 1;
  const start = Date.UTC(first, 0, 1);
  const span = Date.UTC(last, 0, 1) - start;
  const x = (d: Date) => PAD + ((d.getTime() - start) / span) * (STRIP_WIDTH - 2 * PAD);
  const step = Math.max(1, Math.ceil((last - first) / 8));
  const ticks: number[] = [];
  for (let y = first; y <= last; y += step) ticks.push(y);
  return (
    <svg viewBox={`0 0 ${STRIP_WIDTH} ${STRIP_HEIGHT}`} className={styles.strip} aria-hidden="true" focusable="false">
      <line x1={PAD} x2={STRIP_WIDTH - PAD} y1={12} y2={12} className={styles.axis} />
      {ticks.map((y) => (
        <g key={y}>
          <line x1={x(new Date(Date.UTC(y, 0, 1)))} x2={x(new Date(Date.UTC(y, 0, 1)))} y1={8} y2={16} className={styles.axis} />
          <text x={x(new Date(Date.UTC(y, 0, 1)))} y={31} className={styles.tick}>
            {y}
          </text>
        </g>
      ))}
      {entries.map((e) => (
        <circle key={e.key} cx={x(e.date!)} cy={12} r={5} className={styles.point} />
      ))}
    </svg>
  );
}
