"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/check-group";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import type { Transition } from "@/lib/publication/transitions";
import styles from "./editor.module.css";

export type WorkflowAction =
  | { action: "submit"; note: string }
  | { action: "requestChanges"; note: string }
  | { action: "withdraw" }
  | { action: "publish" }
  | { action: "unpublish" }
  | { action: "schedule"; at: string }
  | { action: "retract"; reason: string }
  | { action: "publishChanges"; isMaterial: boolean; correctionNote: string };

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The editorial buttons an actor may press for an item, named as PRODUCT.md names them. */
export function WorkflowBar({
  transitions,
  saveLabel,
  deleteLabel,
  isPublished,
  isScheduled = false,
  isInReview = false,
  busy,
  canSave = true,
  errors,
  onAction,
  onDelete,
}: {
  transitions: Transition[];
  saveLabel: string;
  deleteLabel: string;
  isPublished: boolean;
  isScheduled?: boolean;
  isInReview?: boolean;
  busy: boolean;
  /** False for someone who may only read the fields: the save button is shown but locked. */
  canSave?: boolean;
  errors: Record<string, string[]>;
  onAction: (action: WorkflowAction) => void;
  onDelete: () => void;
}) {
  const can = (t: Transition) => transitions.includes(t);
  const [at, setAt] = useState("");
  // A time typed before the page hydrated lives only in the DOM: pick it up so
  // the Schedule button does not stay disabled with a filled-in field.
  const atInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (atInput.current?.value) setAt(atInput.current.value);
  }, []);
  const [reason, setReason] = useState("");
  const [submitNote, setSubmitNote] = useState("");
  const [changesNote, setChangesNote] = useState("");
  const [isMaterial, setIsMaterial] = useState(false);
  const [note, setNote] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirming, setConfirming] = useState<"unpublish" | "retract" | null>(null);
  // The browser's zone, read only in the browser: the server's (UTC) in the first render
  // would not match a reader elsewhere, and the mismatch makes React re-create the form,
  // losing what was typed before hydration.
  const zone = useSyncExternalStore(noSubscription, browserZone, () => null);
  const atUtc = at && !Number.isNaN(new Date(at).getTime()) ? new Date(at).toISOString().replace("T", " ").slice(0, 16) : null;
  const editorOnPublished = isPublished && can("unpublish");

  return (
    <div className={styles.buttons}>
      <Button type="submit" variant={can("publish") || editorOnPublished ? "secondary" : "primary"} disabled={busy || !canSave}>
        {/* An item in review or scheduled stays so when saved: "Save draft" read as sending it back to the drafts. */}
        {isPublished ? "Save changes (not public yet)" : isScheduled || isInReview ? "Save changes" : saveLabel}
      </Button>
      {can("submit") && (
        <div className={styles.panel}>
          <NoteField id="workflow-submit-note" label="Note for the reviewer" errors={errors.note} hint="Optional: what to check, what is still open" rows={2} value={submitNote} onChange={setSubmitNote} />
          <Button variant="primary" disabled={busy} onClick={() => onAction({ action: "submit", note: submitNote })}>
            Submit for review
          </Button>
        </div>
      )}
      {can("withdraw") && (
        <Button disabled={busy} onClick={() => onAction({ action: "withdraw" })}>
          Withdraw from review
        </Button>
      )}
      {can("publish") && (
        <Button variant="primary" disabled={busy} onClick={() => onAction({ action: "publish" })}>
          Publish
        </Button>
      )}
      {can("requestChanges") && (
        <div className={styles.panel}>
          <NoteField id="workflow-changes-note" label="What should change" errors={errors.note} hint="Sent to the author with the item" value={changesNote} onChange={setChangesNote} />
          <Button disabled={busy} onClick={() => onAction({ action: "requestChanges", note: changesNote })}>
            Request changes
          </Button>
        </div>
      )}
      {can("schedule") && (
        <div className={styles.panel}>
          <Field id="workflow-schedule-at" label="Publish at" errors={errors.scheduledAt} hint={zone ? `In your time zone (${zone})` : "In your time zone"}>
            {(p) => <TextInput {...p} ref={atInput} type="datetime-local" defaultValue="" onChange={(e) => setAt(e.target.value)} />}
          </Field>
          {atUtc && <p className="small muted" aria-live="polite">That is {atUtc} UTC.</p>}
          <Button disabled={busy || !at} onClick={() => onAction({ action: "schedule", at: new Date(at).toISOString() })}>
            {isScheduled ? "Change schedule" : "Schedule"}
          </Button>
        </div>
      )}
      {editorOnPublished && (
        <div className={styles.panel}>
          <p className="small muted">Saving a published item stages the changes; readers see them after “Publish changes”.</p>
          <Checkbox id="workflow-material" label="Material change (shows a public correction)" checked={isMaterial} onChange={(e) => setIsMaterial(e.target.checked)} />
          {/* Writing a correction note is saying the change is material: the box ticks itself. */}
          <NoteField
            id="workflow-correction-note"
            label="Correction note"
            errors={errors.correctionNote}
            hint="For a material change, shown to readers as “Corrected on …: …”; leave it empty for a minor fix"
            value={note}
            onChange={(value) => {
              setNote(value);
              if (value.trim()) setIsMaterial(true);
            }}
          />
          <Button variant="primary" disabled={busy} onClick={() => onAction({ action: "publishChanges", isMaterial, correctionNote: isMaterial ? note : "" })}>
            Publish changes
          </Button>
        </div>
      )}
      {can("unpublish") && isScheduled && (
        <Button disabled={busy} onClick={() => onAction({ action: "unpublish" })}>
          Cancel schedule
        </Button>
      )}
      {can("unpublish") && !isScheduled && (confirming === "unpublish" ? (
        <Confirm className={styles.panel} label="Confirm unpublishing" confirmLabel="Unpublish now" keepLabel="Keep it published" busy={busy} onConfirm={() => onAction({ action: "unpublish" })} onKeep={() => setConfirming(null)}>
          Readers will no longer find it: its public page answers “not found”, and it leaves lists, feeds and search. It becomes a draft again.
        </Confirm>
      ) : (
        <Button disabled={busy} onClick={() => setConfirming("unpublish")}>
          Unpublish
        </Button>
      ))}
      {can("retract") && (
        <div className={styles.panel}>
          <NoteField id="workflow-retract-reason" label="Reason for retraction" errors={errors.reason} hint="Shown publicly on the tombstone" value={reason} onChange={setReason} />
          {confirming === "retract" ? (
            <Confirm label="Confirm retraction" confirmLabel="Retract now" keepLabel="Keep it published" busy={busy} onConfirm={() => onAction({ action: "retract", reason })} onKeep={() => setConfirming(null)}>
              Readers will see only the title and this reason, marked “Retracted”; the text leaves the site. This cannot be undone.
            </Confirm>
          ) : (
            <Button variant="danger" disabled={busy} onClick={() => setConfirming("retract")}>
              Retract
            </Button>
          )}
        </div>
      )}
      {can("delete") &&
        (confirmDelete ? (
          <div className={styles.panel} role="group" aria-label="Confirm deletion">
            <p className="small">{deleteLabel} for good? This cannot be undone.</p>
            <Button variant="danger" disabled={busy} onClick={onDelete}>
              Delete permanently
            </Button>{" "}
            <Button variant="ghost" onClick={() => setConfirmDelete(false)}>
              Keep it
            </Button>
          </div>
        ) : (
          <Button variant="ghost" disabled={busy} onClick={() => setConfirmDelete(true)}>
            {deleteLabel}
          </Button>
        ))}
    </div>
  );
}

/** A note typed for a step of the workflow, held by the bar until the step's button is pressed. */
function NoteField(props: { id: string; label: string; hint: string; errors?: string[]; rows?: number; value: string; onChange: (value: string) => void }) {
  return (
    <Field id={props.id} label={props.label} errors={props.errors} hint={props.hint}>
      {(p) => <TextArea {...p} rows={props.rows ?? 3} value={props.value} onChange={(e) => props.onChange(e.target.value)} />}
    </Field>
  );
}

/** Asks before a step that readers notice at once: what will happen, then do it or keep things as they are. */
function Confirm(props: {
  label: string;
  className?: string;
  children: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  return (
    <div className={props.className} role="group" aria-label={props.label}>
      <p className="small">{props.children}</p>
      <div className={styles.confirmButtons}>
        <Button variant="danger" disabled={props.busy} onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
        <Button variant="ghost" onClick={props.onKeep}>
          {props.keepLabel}
        </Button>
      </div>
    </div>
  );
}
