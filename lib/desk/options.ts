import "server-only";
import { db } from "@/lib/db/client";
import { TREATY_ACTION_LABELS } from "@/lib/format/labels";
import { isoDate } from "@/lib/format/date";

export interface Option {
  id: string;
  label: string;
}

/** Every id a form's values refer to (participants, speaker, parent, …), for naming them. */
export function referencedIds(values: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key = "") => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") Object.entries(v).forEach(([k, x]) => walk(x, k));
    else if (typeof v === "string" && v && /Ids?$/.test(key)) out.add(v);
  };
  walk(values);
  return [...out];
}

/**
 * What the desk forms need besides the record: names for the ids it refers to
 * (the pickers search for everything else), treaty actions and topics.
 */
export async function loadDeskOptions(ids: string[] = []) {
  const [countries, people, organizations, events, agreements, treatyActions, topics] = await Promise.all([
    db.country.findMany({ where: { iso2: { in: ids.filter((id) => id.length === 2) } }, select: { iso2: true, name: true } }),
    db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, country: { select: { iso2: true, name: true } } } }),
    db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, country: { select: { iso2: true, name: true } } } }),
    db.event.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
    db.agreement.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db.treatyAction.findMany({
      orderBy: [{ agreementId: "asc" }, { date: "asc" }],
      take: 1000,
      select: { id: true, type: true, date: true, country: { select: { name: true } }, agreement: { select: { name: true } } },
    }),
    db.topic.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const labels: Record<string, string> = {};
  // A participant row shows the country of the person or organization it names.
  const countryOf: Record<string, { id: string; name: string }> = {};
  [...people, ...organizations].forEach((r) => r.country && (countryOf[r.id] = { id: r.country.iso2.trim(), name: r.country.name }));
  countries.forEach((c) => (labels[c.iso2] = c.name));
  people.forEach((p) => (labels[p.id] = p.name));
  organizations.forEach((o) => (labels[o.id] = o.name));
  events.forEach((e) => (labels[e.id] = e.title));
  agreements.forEach((a) => (labels[a.id] = a.name));
  return {
    labels,
    countryOf,
    treatyActions: treatyActions.map((t) => ({
      id: t.id,
      label: `${t.agreement.name}: ${t.country.name}, ${TREATY_ACTION_LABELS[t.type] ?? t.type}${t.date ? ` (${isoDate(t.date)})` : ""}`,
    })),
    topics: topics.map((t) => ({ id: t.id, label: t.name })),
  };
}

export type DeskOptions = Awaited<ReturnType<typeof loadDeskOptions>>;

/** The choices of a content list's author and country filters: everyone who can write, every country. */
export async function loadListFilterOptions(): Promise<{ authors: Option[]; countries: Option[] }> {
  const [users, countries] = await Promise.all([
    db.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true } }),
    db.country.findMany({ orderBy: { name: "asc" }, select: { iso2: true, name: true } }),
  ]);
  return {
    authors: users.map((u) => ({ id: u.id, label: u.name || u.email })),
    countries: countries.map((c) => ({ id: c.iso2, label: c.name })),
  };
}
