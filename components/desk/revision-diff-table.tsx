import type { FieldChange } from "@/lib/records/diff";
import { showValue } from "./form-values";
import styles from "./editor.module.css";

/** Field-by-field differences, one row per changed field. */
export function RevisionDiffTable({ changes, caption, beforeLabel, afterLabel }: { changes: FieldChange[]; caption: string; beforeLabel: string; afterLabel: string }) {
  if (changes.length === 0) return <p className="muted small">No fields differ.</p>;
  return (
    <table className={styles.diff}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">{beforeLabel}</th>
          <th scope="col">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path}>
            <th scope="row" className={styles.path}>{c.path}</th>
            <td className={styles.before}>{showValue(c.before)}</td>
            <td className={styles.after}>{showValue(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
