import "server-only";
import { db } from "@/lib/db/client";
import { TREATY_ACTION_LABELS } from "@/lib/format/labels";

export interface Option {
  id: string;
  label: string;
}

/**
 * Choices for the desk forms' reference fields. Until the search-as-you-type
 * picker covers a kind, the forms offer these as plain lists.
 */
export async function loadDeskOptions() {
  const [countries, people, organizations, events, agreements, treatyActions, topics] = await Promise.all([
    db.country.findMany({ orderBy: { name: "asc" }, select: { iso2: true, name: true } }),
    db.person.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.organization.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, acronym: true } }),
    db.event.findMany({ orderBy: [{ date: "desc" }, { title: "asc" }], take: 500, select: { id: true, title: true, date: true } }),
    db.agreement.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.treatyAction.findMany({
      orderBy: [{ agreementId: "asc" }, { date: "asc" }],
      select: { id: true, type: true, date: true, country: { select: { name: true } }, agreement: { select: { name: true } } },
    }),
    db.topic.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    countries: countries.map((c) => ({ id: c.iso2, label: c.name })),
    people: people.map((p) => ({ id: p.id, label: p.name })),
    organizations: organizations.map((o) => ({ id: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name })),
    events: events.map((e) => ({ id: e.id, label: e.date ? `${e.title} (${e.date.toISOString().slice(0, 10)})` : e.title })),
    agreements: agreements.map((a) => ({ id: a.id, label: a.name })),
    treatyActions: treatyActions.map((t) => ({
      id: t.id,
      label: `${t.agreement.name}: ${t.country.name}, ${TREATY_ACTION_LABELS[t.type] ?? t.type}${t.date ? ` (${t.date.toISOString().slice(0, 10)})` : ""}`,
    })),
    topics: topics.map((t) => ({ id: t.id, label: t.name })),
  };
}

export type DeskOptions = Awaited<ReturnType<typeof loadDeskOptions>>;
