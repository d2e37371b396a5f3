import { StaffLink } from "@/components/ui/staff-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextInput, type Choices } from "@/components/ui/field";
import type { Option } from "@/lib/desk/options";
import { deskListParams, hasDeskFilters, pageCount, type DeskListParam, type DeskListQuery } from "@/lib/desk/list-query";
import { STATUS_LABELS } from "@/lib/format/labels";
import { BulkList, type BulkAction, type BulkRow } from "./bulk-list";
import { ListPaging } from "./list-paging";
import { formatCount, formatPageOf } from "@/lib/format/count";
import styles from "./bulk-list.module.css";

/** The filter of a content list's vocabulary: event type (`type`) or statement kind (`kind`). */
export interface KindFilter {
  name: "type" | "kind";
  label: string;
  any: string;
  options: Record<string, string>;
}

const LABELS: Record<DeskListParam, string> = { q: "Search", status: "Status", type: "Type", kind: "Kind", author: "Author", country: "Country", from: "From", to: "To", page: "Page" };

/** A date bound as a date field shows it: its first day ("from") or last day ("to"). */
const dayOf = (bound: DeskListQuery["from"], end: boolean) => bound && (end ? bound.end : bound.start).toISOString().slice(0, 10);

/** What the address asked that the list could not use, and why (each also sits beside its filter). */
export function ListProblems({ problems }: { problems: DeskListQuery["problems"] }) {
  const entries = Object.entries(problems) as Array<[DeskListParam, string]>;
  if (entries.length === 0) return null;
  return (
    <Alert tone="warning" title="Part of this address could not be used">
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {LABELS[name]}: {message}
          </li>
        ))}
      </ul>
      <p>The list below leaves {entries.length === 1 ? "it" : "them"} out.</p>
    </Alert>
  );
}

/**
 * A desk list of content (events, statements): the filters (kept in the URL, so a
 * list can be shared and the back button works), what the address asked that could
 * not be used, the table with bulk actions, and pages.
 */
export function ContentList(props: {
  plural: "events" | "statements";
  noun: string;
  query: DeskListQuery;
  total: number;
  /** The total is an estimate (a word in many items: lib/desk/content-search.ts). */
  totalIsEstimate?: boolean;
  rows: BulkRow[];
  kindFilter: KindFilter;
  detailHeader: string;
  authors: Option[];
  countries: Option[];
  actions: BulkAction[];
  /** When the words find nothing and name something misspelt: the list with them put right, and what it finds. */
  didYouMean?: { q: string; href: string; found: string } | null;
}) {
  const { plural, noun, query, total, kindFilter, totalIsEstimate = false } = props;
  const errors = (name: DeskListParam) => (query.problems[name] ? [query.problems[name]] : undefined);
  const id = (name: string) => `${plural}-filter-${name}`;
  const pages = pageCount(total);
  const counted = formatCount(total, totalIsEstimate, { atStart: true });
  const byId = (options: Option[]) => options.map((o) => ({ value: o.id, label: o.label }));
  const selects: Array<{ name: "status" | "author" | "country" | KindFilter["name"]; label: string; any: string; options: Choices }> = [
    { name: "status", label: "Status", any: "Any status", options: STATUS_LABELS },
    kindFilter,
    { name: "author", label: "Author", any: "Anyone", options: byId(props.authors) },
    { name: "country", label: "Country", any: "Any country", options: byId(props.countries) },
  ];
  const filtered = hasDeskFilters(query);
  return (
    <>
      <ListProblems problems={query.problems} />
      {/* A plain GET form: each filter is a page of its own in the history, and with the
          browser's form restoration off, "back" shows the fields the list was made with. */}
      <form method="get" action={`/dashboard/${plural}`} autoComplete="off" className={styles.filters} role="search" aria-label={`Filter ${plural}`}>
        <div className={styles.search}>
          <Field id={id("q")} label={`Search ${plural}`} hint="Words in any field, names of people and countries; “a phrase” in quotes, -word to leave out." errors={errors("q")}>
            {(p) => <TextInput {...p} type="search" name="q" defaultValue={query.q} maxLength={200} />}
          </Field>
        </div>
        {selects.map((select) => (
          <SelectField
            key={select.name}
            id={id(select.name)}
            label={select.label}
            errors={errors(select.name)}
            name={select.name}
            defaultValue={query[select.name] ?? ""}
            empty={select.any}
            choices={select.options}
          />
        ))}
        <Field id={id("from")} label="From" errors={errors("from")}>
          {(p) => <TextInput {...p} type="date" name="from" defaultValue={dayOf(query.from, false)} />}
        </Field>
        <Field id={id("to")} label="To" errors={errors("to")}>
          {(p) => <TextInput {...p} type="date" name="to" defaultValue={dayOf(query.to, true)} />}
        </Field>
        <div className={styles.filterActions}>
          <Button type="submit" variant="primary">Filter</Button>
          {filtered && <StaffLink href={`/dashboard/${plural}`}>Clear filters</StaffLink>}
        </div>
      </form>
      <p className={`small muted ${styles.summary}`} role="status">
        {total === 0
          ? filtered
            ? `No ${plural} match these filters.`
            : `No ${plural} yet.`
          : `${counted} ${total === 1 ? noun : plural}${filtered ? (total === 1 ? " matches" : " match") : ""} · ${formatPageOf(Math.min(query.page, pages), pages, totalIsEstimate)}`}
      </p>
      {props.didYouMean && (
        <p className="small">
          Did you mean “<StaffLink href={props.didYouMean.href}>{props.didYouMean.q}</StaffLink>”? It finds {props.didYouMean.found}.
        </p>
      )}
      {total > 0 && props.rows.length === 0 && (
        <p className="small">
          There is no page {query.page}: <StaffLink href={`/dashboard/${plural}?${deskListParams(query)}`}>go to the first page</StaffLink>.
        </p>
      )}
      <BulkList plural={plural} noun={noun} rows={props.rows} actions={props.actions} detailHeader={props.detailHeader} />
      {pages > 1 && <ListPaging page={query.page} pageCount={pages} total={total} totalIsEstimate={totalIsEstimate} basePath={`/dashboard/${plural}`} params={Object.fromEntries(deskListParams(query))} />}
    </>
  );
}
