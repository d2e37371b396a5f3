"use client";

import { StaffLink } from "@/components/ui/staff-link";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field, Select } from "@/components/ui/field";
import { cardClass } from "@/components/ui/page-header";
import ui from "@/components/ui/ui.module.css";
import type { ImportKind } from "@/lib/import/columns";
import { plural } from "@/lib/format/count";
import { formatBytes } from "@/lib/import/limits";
import { MAPPING_LABELS } from "@/lib/import/mappings";
import type { ImportPlan, PlannedRow, RowStatus } from "@/lib/import/plan-import";
import { reportCsv } from "@/lib/import/report-csv";
import type { RowOutcome, RowResult } from "@/lib/import/run-import";
import { sendJson } from "@/lib/http/send-json";
import styles from "./bulk-import.module.css";

/** Rows shown on the page; the downloadable report always holds every row. */
const SHOWN = 200;

const STATUS: Record<RowStatus, { label: string; tone: "success" | "warning" | "danger" | "neutral" }> = {
  ready: { label: "Ready", tone: "success" },
  "needs-new": { label: "Needs a new name", tone: "warning" },
  invalid: { label: "Has problems", tone: "danger" },
  unchanged: { label: "Imported before", tone: "neutral" },
};

const OUTCOME: Record<RowOutcome, { label: string; tone: "success" | "warning" | "danger" | "neutral" | "info" }> = {
  created: { label: "Draft created", tone: "success" },
  published: { label: "Published", tone: "info" },
  unchanged: { label: "Unchanged", tone: "neutral" },
  skipped: { label: "Not imported", tone: "warning" },
  failed: { label: "Failed", tone: "danger" },
};


function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

type Phase = { step: "choose" } | { step: "checked"; plan: ImportPlan } | { step: "importing"; plan: ImportPlan; done: number; total: number } | { step: "done"; plan: ImportPlan; results: RowResult[] };

export function BulkImport({ columns, maxBytes, maxRows }: { columns: Record<ImportKind, readonly string[]>; maxBytes: number; maxRows: number }) {
  const [kind, setKind] = useState<ImportKind>("events");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "choose" });
  const [error, setErrorState] = useState<{ title: string; message: string } | null>(null);
  const setError = (message: string | null, title = "The file could not be checked") => setErrorState(message === null ? null : { title, message });
  const [pending, setPending] = useState(false);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [publish, setPublish] = useState(false);
  const [leaveOut, setLeaveOut] = useState<number[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  async function check(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setError(null);
    const chosen = fileInput.current?.files?.[0];
    if (!chosen) return setError("Choose a CSV or JSON file.");
    if (chosen.size > maxBytes) return setError(`The file is ${formatBytes(chosen.size)}; the limit is ${formatBytes(maxBytes)}. Split it into smaller files.`);
    setPending(true);
    try {
      const text = await chosen.text();
      setFile({ name: chosen.name, text });
      const result = await sendJson<{ plan: ImportPlan }>("/api/desk/import", { body: { action: "check", kind, fileName: chosen.name, text } });
      if (!result.ok) return setError(result.message);
      setConfirmed(result.plan.proposals.map((p) => p.key));
      setLeaveOut([]);
      setPhase({ step: "checked", plan: result.plan });
    } finally {
      setPending(false);
    }
  }

  async function runImport(plan: ImportPlan) {
    if (!file || pending) return;
    setError(null);
    setPending(true);
    const body = { kind: plan.kind, fileName: file.name, text: file.text };
    try {
      const made = await sendJson("/api/desk/import", { body: { action: "create", ...body, keys: confirmed } });
      if (!made.ok) return setError(made.message, "Nothing was imported");
      const results: RowResult[] = [];
      let from: number | null = 0;
      setPhase({ step: "importing", plan, done: 0, total: plan.rows.length });
      while (from !== null) {
        const batch: Awaited<ReturnType<typeof sendJson<{ results: RowResult[]; next: number | null; total: number }>>> = await sendJson("/api/desk/import", { body: { action: "import", ...body, from, publish, leaveOut } });
        if (!batch.ok) {
          // Earlier batches are committed; the report says which rows were not reached.
          setError(`${batch.message} The rows before row ${plan.rows[from]?.line ?? "?"} were imported; import the file again to finish (rows already imported stay unchanged).`, "The import stopped");
          break;
        }
        results.push(...batch.results);
        setPhase({ step: "importing", plan, done: results.length, total: batch.total });
        from = batch.next;
      }
      setPhase({ step: "done", plan, results });
    } finally {
      setPending(false);
    }
  }

  function startAgain() {
    setPhase({ step: "choose" });
    setFile(null);
    setError(null);
    setPublish(false);
    if (fileInput.current) fileInput.current.value = "";
  }

  return (
    <div className={styles.stack}>
      {error && (
        <Alert tone="danger" title={error.title}>
          <p>{error.message}</p>
        </Alert>
      )}
      {phase.step === "choose" && (
        <form className={cardClass} onSubmit={check} aria-labelledby="import-choose">
          <h2 id="import-choose">Choose a file</h2>
          <Field id="import-kind" label="What the file holds" required>
            {(props) => (
              <Select {...props} value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
                <option value="events">Events</option>
                <option value="statements">Statements</option>
              </Select>
            )}
          </Field>
          <Field
            id="import-file"
            label="File"
            required
            hint={`CSV (with a header row) or JSON (a list of objects), up to ${formatBytes(maxBytes)} and ${maxRows.toLocaleString("en")} rows. GDELT and ACLED exports are read as they are.`}
          >
            {(props) => <input {...props} ref={fileInput} type="file" name="file" accept=".csv,.json,text/csv,application/json" />}
          </Field>
          <details className={styles.columns}>
            <summary>Columns for {kind}</summary>
            <p>
              <code>external_id</code> is required (your source&apos;s id for the row: importing the file again
              then changes nothing). Lists take several names separated by <code>;</code>. Countries by ISO code
              or name; people and organizations by name or Wikidata id, as in <code>Abdulla Aripov (Q4664307)</code>.
              The full description is in <code>docs/import.md</code>.
            </p>
            <ul className={styles.columnList}>
              {columns[kind].map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
          </details>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Checking…" : "Check the file"}
          </Button>
        </form>
      )}
      {phase.step === "checked" && <Report plan={phase.plan} confirmed={confirmed} setConfirmed={setConfirmed} leaveOut={leaveOut} setLeaveOut={setLeaveOut} publish={publish} setPublish={setPublish} pending={pending} onImport={() => runImport(phase.plan)} onCancel={startAgain} />}
      {phase.step === "importing" && (
        <section className={cardClass} aria-labelledby="import-progress">
          <h2 id="import-progress">Importing {phase.plan.fileName}</h2>
          <progress className={styles.progress} max={phase.total} value={phase.done} aria-labelledby="import-progress" aria-describedby="import-progress-text" />
          <p id="import-progress-text" aria-live="polite">
            {phase.done.toLocaleString("en")} of {plural(phase.total, "row")} done
          </p>
        </section>
      )}
      {phase.step === "done" && <Outcome plan={phase.plan} results={phase.results} onAgain={startAgain} />}
    </div>
  );
}

function Report(props: {
  plan: ImportPlan;
  confirmed: string[];
  setConfirmed: (keys: string[]) => void;
  leaveOut: number[];
  setLeaveOut: (lines: number[]) => void;
  publish: boolean;
  setPublish: (v: boolean) => void;
  pending: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { plan, confirmed } = props;
  const wanted = new Set(confirmed);
  const left = new Set(props.leaveOut);
  const importable = plan.rows.filter((r) => !left.has(r.line) && (r.status === "ready" || (r.status === "needs-new" && r.needs.every((k) => wanted.has(k))))).length;
  const problems = plan.rows.filter((r) => r.problems.length).flatMap((r) => r.problems.map((p, i) => ({ key: `${r.line}-${i}`, line: r.line, ...p })));
  return (
    <>
      <section className={cardClass} aria-labelledby="import-report">
        <h2 id="import-report">Report for {plan.fileName}</h2>
        <p>
          {plural(plan.rows.length, "row")} read as {MAPPING_LABELS[plan.mapping]}. Nothing has been written yet.
        </p>
        <ul className={styles.counts}>
          {(Object.keys(STATUS) as RowStatus[]).map((s) => (
            <li key={s}>
              <Badge tone={STATUS[s].tone}>{STATUS[s].label}</Badge> {plan.counts[s].toLocaleString("en")}
            </li>
          ))}
        </ul>
        {plan.unreadColumns.length > 0 && (
          <Alert tone="warning" title="Columns that are not read">
            <p>
              {plan.unreadColumns.map((c, i) => (
                <span key={c}>
                  {i > 0 && ", "}
                  <code>{c}</code>
                </span>
              ))}
              . Check their names against the list of columns if they were meant to be imported.
            </p>
          </Alert>
        )}
        <p>
          <Button size="sm" onClick={() => download(`${plan.fileName}-check.csv`, reportCsv(plan.rows.map((r) => ({ ...r, outcome: STATUS[r.status].label }))))}>
            Download the report (CSV)
          </Button>
        </p>
      </section>

      {problems.length > 0 && (
        <section className={cardClass} aria-labelledby="import-problems">
          <h2 id="import-problems">Problems ({problems.length.toLocaleString("en")})</h2>
          <p>These rows will not be imported. Fix them in the file and check it again, or import the rest now.</p>
          <div className={styles.scroll}>
            <DataTable caption="Problems by row and column" rowKey={(p) => p.key} rows={problems.slice(0, SHOWN)} columns={[{ header: "Row", labelled: true, cell: (p) => p.line }, { header: "Column", cell: (p) => <code>{p.column}</code> }, { header: "Problem", cell: (p) => p.message }]} />
          </div>
          {problems.length > SHOWN && <p className={styles.more}>The first {SHOWN} are shown; the downloaded report lists them all.</p>}
        </section>
      )}

      <RecordedAlready plan={plan} leaveOut={props.leaveOut} setLeaveOut={props.setLeaveOut} />

      {plan.proposals.length > 0 && (
        <section className={cardClass} aria-labelledby="import-new">
          <h2 id="import-new">New people and organizations</h2>
          <p>No one in the record matches these names. Tick the ones to create; rows that need one left unticked are not imported.</p>
          <fieldset className={styles.proposals}>
            <legend className="visually-hidden">Create these</legend>
            {plan.proposals.map((p) => (
              <label key={p.key} className={ui.check}>
                <input
                  type="checkbox"
                  checked={wanted.has(p.key)}
                  onChange={(e) => props.setConfirmed(e.target.checked ? [...confirmed, p.key] : confirmed.filter((k) => k !== p.key))}
                />
                <span>
                  Create {p.kind} <strong>{p.name}</strong>
                  {p.wikidataId && <> ({p.wikidataId})</>}
                  <span className={styles.muted}> — {p.lines.length === 1 ? "row" : "rows"} {p.lines.slice(0, 10).join(", ")}{p.lines.length > 10 ? ", …" : ""}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </section>
      )}

      <section className={cardClass} aria-labelledby="import-confirm">
        <h2 id="import-confirm">Import</h2>
        <label className={ui.check}>
          <input type="checkbox" checked={props.publish} onChange={(e) => props.setPublish(e.target.checked)} />
          <span>Publish the imported items at once (those without a source stay drafts)</span>
        </label>
        <div className={styles.actions}>
          <Button variant="primary" disabled={props.pending || importable === 0} onClick={props.onImport}>
            {importable === 0 ? "Nothing to import" : `Import ${plural(importable, "row")} as ${props.publish ? "published items" : "drafts"}`}
          </Button>
          <Button onClick={props.onCancel} disabled={props.pending}>
            Choose another file
          </Button>
        </div>
      </section>
      <RowTable rows={plan.rows} />
    </>
  );
}

/** The rows that may repeat an event the record already holds: named with it, each with a box to leave it out. */
function RecordedAlready({ plan, leaveOut, setLeaveOut }: { plan: ImportPlan; leaveOut: number[]; setLeaveOut: (lines: number[]) => void }) {
  const rows = plan.rows.filter((r): r is PlannedRow & { recorded: NonNullable<PlannedRow["recorded"]> } => !!r.recorded && (r.status === "ready" || r.status === "needs-new"));
  if (rows.length === 0) return null;
  const left = new Set(leaveOut);
  return (
    <section className={cardClass} aria-labelledby="import-recorded">
      <h2 id="import-recorded">Recorded already? ({rows.length.toLocaleString("en")})</h2>
      <p>
        {plan.kind === "events"
          ? "On the day of these rows the record already holds an event with one of their countries: maybe the same event from another source."
          : "On the day of these rows the record already holds a statement by their speaker: maybe the same statement from another source."}{" "}
        They are imported unless you leave them out.
      </p>
      <div className={styles.scroll}>
        <DataTable
          caption="Rows that may be recorded already"
          rowKey={(r) => r.line}
          rows={rows.slice(0, SHOWN)}
          columns={[
            { header: "Row", labelled: true, cell: (r) => r.line },
            { header: "In the file", cell: (r) => r.title || <span className={styles.muted}>(none)</span> },
            {
              header: "In the record",
              cell: (r) => (
                <>
                  {/* A tab of its own: following the link here would lose the report. */}
                  <StaffLink href={`/dashboard/${plan.kind}/${r.recorded.id}`} target="_blank" rel="noopener">
                    {r.recorded.label}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </StaffLink>
                  <span className={styles.detail}>{r.recorded.detail}</span>
                </>
              ),
            },
            {
              header: "Choice",
              cell: (r) => (
                <label className={ui.check}>
                  <input type="checkbox" checked={left.has(r.line)} onChange={(e) => setLeaveOut(e.target.checked ? [...leaveOut, r.line] : leaveOut.filter((l) => l !== r.line))} />
                  <span>
                    Leave out<span className="visually-hidden"> row {r.line}</span>
                  </span>
                </label>
              ),
            },
          ]}
        />
      </div>
      {rows.length > SHOWN && <p className={styles.more}>The first {SHOWN} are shown; the downloaded report lists them all.</p>}
      {rows.length > 1 && (
        <div className={styles.actions}>
          <Button size="sm" onClick={() => setLeaveOut(rows.map((r) => r.line))} disabled={rows.every((r) => left.has(r.line))}>
            Leave them all out
          </Button>
          <Button size="sm" onClick={() => setLeaveOut([])} disabled={leaveOut.length === 0}>
            Import them all
          </Button>
        </div>
      )}
    </section>
  );
}

function RowTable({ rows }: { rows: PlannedRow[] }) {
  return (
    <section className={cardClass} aria-labelledby="import-rows">
      <h2 id="import-rows">Rows</h2>
      <div className={styles.scroll}>
        <DataTable
          caption="Every row and what importing it will do"
          rowKey={(r) => r.line}
          rows={rows.slice(0, SHOWN)}
          columns={[
            { header: "Row", labelled: true, cell: (r) => r.line },
            { header: "External id", cell: (r) => <code>{r.externalId || "—"}</code> },
            { header: "Title", cell: (r) => r.title || <span className={styles.muted}>(none)</span> },
            { header: "Status", cell: (r) => <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Badge> },
          ]}
        />
      </div>
      {rows.length > SHOWN && <p className={styles.more}>The first {SHOWN} of {plural(rows.length, "row")} are shown; the downloaded report lists them all.</p>}
    </section>
  );
}

function Outcome({ plan, results, onAgain }: { plan: ImportPlan; results: RowResult[]; onAgain: () => void }) {
  const count = (o: RowOutcome) => results.filter((r) => r.outcome === o).length;
  const notReached = plan.rows.length - results.length;
  const summary = [
    count("created") && plural(count("created"), "draft") + " created",
    count("published") && `${count("published").toLocaleString("en")} published`,
    count("unchanged") && `${count("unchanged").toLocaleString("en")} unchanged (imported before)`,
    count("skipped") && `${count("skipped").toLocaleString("en")} not imported`,
    count("failed") && `${count("failed").toLocaleString("en")} failed`,
    notReached && `${notReached.toLocaleString("en")} not reached`,
  ].filter(Boolean);
  const base = plan.kind === "events" ? "/dashboard/events" : "/dashboard/statements";
  return (
    <section className={cardClass} aria-labelledby="import-done">
      <h2 id="import-done">Import of {plan.fileName} finished</h2>
      <Alert tone={count("failed") || notReached ? "warning" : "success"} title={`${summary.join(", ")}.`}>
        <p>
          New items are in <StaffLink href={base}>{plan.kind === "events" ? "Events" : "Statements"}</StaffLink>, each with a revision and an entry in the audit log.
        </p>
      </Alert>
      <div className={styles.actions}>
        <Button size="sm" onClick={() => download(`${plan.fileName}-import-report.csv`, reportCsv(results.map((r) => ({ ...r, outcome: OUTCOME[r.outcome].label }))))}>
          Download the report (CSV)
        </Button>
        <Button size="sm" onClick={onAgain}>
          Import another file
        </Button>
      </div>
      <div className={styles.scroll}>
        <DataTable
          caption="What happened to every row"
          rowKey={(r) => r.line}
          rows={results.slice(0, SHOWN)}
          columns={[
            { header: "Row", labelled: true, cell: (r) => r.line },
            { header: "Title", cell: (r) => (r.id ? <StaffLink href={`${base}/${r.id}`}>{r.title || "(untitled)"}</StaffLink> : r.title || "—") },
            { header: "Result", cell: (r) => <Badge tone={OUTCOME[r.outcome].tone}>{OUTCOME[r.outcome].label}</Badge> },
            { header: "Why", cell: (r) => r.problems.map((p) => `${p.column}: ${p.message}`).join(" ") || "—" },
          ]}
        />
      </div>
      {results.length > SHOWN && <p className={styles.more}>The first {SHOWN} of {plural(results.length, "row")} are shown; the downloaded report lists them all.</p>}
    </section>
  );
}
