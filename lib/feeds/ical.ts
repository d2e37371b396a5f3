/**
 * iCalendar (RFC 5545) for upcoming scheduled events: CRLF line ends, lines folded
 * at 75 octets (never inside a UTF-8 character), TEXT values escaped. Day-precision
 * dates are all-day DATE values; a known local time is converted to UTC, so no
 * VTIMEZONE is needed.
 */
export interface CalendarEvent {
  uid: string;
  url: string;
  title: string;
  description: string;
  location: string | null;
  /** UTC midnight of the day. */
  date: Date;
  endDate: Date | null;
  localTime: string | null;
  timeZone: string | null;
  stamp: Date;
}

export function escapeText(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll(";", "\\;").replaceAll(",", "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const pad = (n: number) => String(n).padStart(2, "0");
const dateValue = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const utcValue = (d: Date) => `${dateValue(d)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

/** The UTC instant of a wall-clock time in an IANA zone (two passes settle DST edges). */
export function zonedToUtc(day: Date, time: string, timeZone: string): Date | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), Number(match[1]), Number(match[2]));
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  } catch {
    return null;
  }
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return asUtc - instant;
  };
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess);
}

/** How often a subscribed calendar app should fetch the calendar again: an hour, as a newly announced event should not wait a day. */
const REFRESH = "PT1H";

export function renderCalendar(options: { name: string; url: string; events: CalendarEvent[] }): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Chancery//The diplomatic record//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    // The name and how often to look again, in RFC 7986's words and in the ones older
    // calendar apps read (Apple's and Google's X-WR-CALNAME, Outlook's X-PUBLISHED-TTL).
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
    `X-PUBLISHED-TTL:${REFRESH}`,
    `URL:${options.url}`,
  ];
  for (const event of options.events) {
    lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${utcValue(event.stamp)}`);
    const start = event.localTime && event.timeZone ? zonedToUtc(event.date, event.localTime, event.timeZone) : null;
    if (start) {
      lines.push(`DTSTART:${utcValue(start)}`);
    } else {
      const last = event.endDate ?? event.date;
      lines.push(`DTSTART;VALUE=DATE:${dateValue(event.date)}`, `DTEND;VALUE=DATE:${dateValue(new Date(last.getTime() + 86_400_000))}`);
    }
    lines.push(`SUMMARY:${escapeText(event.title)}`, `DESCRIPTION:${escapeText(event.description)}`, `URL:${event.url}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    lines.push("STATUS:CONFIRMED", "TRANSP:TRANSPARENT", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
