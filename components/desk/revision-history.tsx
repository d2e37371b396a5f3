import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import type { FieldChange } from "@/lib/records/diff";
import type { RevisionSummary } from "@/lib/records/revisions";
import { RestoreButton } from "./restore-button";
import { RevisionDiffTable } from "./revision-diff-table";
import styles from "./editor.module.css";
import { formatTimestamp } from "@/lib/format/date";


/** An item's revisions, a form to compare any two, and restore buttons for editors. */
export function RevisionHistory({ kind, id, currentVersion, revisions, from, to, changes, canRestore, names = {} }: {
  kind: string;
  id: string;
  currentVersion: number;
  revisions: RevisionSummary[];
  from: number | null;
  to: number | null;
  changes: FieldChange[] | null;
  canRestore: boolean;
  /** Names for the record ids the changes mention. */
  names?: Record<string, string>;
}) {
  const choices = revisions.map((r) => (
    <option key={r.version} value={r.version}>
      Version {r.version} — {r.note ?? "saved"}
    </option>
  ));
  return (
    <>
      <section aria-labelledby="compare-heading" className={styles.section}>
        <h2 id="compare-heading" className={styles.sectionTitle}>Compare two versions</h2>
        <form method="get" className={styles.grid3}>
          <Field id="compare-from" label="From version">
            {(p) => <Select {...p} name="from" defaultValue={String(from ?? revisions.at(1)?.version ?? "")}>{choices}</Select>}
          </Field>
          <Field id="compare-to" label="To version">
            {(p) => <Select {...p} name="to" defaultValue={String(to ?? revisions.at(0)?.version ?? "")}>{choices}</Select>}
          </Field>
          <div className={styles.formButton}>
            <button type="submit" className={buttonClass("primary")}>Compare</button>
          </div>
        </form>
        {changes && from !== null && to !== null && (
          <h3>Changes from version {from} to version {to}</h3>
        )}
        {changes && from !== null && to !== null && (
          <RevisionDiffTable changes={changes} names={names} caption={`Changes from version ${from} to version ${to}`} beforeLabel={`Version ${from}`} afterLabel={`Version ${to}`} />
        )}
      </section>
      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">Revisions</h2>
        <DataTable
          rows={revisions}
          rowKey={(r) => r.version}
          columns={[
            { header: "Version", labelled: true, cell: (r) => r.version },
            { header: "What", cell: (r) => r.note },
            { header: "Who", cell: (r) => r.authorName ?? "—" },
            { header: "When", cell: (r) => formatTimestamp(r.createdAt, true) },
            canRestore && { header: "Actions", hideHeader: true, cell: (r) => r.version !== currentVersion && <RestoreButton kind={kind} id={id} version={r.version} baseVersion={currentVersion} /> },
          ]}
        />
      </section>
    </>
  );
}
