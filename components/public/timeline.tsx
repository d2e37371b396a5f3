import { IntentLink } from "@/components/public/intent-link";
import type { Precision } from "@/lib/format/date";
import { EVENT_TYPE_LABELS, OCCURRENCE_LABELS, PARTICIPANT_ROLE_LABELS, label } from "@/lib/format/labels";
import { eventPath } from "@/lib/site/paths";
import { RecordDate } from "./record-date";
import { NewestOf, RecordSection } from "./record-section";
import styles from "./timeline.module.css";

export interface TimelineEntry {
  key: string;
  date: Date | null;
  precision: Precision;
  /** "c. 1995": the date is an approximation at its precision. */
  approximate?: boolean;
  /** Position among entries of the same day (an event's `dayOrder`). */
  order?: number;
  title: string;
  href?: string;
  /** A short label above the title: the event type, the treaty action, … */
  kind?: string;
  note?: string;
  /** Flags such as "Scheduled" or "Cancelled". */
  flag?: string;
}

interface TimelineEvent {
  id: string;
  slug: string;
  title: string;
  type: string;
  date: Date | null;
  datePrecision: Precision;
  dateApproximate: boolean;
  dayOrder: number;
  occurrence: string;
}

/**
 * A published event on a timeline: its type (and, for a participation, the role
 * taken in it) above the title, a flag unless it occurred.
 */
export function eventTimelineEntry(event: TimelineEvent, participation?: { id: string; role: string }): TimelineEntry {
  const type = label(EVENT_TYPE_LABELS, event.type);
  return {
    key: participation?.id ?? event.id,
    date: event.date,
    precision: event.datePrecision,
    approximate: event.dateApproximate,
    order: event.dayOrder,
    title: event.title,
    href: eventPath(event.slug),
    kind: participation ? `${type} · ${label(PARTICIPANT_ROLE_LABELS, participation.role)}` : type,
    flag: event.occurrence !== "OCCURRED" ? label(OCCURRENCE_LABELS, event.occurrence) : undefined,
  };
}

/**
 * A person's or an organization's page: the events they took part in (the newest the
 * page shows), each with the role taken, then how many there are in all.
 */
export function ParticipationsSection({ name, participations, total }: { name: string; participations: Array<{ id: string; role: string; event: TimelineEvent }>; total: number }) {
  return (
    <RecordSection id="events" title="Events">
      <Timeline label={`Events ${name} took part in`} entries={participations.map((p) => eventTimelineEntry(p.event, p))} />
      <NewestOf shown={participations.length} total={total} />
    </RecordSection>
  );
}

const STRIP_HEIGHT = 36;
// Room at both ends for the year labels, in percent of the strip's width.
const PAD_PCT = 5;

/**
 * A timeline that reads as a list without styles or script: entries grouped by
 * year, oldest first (events of one day in their order within it), with a strip
 * above that shows at a glance how they spread over the years (decorative; the
 * list carries the content).
 */
export function Timeline({ entries, label }: { entries: TimelineEntry[]; label: string }) {
  if (entries.length === 0) return <p className="muted">Nothing on the record yet.</p>;
  const dated = entries
    .filter((e) => e.date)
    .sort((a, b) => a.date!.getTime() - b.date!.getTime() || (a.order ?? 0) - (b.order ?? 0));
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
                    <RecordDate date={e.date} precision={e.precision} approximate={e.approximate} />
                    {e.kind && <span className={styles.kind}>{e.kind}</span>}
                    {e.flag && <span className={styles.flag}>{e.flag}</span>}
                  </p>
                  <p className={styles.title}>{e.href ? <IntentLink href={e.href}>{e.title}</IntentLink> : e.title}</p>
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
  // Positions are percentages of the strip's width and sizes are pixels (no viewBox), so the
  // year labels keep their type size on a 390 px phone as on a desktop, and dots stay round.
  const pct = (t: number) => `${PAD_PCT + ((t - start) / span) * (100 - 2 * PAD_PCT)}%`;
  // At most six labels, so they stay apart on a phone.
  const step = Math.max(1, Math.ceil((last - first) / 6));
  const ticks: number[] = [];
  for (let y = first; y <= last; y += step) ticks.push(y);
  return (
    <svg width="100%" height={STRIP_HEIGHT} className={styles.strip} aria-hidden="true" focusable="false">
      <line x1={`${PAD_PCT}%`} x2={`${100 - PAD_PCT}%`} y1={10} y2={10} className={styles.axis} />
      {ticks.map((y) => (
        <g key={y}>
          <line x1={pct(Date.UTC(y, 0, 1))} x2={pct(Date.UTC(y, 0, 1))} y1={5} y2={15} className={styles.axis} />
          <text x={pct(Date.UTC(y, 0, 1))} y={STRIP_HEIGHT - 4} className={styles.tick}>
            {y}
          </text>
        </g>
      ))}
      {entries.map((e) => (
        <circle key={e.key} cx={pct(e.date!.getTime())} cy={10} r={5} className={styles.point} />
      ))}
    </svg>
  );
}
