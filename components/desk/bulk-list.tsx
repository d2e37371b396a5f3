"use client";

import { StaffLink } from "@/components/ui/staff-link";
import { OpenNow } from "./open-now";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { sendJson } from "@/lib/http/send-json";
import { RecordStatus } from "./record-status";
import styles from "./bulk-list.module.css";

/** A row of a content list as the browser gets it (dates already in words). */
export interface BulkRow {
  id: string;
  title: string;
  version: number;
  status: string;
  isStaged: boolean;
  /** The type (events) or the speaker (statements). */
  detail: string;
  date: string;
  author: string;
  updated: string;
  /** Who else has it open right now (lib/desk/presence.ts), when anyone does. */
  openBy?: string[];
}

export type BulkAction = "submit" | "publish" | "unpublish";

type ItemResult = { id: string; title: string | null; ok: true; status: string; warning?: string } | { id: string; title: string | null; ok: false; code?: string; message: string };

const BUTTONS: Record<BulkAction, string> = { submit: "Submit for review", publish: "Publish", unpublish: "Unpublish" };
const VERBS: Record<BulkAction, string> = { submit: "Submit", publish: "Publish", unpublish: "Unpublish" };
const DONE: Record<BulkAction, string> = { submit: "Submitted for review", publish: "Published", unpublish: "Unpublished (a draft again)" };

/** What readers will see, said before anything happens. */
function consequence(action: BulkAction, plural: string): string {
  switch (action) {
    case "submit":
      return `They go to the review queue, and editors are told. Readers see nothing until an editor publishes them.`;
    case "publish":
      return `Readers will see them at once: on their own pages, in the ${plural} lists, search and feeds, and webhook subscribers are told.`;
    case "unpublish":
      return `Readers will no longer find them: their public pages answer “not found”, and they leave lists, feeds and search. They become drafts again; a scheduled item's schedule is cancelled.`;
  }
}

/**
 * A desk list's table with row selection and bulk actions: pick rows (or the whole
 * page), choose a step, confirm once, then read what happened to each item.
 * The server checks every item again (role, state, sources); this only asks.
 */
export function BulkList({ plural, noun, rows, actions, detailHeader }: { plural: string; noun: string; rows: BulkRow[]; actions: BulkAction[]; detailHeader: string }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [asking, setAsking] = useState<BulkAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ action: BulkAction; results: ItemResult[] } | { error: string } | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  // Only rows on this page count: one that left it (a refresh, a new filter) is not acted on.
  const chosen = rows.filter((r) => selected.has(r.id));
  const count = chosen.length;
  const allOnPage = rows.length > 0 && count === rows.length;
  const words = (n: number) => `${n} ${n === 1 ? noun : plural}`;

  function toggle(id: string, on: boolean) {
    setHint(null);
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function ask(action: BulkAction) {
    if (count === 0) {
      setHint(`Select the ${plural} first: tick the box beside each title, or “Select all on this page”.`);
      return;
    }
    setHint(null);
    setAsking(action);
  }

  async function run(action: BulkAction) {
    setBusy(true);
    const answer = await sendJson<{ results: ItemResult[] }>(`/api/desk/${plural}/bulk`, { body: { action, items: chosen.map((r) => ({ id: r.id, version: r.version })) } });
    setBusy(false);
    setAsking(null);
    if (!answer.ok) {
      setOutcome({ error: answer.message });
      return;
    }
    setOutcome({ action, results: answer.results });
    setSelected(new Set(answer.results.filter((r) => !r.ok).map((r) => r.id)));
    router.refresh();
  }

  const columns: Array<Column<BulkRow>> = [
    {
      header: "Title",
      cell: (r) => (
        <span className={styles.titleCell}>
          <input type="checkbox" className={styles.check} checked={selected.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} aria-label={`Select “${r.title}”`} />
          <span>
            <StaffLink href={`/dashboard/${plural}/${r.id}`}>{r.title}</StaffLink>
            <OpenNow names={r.openBy} />
          </span>
        </span>
      ),
    },
    { header: "Status", cell: (r) => <RecordStatus status={r.status} isStaged={r.isStaged} /> },
    { header: detailHeader, cell: (r) => r.detail },
    { header: "Date", cell: (r) => r.date },
    { header: "Author", cell: (r) => r.author },
    { header: "Updated", cell: (r) => r.updated },
  ];

  return (
    <>
      {rows.length > 0 && (
        <div className={styles.toolbar} role="group" aria-label={`Act on selected ${plural}`}>
          <label className={styles.selectAll}>
            <input
              type="checkbox"
              className={styles.check}
              checked={allOnPage}
              onChange={(e) => {
                setHint(null);
                setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set());
              }}
            />
            Select all on this page
          </label>
          <span className={`small ${styles.count}`} aria-live="polite">
            {count === 0 ? "None selected" : `${words(count)} selected`}
          </span>
          <span className={styles.actions}>
            {actions.map((action) => (
              <Button key={action} size="sm" variant={action === "unpublish" ? "danger" : action === "publish" ? "primary" : "secondary"} disabled={busy} onClick={() => ask(action)}>
                {BUTTONS[action]}
              </Button>
            ))}
          </span>
        </div>
      )}
      {hint && (
        <p className={`small ${styles.hint}`} role="alert">
          {hint}
        </p>
      )}
      {outcome && (
        <div ref={outcomeRef} tabIndex={-1} className={styles.outcome}>
          {"error" in outcome ? (
            <Alert tone="danger" title="Nothing was changed">
              <p>{outcome.error}</p>
            </Alert>
          ) : (
            <Outcome action={outcome.action} results={outcome.results} plural={plural} words={words} />
          )}
        </div>
      )}
      <DataTable columns={columns} rows={rows} rowKey={(r) => r.id} caption={`${plural[0]!.toUpperCase()}${plural.slice(1)}`} />
      <Dialog
        open={asking !== null}
        title={asking ? `${VERBS[asking]} ${words(count)}?` : ""}
        onClose={() => !busy && setAsking(null)}
        actions={
          asking && (
            <>
              <Button variant={asking === "unpublish" ? "danger" : "primary"} disabled={busy} onClick={() => void run(asking)}>
                {busy ? "Working…" : `${VERBS[asking]} ${words(count)}`}
              </Button>
              <Button variant="ghost" disabled={busy} onClick={() => setAsking(null)}>
                Cancel
              </Button>
            </>
          )
        }
      >
        {asking && (
          <>
            <p>{consequence(asking, plural)}</p>
            <p className="muted">Each item is checked on its own: any that cannot be {asking === "submit" ? "submitted" : `${asking}ed`} stay as they are, and you will see why.</p>
            <ul className={styles.chosen}>
              {chosen.map((r) => (
                <li key={r.id}>
                  {r.title} <RecordStatus status={r.status} isStaged={r.isStaged} />
                </li>
              ))}
            </ul>
          </>
        )}
      </Dialog>
    </>
  );
}

function Outcome({ action, results, plural, words }: { action: BulkAction; results: ItemResult[]; plural: string; words: (n: number) => string }) {
  const done = results.filter((r) => r.ok);
  const refused = results.filter((r) => !r.ok);
  const tone = refused.length === 0 ? "success" : done.length === 0 ? "danger" : "warning";
  const title = `${DONE[action]}: ${done.length} of ${words(results.length)}${refused.length > 0 ? `; ${refused.length} refused` : ""}.`;
  return (
    <Alert tone={tone} title={title} role="status">
      <ul className={styles.results}>
        {results.map((r) => (
          <li key={r.id}>
            <span className={r.ok ? styles.ok : styles.refused}>{r.ok ? "Done" : "Refused"}</span>{" "}
            {r.title ? <StaffLink href={`/dashboard/${plural}/${r.id}`}>{r.title}</StaffLink> : <span>An unknown item</span>}
            {r.ok ? ` — ${DONE[action].toLowerCase()}.` : ` — ${r.message}`}
            {r.ok && r.warning && <span className="muted"> {r.warning}</span>}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
