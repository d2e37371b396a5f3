import { StaffLink } from "@/components/ui/staff-link";
import type { ReactNode } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Select, TextInput } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import type { DuplicateGroup } from "@/lib/desk/likely-duplicates";
import type { DeskListQuery } from "@/lib/desk/list-query";
import { ListProblems } from "./content-list";
import { DoneNotice } from "./done-notice";
import { ListPaging } from "./list-paging";
import { NamesLike } from "./same-names";
import { OpenNow } from "./open-now";
import styles from "./reference-form.module.css";

/** A filter of a desk list's search form: free text, or one value of a labelled set. */
export type ListFilter =
  | { name: string; label: string; value: string | undefined; size?: "short" }
  | { name: string; label: string; value: string | undefined; options: Record<string, string>; any: string };

/** The link from a list to a record's edit page, and who else has the record open under it. */
export const editLink = (plural: string, row: { id: string; name: string; openBy?: string[] }): ReactNode => (
  <>
    <StaffLink href={`/dashboard/${plural}/${row.id}`}>{row.name}</StaffLink>
    <OpenNow names={row.openBy} />
  </>
);

/**
 * The list page of a kind of record that is public as soon as it is saved
 * (people, organizations, agreements, topics): a search form, a table, pages.
 */
export function RecordList<R extends { id: string }>(props: {
  plural: string;
  noun: string;
  title: string;
  canCreate: boolean;
  done: string | undefined;
  filters: ListFilter[];
  problems: DeskListQuery["problems"];
  columns: Array<Column<R>>;
  list: { rows: R[]; page: number; pageCount: number; total: number };
  /** When the name typed finds nothing: the records recorded under names near it (the desk's picker's). */
  nearby?: { typed: string; records: Array<{ id: string; label: string; detail?: string }> };
  /** Records surely recorded twice (lib/desk/likely-duplicates.ts), each group to be merged. */
  duplicates?: DuplicateGroup[];
}) {
  const { plural, noun, filters, list } = props;
  return (
    <>
      <PageHeader title={props.title} actions={props.canCreate ? <ButtonLink href={`/dashboard/${plural}/new`} variant="primary">New {noun}</ButtonLink> : undefined} />
      <DoneNotice done={props.done} noun={noun} />
      <ListProblems problems={props.problems} />
      {props.duplicates && props.duplicates.length > 0 && (
        <Alert tone="info" title={`Recorded twice? ${props.duplicates.length === 1 ? "These look" : "Each of these looks"} like one ${noun} recorded more than once:`}>
          <ul>
            {props.duplicates.map((group) => (
              <li key={group.records.map((r) => r.id).join()}>
                {group.records.map((r, i) => (
                  <span key={r.id}>
                    {i > 0 && " · "}
                    <StaffLink href={`/dashboard/${plural}/${r.id}`}>{r.label}</StaffLink>
                  </span>
                ))}{" "}
                <span className="muted">({group.reason})</span>
              </li>
            ))}
          </ul>
          <p>Open one and merge it into the other, at the foot of its page.</p>
        </Alert>
      )}
      <form method="get" className={styles.actions} role="search" aria-label={`Search ${plural}`}>
        {filters.map((f) => (
          <FilterField key={f.name} id={`${plural}-${f.name}`} filter={f} />
        ))}
        <Button type="submit" size="sm">Search</Button>
      </form>
      <DataTable columns={props.columns} rows={list.rows} rowKey={(r) => r.id} empty={`No ${plural} match.`} />
      {props.nearby && props.nearby.records.length > 0 && (
        <NamesLike title={`Recorded under a name like “${props.nearby.typed}”:`} plural={plural} records={props.nearby.records} className={styles.nearby} />
      )}
      <ListPaging page={list.page} pageCount={list.pageCount} total={list.total} basePath={`/dashboard/${plural}`} params={Object.fromEntries(filters.map((f) => [f.name, f.value]))} />
    </>
  );
}

function FilterField({ id, filter }: { id: string; filter: ListFilter }) {
  return (
    <>
      <label htmlFor={id} className="small">{filter.label}</label>
      {"options" in filter ? (
        <Select id={id} name={filter.name} defaultValue={filter.value ?? ""} className={styles.inline}>
          <option value="">{filter.any}</option>
          {Object.entries(filter.options).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </Select>
      ) : filter.name === "q" ? (
        <TextInput id={id} name="q" type="search" defaultValue={filter.value} className={styles.inline} />
      ) : (
        <TextInput id={id} name={filter.name} defaultValue={filter.value} maxLength={filter.size === "short" ? 2 : undefined} className={filter.size === "short" ? styles.short : styles.inline} />
      )}
    </>
  );
}
