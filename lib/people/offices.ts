import type { Precision } from "@/lib/format/date";

/**
 * Offices over time: which one a person held on a given day (a statement shows the
 * speaker's title *then*), and whether two terms of the same office overlap. A
 * bound known only to the month or year covers that whole month or year, so a date
 * inside it counts as "possibly held" and is accepted.
 */
export interface OfficeSpan {
  title: string;
  startDate: Date | null;
  startPrecision: Precision;
  endDate: Date | null;
  endPrecision: Precision;
}

/** The first day a bound can stand for. */
function earliest(date: Date, precision: Precision): number {
  if (precision === "YEAR") return Date.UTC(date.getUTCFullYear(), 0, 1);
  if (precision === "MONTH") return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** The last day a bound can stand for. */
function latest(date: Date, precision: Precision): number {
  if (precision === "YEAR") return Date.UTC(date.getUTCFullYear(), 11, 31);
  if (precision === "MONTH") return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0);
  return earliest(date, "DAY");
}

export function isHeldOn(office: OfficeSpan, on: Date): boolean {
  const t = earliest(on, "DAY");
  if (office.startDate && t < earliest(office.startDate, office.startPrecision)) return false;
  if (office.endDate && t > latest(office.endDate, office.endPrecision)) return false;
  return Boolean(office.startDate || office.endDate);
}

/**
 * The office held on a day. Among several (a president who is also party leader),
 * the one that started last; an office with no dates at all is never "held then".
 */
export function officeHeldOn<T extends OfficeSpan>(offices: T[], on: Date | null | undefined): T | null {
  if (!on) return null;
  const held = offices.filter((o) => isHeldOn(o, on));
  held.sort((a, b) => (b.startDate?.getTime() ?? 0) - (a.startDate?.getTime() ?? 0));
  return held[0] ?? null;
}

/** Whether two terms could share a day (an open end runs to today and beyond). */
export function officesOverlap(a: OfficeSpan, b: OfficeSpan): boolean {
  const aStart = a.startDate ? earliest(a.startDate, a.startPrecision) : -Infinity;
  const bStart = b.startDate ? earliest(b.startDate, b.startPrecision) : -Infinity;
  const aEnd = a.endDate ? latest(a.endDate, a.endPrecision) : Infinity;
  const bEnd = b.endDate ? latest(b.endDate, b.endPrecision) : Infinity;
  // A term ending on the day the next starts (a handover) is not an overlap.
  return aStart < bEnd && bStart < aEnd;
}

/** An office where it was held: what tells two offices of one title apart. */
export interface HeldOffice extends OfficeSpan {
  countryId: string | null;
  organizationId: string | null;
}

/**
 * One term recorded twice: the same office (its title in any case, its country and
 * organization) on days that overlap, which a person's form refuses as two terms
 * (person-input.ts). A merge keeps the kept record's and drops the duplicate's.
 */
export function isSameTerm(a: HeldOffice, b: HeldOffice): boolean {
  const office = (o: HeldOffice) => [o.title.trim().toLowerCase(), o.countryId ?? "", o.organizationId ?? ""].join("|");
  return office(a) === office(b) && officesOverlap(a, b);
}

/**
 * The title a statement shows: the office held that day (the typed one when the
 * person held several then and it is among them), else what the editor typed.
 */
export function titleThen(offices: OfficeSpan[] | undefined, on: Date | null | undefined, typed: string | null): string | null {
  if (!on) return typed;
  const held = (offices ?? []).filter((o) => isHeldOn(o, on));
  if (typed && held.some((o) => o.title === typed)) return typed;
  return officeHeldOn(held, on)?.title ?? typed;
}
