"use client";

import { Button } from "@/components/ui/button";
import type { FieldChange } from "@/lib/records/diff";
import { fieldLabel } from "@/lib/records/field-labels";
import { showValue, valueAt } from "./form-values";
import styles from "./editor.module.css";

export interface ConflictDetails {
  currentVersion: number;
  theirChanges: FieldChange[];
  savedBy: Array<{ version: number; author: string | null; note: string | null; at: string }>;
}

/**
 * Shown when a save was based on a stale version. Nothing is lost: the form
 * below still holds what this user typed, and the table shows what the others
 * changed, field by field, beside this user's value.
 */
export function ConflictScreen({ conflict, mine, noun, onKeepMine, onLoadTheirs, busy }: {
  conflict: ConflictDetails;
  mine: unknown;
  noun: string;
  onKeepMine: () => void;
  onLoadTheirs: () => void;
  busy: boolean;
}) {
  const who = [...new Set(conflict.savedBy.map((s) => s.author ?? "someone"))].join(", ") || "someone";
  return (
    <section className={`${styles.panel} ${styles.conflict}`} aria-labelledby="conflict-heading" role="alert">
      <h2 id="conflict-heading">Someone else saved this {noun} while you were editing</h2>
      <p className="small">
        {who} saved version {conflict.currentVersion}. Your changes were not saved, and nothing you typed has been lost: it is still in the form below.
      </p>
      <table className={styles.diff}>
        <caption className="visually-hidden">What changed since you started</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">Their version</th>
            <th scope="col">Your version</th>
          </tr>
        </thead>
        <tbody>
          {conflict.theirChanges.length === 0 && (
            <tr>
              <td colSpan={4}>Only the workflow changed (for example a status); no field differs.</td>
            </tr>
          )}
          {conflict.theirChanges.map((c) => (
            <tr key={c.path}>
              <th scope="row">{fieldLabel(c.path)}</th>
              <td>{showValue(c.before)}</td>
              <td className={styles.after}>{showValue(c.after)}</td>
              <td>{showValue(valueAt(mine, c.path))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.choices}>
        <Button variant="primary" onClick={onKeepMine} disabled={busy}>
          Save my version over version {conflict.currentVersion}
        </Button>
        <Button onClick={onLoadTheirs} disabled={busy}>
          Discard my changes and load version {conflict.currentVersion}
        </Button>
      </div>
    </section>
  );
}
