import { Button } from "@/components/ui/button";
import { tableClass } from "@/components/ui/page-header";
import type { FieldChange } from "@/lib/records/diff";
import type { RevisionSummary } from "@/lib/reference/history";
import styles from "./reference-form.module.css";
import { formatTimestamp } from "@/lib/format/date";

const show = (value: unknown) => (value === undefined || value === null || value === "" ? "(empty)" : typeof value === "string" ? value : JSON.stringify(value));

/**
 * A record's history: every saved version, a field-by-field comparison of any
 * two, and restore (which saves the old values as a new version).
 */
export function ReferenceRevisionHistory(props: {
  revisions: RevisionSummary[];
  currentVersion: number;
  compare: { from: number; to: number; changes: FieldChange[] } | null;
  restoreAction: (formData: FormData) => Promise<void>;
  entityId: string;
  canEdit: boolean;
}) {
  const { revisions, currentVersion, compare } = props;
  const newest = revisions[0]?.version ?? currentVersion;
  const oldest = revisions[1]?.version ?? newest;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">Note</th>
            {props.canEdit && <th scope="col"><span className="visually-hidden">Restore</span></th>}
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.version}>
              <td>{r.version}{r.version === currentVersion ? " (current)" : ""}</td>
              <td>{formatTimestamp(r.createdAt)}</td>
              <td>{r.authorName ?? "—"}</td>
              <td>{r.note ?? ""}</td>
              {props.canEdit && (
                <td>
                  {r.version !== currentVersion && (
                    <form action={props.restoreAction}>
                      <input type="hidden" name="id" value={props.entityId} />
                      <input type="hidden" name="version" value={r.version} />
                      <input type="hidden" name="baseVersion" value={currentVersion} />
                      <Button type="submit" size="sm">Restore version {r.version}</Button>
                    </form>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {revisions.length > 1 && (
        <form method="get" className={styles.actions} aria-label="Compare versions">
          <label htmlFor="compare-from" className="small">Compare version</label>
          <select id="compare-from" name="from" defaultValue={compare?.from ?? oldest}>
            {revisions.map((r) => <option key={r.version} value={r.version}>{r.version}</option>)}
          </select>
          <label htmlFor="compare-to" className="small">with version</label>
          <select id="compare-to" name="to" defaultValue={compare?.to ?? newest}>
            {revisions.map((r) => <option key={r.version} value={r.version}>{r.version}</option>)}
          </select>
          <Button type="submit" size="sm">Compare</Button>
        </form>
      )}
      {compare && (
        <>
          <h3>Changes from version {compare.from} to version {compare.to}</h3>
          {compare.changes.length ? (
            <table className={styles.diff}>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Version {compare.from}</th>
                  <th scope="col">Version {compare.to}</th>
                </tr>
              </thead>
              <tbody>
                {compare.changes.map((c) => (
                  <tr key={c.path}>
                    <th scope="row">{c.path}</th>
                    <td>{show(c.before)}</td>
                    <td>{show(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>These versions are the same.</p>
          )}
        </>
      )}
    </section>
  );
}
