import type { FieldChange } from "@/lib/records/diff";
import { fieldLabel, holdsIds } from "@/lib/records/field-labels";
import { diffWords } from "@/lib/records/word-diff";
import { showValue } from "./form-values";
import styles from "./editor.module.css";

/** Texts at least this long are compared word by word. */
const LONG_TEXT = 80;

/** A value as readers of the history know it: records by name, not by id. */
function named(value: unknown, path: string, names: Record<string, string>): string {
  if (!holdsIds(path)) return showValue(value);
  const name = (v: unknown) => (typeof v === "string" && Object.hasOwn(names, v) ? names[v]! : showValue(v));
  return Array.isArray(value) ? (value.length ? value.map(name).join(", ") : "—") : value ? name(value) : "—";
}

function Cells({ change, names, labels }: { change: FieldChange; names: Record<string, string>; labels: [string, string] }) {
  const { before, after } = change;
  const words = typeof before === "string" && typeof after === "string" && Math.max(before.length, after.length) >= LONG_TEXT ? diffWords(before, after) : null;
  if (!words) {
    return (
      <>
        <td className={styles.before} data-label={labels[0]}>{named(before, change.path, names)}</td>
        <td className={styles.after} data-label={labels[1]}>{named(after, change.path, names)}</td>
      </>
    );
  }
  // Long text: each side shows the whole text with what changed marked in it.
  return (
    <>
      <td className={styles.wordDiff} data-label={labels[0]}>{words.map((p, i) => (p.kind === "added" ? null : p.kind === "removed" ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}</td>
      <td className={styles.wordDiff} data-label={labels[1]}>{words.map((p, i) => (p.kind === "removed" ? null : p.kind === "added" ? <ins key={i}>{p.text}</ins> : <span key={i}>{p.text}</span>))}</td>
    </>
  );
}

/** Field-by-field differences, one row per changed field, by the fields' labels. */
export function RevisionDiffTable({ changes, caption, beforeLabel, afterLabel, names = {} }: { changes: FieldChange[]; caption: string; beforeLabel: string; afterLabel: string; names?: Record<string, string> }) {
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
            <th scope="row">{fieldLabel(c.path)}</th>
            <Cells change={c} names={names} labels={[beforeLabel, afterLabel]} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
