import "server-only";
import { formatCount } from "@/lib/format/count";
import type { ReactNode } from "react";
import type { Column } from "@/components/ui/data-table";
import { listAgreementsForDesk } from "@/lib/agreements/desk-agreements";
import { deskListParams, type DeskListQuery } from "@/lib/desk/list-query";
import { correctionOf } from "@/lib/search/suggest";
import { AGREEMENT_KIND_LABELS } from "@/lib/format/labels";
import { ORGANIZATION_KIND_LABELS } from "@/lib/lookup/labels";
import { listOrganizationsForDesk } from "@/lib/organizations/desk-organizations";
import { listPeopleForDesk } from "@/lib/people/desk-people";
import { likelyDuplicates } from "@/lib/desk/likely-duplicates";
import { listTopicsForDesk } from "@/lib/topics/desk-topics";
import { searchEntities, type LookupResult } from "@/lib/lookup/search-entities";
import { FOLDED_FROM } from "@/lib/records/fold";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { loadListFilterOptions } from "@/lib/desk/options";
import { openByOthers } from "@/lib/desk/presence";
import { listDeskEvents } from "@/lib/events/desk-queries";
import { formatDate, formatTimestamp } from "@/lib/format/date";
import { EVENT_TYPE_LABELS, MEDIUM_LABELS } from "@/lib/format/labels";
import { listDeskStatements } from "@/lib/statements/desk-queries";
import type { Role } from "@/lib/generated/prisma/enums";
import type { BulkAction, BulkRow } from "./bulk-list";
import { ContentList, type KindFilter } from "./content-list";
import { DoneNotice } from "./done-notice";
import { editLink, RecordList, type ListFilter } from "./record-list";

interface ListPage<R extends { id: string }> {
  title: string;
  noun: string;
  /** The desk's picker of this kind, which finds names near what was typed when the list finds none. */
  lookup: "person" | "organization" | "agreement" | "topic";
  filters: (query: DeskListQuery) => ListFilter[];
  load: (query: DeskListQuery) => Promise<{ rows: R[]; page: number; pageCount: number; total: number }>;
  columns: Array<Column<R>>;
  /** People, organizations and agreements: the ones surely recorded twice are named above the list, for editors to merge. */
  duplicates?: "people" | "organizations" | "agreements";
}

/**
 * A kind's list, with its row type hidden: what the one list page renders. When a name typed
 * finds nothing, the records the desk's picker finds for it (misspelt: "tokaev" finds
 * Kassym-Jomart Tokayev) are offered under the empty table.
 */
function listPage<R extends { id: string }>(plural: string, spec: ListPage<R>) {
  return async function render(query: DeskListQuery, options: ListOptions): Promise<ReactNode> {
    const loaded = await spec.load(query);
    const open = await openByOthers(plural, loaded.rows.map((r) => r.id), options.userId);
    const list = { ...loaded, rows: loaded.rows.map((r) => ({ ...r, openBy: open.get(r.id) })) };
    const typed = query.q?.trim() ?? "";
    const nearby: LookupResult[] = list.total === 0 && typed.length >= FOLDED_FROM ? await searchEntities({ kind: spec.lookup, q: typed, limit: NEARBY }) : [];
    // On the unfiltered first page, for those who can merge them.
    const isWhole = list.page === 1 && spec.filters(query).every((f) => !f.value);
    const duplicates = spec.duplicates && isWhole && hasRole(options.role, "EDITOR") ? await likelyDuplicates(spec.duplicates) : [];
    return (
      <RecordList
        plural={plural}
        noun={spec.noun}
        title={spec.title}
        filters={spec.filters(query)}
        problems={query.problems}
        list={list}
        nearby={{ typed, records: nearby }}
        duplicates={duplicates}
        columns={spec.columns}
        canCreate={hasRole(options.role, "EDITOR")}
        done={options.done}
      />
    );
  };
}

/** How many records near a name that finds none are offered. */
const NEARBY = 5;

const q = (label: string) => (query: DeskListQuery): ListFilter => ({ name: "q", label, value: query.q || undefined });
const known = (labels: Record<string, string>, value: string | undefined) => (value && value in labels ? value : undefined);
const kindFilter = (labels: Record<string, string>) => (query: DeskListQuery): ListFilter => ({ name: "kind", label: "Kind", value: known(labels, query.kind), options: labels, any: "Any kind" });

/** A list of content (events, statements): full-text search, the workflow's filters, bulk actions; anyone at the desk may draft. */
function contentListPage(
  plural: "events" | "statements",
  noun: string,
  title: string,
  load: (query: DeskListQuery) => Promise<{ query: DeskListQuery; total: number; totalIsEstimate: boolean; rows: BulkRow[] }>,
  kindFilter: KindFilter,
  detailHeader: string,
) {
  return async function render(given: DeskListQuery, options: ListOptions): Promise<ReactNode> {
    const [{ query, total, totalIsEstimate, rows: listed }, { authors, countries }] = await Promise.all([load(given), loadListFilterOptions()]);
    const open = await openByOthers(plural, listed.map((r) => r.id), options.userId);
    const rows = listed.map((r) => ({ ...r, openBy: open.get(r.id) }));
    const actions: BulkAction[] = hasRole(options.role, "EDITOR") ? ["submit", "publish", "unpublish"] : ["submit"];
    // Words that find nothing and name something misspelt ("kazakstan"): the same filters with
    // the names put right, as the desk's search and the public search offer it, when that finds something.
    let didYouMean: { q: string; href: string; found: string } | null = null;
    const corrected = total === 0 && query.q ? await correctionOf(query.q) : null;
    if (corrected) {
      const again = await load({ ...query, q: corrected, page: 1 });
      if (again.total > 0) didYouMean = { q: corrected, href: `/dashboard/${plural}?${deskListParams({ ...query, q: corrected })}`, found: `${formatCount(again.total, again.totalIsEstimate)} ${again.total === 1 ? noun : plural}` };
    }
    return (
      <>
        <PageHeader title={title} actions={<ButtonLink href={`/dashboard/${plural}/new`} variant="primary">New {noun}</ButtonLink>} />
        <DoneNotice done={options.done} noun={noun} />
        <ContentList plural={plural} noun={noun} query={query} total={total} totalIsEstimate={totalIsEstimate} rows={rows} kindFilter={kindFilter} detailHeader={detailHeader} authors={authors} countries={countries} actions={actions} didYouMean={didYouMean} />
      </>
    );
  };
}

const row = (r: { id: string; title: string; version: number; status: string; stagedAt: Date | null; updatedAt: Date; createdBy: { name: string } | null }, detail: string, date: string): BulkRow => ({
  id: r.id,
  title: r.title,
  version: r.version,
  status: r.status,
  isStaged: r.stagedAt !== null,
  detail,
  date,
  author: r.createdBy?.name ?? "—",
  updated: formatTimestamp(r.updatedAt),
});

const listEvents = async (given: DeskListQuery) => {
  const { query, total, totalIsEstimate, rows } = await listDeskEvents(given);
  return { query, total, totalIsEstimate, rows: rows.map((r) => row(r, EVENT_TYPE_LABELS[r.type] ?? r.type, formatDate(r.date, r.datePrecision))) };
};

const listStatements = async (given: DeskListQuery) => {
  const { query, total, totalIsEstimate, rows } = await listDeskStatements(given);
  return { query, total, totalIsEstimate, rows: rows.map((r) => row(r, r.speaker?.name ?? r.speakerLabel ?? "—", r.saidOn ? formatDate(r.saidOn, r.saidPrecision) : "—")) };
};

interface ListOptions {
  role: Role;
  /** Who is looking: the list says who else has a record open, never them. */
  userId: string;
  done: string | undefined;
}

/** Every desk list, by the plural in its URL. */
export const RECORD_LISTS: Record<string, { title: string; kinds?: Record<string, string>; render: (query: DeskListQuery, options: ListOptions) => Promise<ReactNode> }> = {
  events: { title: "Events", render: contentListPage("events", "event", "Events", listEvents, { name: "type", label: "Type", any: "Any type", options: EVENT_TYPE_LABELS }, "Type") },
  statements: {
    title: "Statements",
    kinds: MEDIUM_LABELS,
    render: contentListPage("statements", "statement", "Statements", listStatements, { name: "kind", label: "Kind", any: "Any kind", options: MEDIUM_LABELS }, "Speaker"),
  },
  people: {
    title: "People",
    render: listPage("people", {
      title: "People",
      noun: "person",
      lookup: "person",
      filters: (query) => [q("Name")(query), { name: "country", label: "Country code", value: query.country, size: "short" }],
      load: (query) => listPeopleForDesk({ q: query.q || undefined, country: query.country, page: query.page }),
      duplicates: "people",
      columns: [
        { header: "Name", cell: (p) => editLink("people", p) },
        { header: "Country", cell: (p) => p.country?.name ?? "—" },
        { header: "Office", cell: (p) => p.offices[0]?.title ?? "—" },
      ],
    }),
  },
  organizations: {
    title: "Organizations",
    kinds: ORGANIZATION_KIND_LABELS,
    render: listPage("organizations", {
      title: "Organizations",
      noun: "organization",
      lookup: "organization",
      filters: (query) => [q("Name or acronym")(query), kindFilter(ORGANIZATION_KIND_LABELS)(query)],
      load: (query) => listOrganizationsForDesk({ q: query.q || undefined, kind: known(ORGANIZATION_KIND_LABELS, query.kind), page: query.page }),
      duplicates: "organizations",
      columns: [
        { header: "Name", cell: (o) => editLink("organizations", o) },
        { header: "Acronym", cell: (o) => o.acronym ?? "—" },
        { header: "Kind", cell: (o) => `${ORGANIZATION_KIND_LABELS[o.kind]}${o.country ? ` (${o.country.name})` : ""}` },
        { header: "Members", cell: (o) => formatCount(o._count.members) },
      ],
    }),
  },
  agreements: {
    title: "Agreements",
    kinds: AGREEMENT_KIND_LABELS,
    render: listPage("agreements", {
      title: "Agreements",
      noun: "agreement",
      lookup: "agreement",
      filters: (query) => [q("Name")(query), kindFilter(AGREEMENT_KIND_LABELS)(query)],
      load: (query) => listAgreementsForDesk({ q: query.q || undefined, kind: known(AGREEMENT_KIND_LABELS, query.kind), page: query.page }),
      duplicates: "agreements",
      columns: [
        { header: "Name", cell: (a) => editLink("agreements", a) },
        { header: "Kind", cell: (a) => AGREEMENT_KIND_LABELS[a.kind] },
        { header: "Parties", cell: (a) => formatCount(a.partyCount) },
      ],
    }),
  },
  topics: {
    title: "Topics",
    render: listPage("topics", {
      title: "Topics",
      noun: "topic",
      lookup: "topic",
      filters: (query) => [q("Name")(query)],
      load: (query) => listTopicsForDesk({ q: query.q || undefined, page: query.page }),
      columns: [
        { header: "Name", cell: (t) => editLink("topics", t) },
        { header: "Slug", cell: (t) => t.slug },
        { header: "Events", cell: (t) => formatCount(t._count.events) },
        { header: "Statements", cell: (t) => formatCount(t._count.statements) },
      ],
    }),
  },
};
