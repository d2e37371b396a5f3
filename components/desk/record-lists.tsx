import "server-only";
import type { ReactNode } from "react";
import type { Column } from "@/components/ui/data-table";
import { listAgreementsForDesk } from "@/lib/agreements/desk-agreements";
import type { DeskListQuery } from "@/lib/desk/list-query";
import { AGREEMENT_KIND_LABELS } from "@/lib/format/labels";
import { ORGANIZATION_KIND_LABELS } from "@/lib/lookup/labels";
import { listOrganizationsForDesk } from "@/lib/organizations/desk-organizations";
import { listPeopleForDesk } from "@/lib/people/desk-people";
import { listTopicsForDesk } from "@/lib/topics/desk-topics";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listDeskEvents } from "@/lib/events/desk-queries";
import { formatDate } from "@/lib/format/date";
import { EVENT_TYPE_LABELS } from "@/lib/format/labels";
import { listDeskStatements } from "@/lib/statements/desk-queries";
import { ContentList, type ListRow } from "./content-list";
import { DoneNotice } from "./done-notice";
import { editLink, RecordList, type ListFilter } from "./record-list";

interface ListPage<R extends { id: string }> {
  title: string;
  noun: string;
  filters: (query: DeskListQuery) => ListFilter[];
  load: (query: DeskListQuery) => Promise<{ rows: R[]; page: number; pageCount: number; total: number }>;
  columns: Array<Column<R>>;
}

/** A kind's list, with its row type hidden: what the one list page renders. */
function listPage<R extends { id: string }>(plural: string, spec: ListPage<R>) {
  return async function render(query: DeskListQuery, options: { canCreate: boolean; done: string | undefined }): Promise<ReactNode> {
    return <RecordList plural={plural} noun={spec.noun} title={spec.title} filters={spec.filters(query)} list={await spec.load(query)} columns={spec.columns} {...options} />;
  };
}

const q = (label: string) => (query: DeskListQuery): ListFilter => ({ name: "q", label, value: query.q || undefined });
const known = (labels: Record<string, string>, value: string | undefined) => (value && value in labels ? value : undefined);
const kindFilter = (labels: Record<string, string>) => (query: DeskListQuery): ListFilter => ({ name: "kind", label: "Kind", value: known(labels, query.kind), options: labels, any: "Any kind" });

/** A list of content (events, statements): the workflow's filters, anyone at the desk may draft. */
function contentListPage(kind: "events" | "statements", noun: string, title: string, load: (query: DeskListQuery) => Promise<{ total: number; rows: ListRow[] }>, types?: Record<string, string>) {
  return async function render(query: DeskListQuery, options: { done: string | undefined }): Promise<ReactNode> {
    const { total, rows } = await load(query);
    return (
      <>
        <PageHeader title={title} actions={<ButtonLink href={`/dashboard/${kind}/new`} variant="primary">New {noun}</ButtonLink>} />
        <DoneNotice done={options.done} noun={noun} />
        <ContentList kind={kind} noun={noun} query={query} total={total} types={types} rows={rows} />
      </>
    );
  };
}

const listEvents = async (query: DeskListQuery) => {
  const { total, rows } = await listDeskEvents(query);
  const detail = (type: string) => EVENT_TYPE_LABELS[type] ?? type;
  return { total, rows: rows.map((r) => ({ ...r, isStaged: r.stagedAt !== null, detail: detail(r.type), date: formatDate(r.date, r.datePrecision) })) };
};

const listStatements = async (query: DeskListQuery) => {
  const { total, rows } = await listDeskStatements(query);
  const speaker = (r: (typeof rows)[number]) => r.speaker?.name ?? r.speakerLabel ?? "—";
  return { total, rows: rows.map((r) => ({ ...r, isStaged: r.stagedAt !== null, detail: speaker(r), date: r.saidOn ? formatDate(r.saidOn, r.saidPrecision) : "—" })) };
};

/** Every desk list, by the plural in its URL. */
export const RECORD_LISTS: Record<string, { title: string; render: (query: DeskListQuery, options: { canCreate: boolean; done: string | undefined }) => Promise<ReactNode> }> = {
  events: { title: "Events", render: contentListPage("events", "event", "Events", listEvents, EVENT_TYPE_LABELS) },
  statements: { title: "Statements", render: contentListPage("statements", "statement", "Statements", listStatements) },
  people: {
    title: "People",
    render: listPage("people", {
      title: "People",
      noun: "person",
      filters: (query) => [q("Name")(query), { name: "country", label: "Country code", value: query.country, size: "short" }],
      load: (query) => listPeopleForDesk({ q: query.q || undefined, country: query.country, page: query.page }),
      columns: [
        { header: "Name", cell: (p) => editLink("people", p) },
        { header: "Country", cell: (p) => p.country?.name ?? "—" },
        { header: "Office", cell: (p) => p.offices[0]?.title ?? "—" },
      ],
    }),
  },
  organizations: {
    title: "Organizations",
    render: listPage("organizations", {
      title: "Organizations",
      noun: "organization",
      filters: (query) => [q("Name or acronym")(query), kindFilter(ORGANIZATION_KIND_LABELS)(query)],
      load: (query) => listOrganizationsForDesk({ q: query.q || undefined, kind: known(ORGANIZATION_KIND_LABELS, query.kind), page: query.page }),
      columns: [
        { header: "Name", cell: (o) => editLink("organizations", o) },
        { header: "Acronym", cell: (o) => o.acronym ?? "—" },
        { header: "Kind", cell: (o) => `${ORGANIZATION_KIND_LABELS[o.kind]}${o.country ? ` (${o.country.name})` : ""}` },
        { header: "Members", cell: (o) => o._count.members },
      ],
    }),
  },
  agreements: {
    title: "Agreements",
    render: listPage("agreements", {
      title: "Agreements",
      noun: "agreement",
      filters: (query) => [q("Name")(query), kindFilter(AGREEMENT_KIND_LABELS)(query)],
      load: (query) => listAgreementsForDesk({ q: query.q || undefined, kind: known(AGREEMENT_KIND_LABELS, query.kind), page: query.page }),
      columns: [
        { header: "Name", cell: (a) => editLink("agreements", a) },
        { header: "Kind", cell: (a) => AGREEMENT_KIND_LABELS[a.kind] },
        { header: "Parties", cell: (a) => a.partyCount },
      ],
    }),
  },
  topics: {
    title: "Topics",
    render: listPage("topics", {
      title: "Topics",
      noun: "topic",
      filters: (query) => [q("Name")(query)],
      load: (query) => listTopicsForDesk({ q: query.q || undefined, page: query.page }),
      columns: [
        { header: "Name", cell: (t) => editLink("topics", t) },
        { header: "Slug", cell: (t) => t.slug },
        { header: "Events", cell: (t) => t._count.events },
        { header: "Statements", cell: (t) => t._count.statements },
      ],
    }),
  },
};
