"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Transition } from "@/lib/publication/transitions";
import { ConflictScreen, type ConflictDetails } from "./conflict-screen";
import type { Failure } from "@/lib/errors/app-error";
import { formatClock } from "@/lib/format/date";
import { sendJson } from "@/lib/http/send-json";
import { formDataToObject, formErrorsOf } from "@/lib/records/form-data";
import { WorkflowBar, type WorkflowAction } from "./workflow-bar";
import styles from "./editor.module.css";

interface Saved {
  id: string;
  slug: string;
  version: number;
  status: string;
}
type Success = { ok: true } & Saved;

export interface EditorFieldsProps<V> {
  values: V;
  errors: Record<string, string[]>;
}

const readForm = (form: HTMLFormElement, lists: string[]) => formDataToObject(new FormData(form), { lists });
/** A refusal's field errors under the names of the form's own fields (rows left blank counted back in). */
const errorsIn = (form: HTMLFormElement | null, lists: string[], errors: Record<string, string[]> | undefined) => (form && errors ? formErrorsOf(new FormData(form), errors, { lists }) : (errors ?? {}));

/** How long the editor waits after the last keystroke before it saves on its own. */
const AUTOSAVE_QUIET_MS = 3_000;

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "failed"; message: string };

/** The visible control of a field named `key` (a picker's text box rather than its hidden input). */
function controlOf(form: HTMLFormElement, key: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  const named = form.querySelector<HTMLInputElement>(`[name="${CSS.escape(key)}"]`);
  if (!named) return null;
  if (named.type !== "hidden") return named;
  return named.parentElement?.closest("div")?.querySelector<HTMLInputElement>("input:not([type=hidden]), select, textarea") ?? null;
}

/** Each field with a problem, by its label, for the summary at the top of the form. */
function problemsOf(form: HTMLFormElement | null, errors: Record<string, string[]>) {
  return Object.keys(errors)
    .map((key) => {
      const control = form ? controlOf(form, key) : null;
      const group = control?.closest("fieldset")?.querySelector(":scope > legend")?.textContent;
      const label = control?.labels?.[0]?.textContent?.replace("*", "").trim();
      return { key, id: control?.id ?? null, label: label ? (group && /\d/.test(group) ? `${group}: ${label}` : label) : null };
    })
    .filter((p): p is { key: string; id: string; label: string } => p.id !== null && p.label !== null);
}

/** "Saved 12:04 UTC" / "Saving…" / "Not saved — retry": what the editor last did on its own. */
function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <p className={styles.saveStatus} role="status" aria-live="polite">
      {state.kind === "saving" && "Saving…"}
      {state.kind === "saved" && <>Saved {formatClock(state.at)}</>}
      {state.kind === "failed" && (
        <>
          <span className={styles.saveFailed}>Not saved: {state.message}</span>{" "}
          <Button size="sm" onClick={onRetry}>
            Retry
          </Button>
        </>
      )}
    </p>
  );
}

/**
 * The one editing frame of every desk record: saves as JSON with the version
 * the edit is based on, runs workflow actions, shows the conflict screen, keeps
 * unsaved changes in localStorage (keyed by record and version) and asks before
 * leaving with them. Each kind gives only its fields.
 */
export function RecordEditor<V extends object>({
  kind,
  noun,
  id,
  version,
  status,
  transitions,
  canSave,
  initial,
  lists,
  saveLabel,
  deleteLabel,
  savedNotice = "saved",
  children,
}: {
  /** The API and URL segment: "events", "people", … */
  kind: string;
  noun: string;
  id: string | null;
  version: number;
  status: string | null;
  transitions: Transition[];
  canSave: boolean;
  initial: V;
  lists: string[];
  /** "Save draft" for content (the workflow bar says "Save changes" once it is past a draft); "Save person" / "Create person" for records public as soon as saved. */
  saveLabel: string;
  deleteLabel: string;
  /** The notice after the first save: "saved" (a draft) or "created" (a public record). */
  savedNotice?: "saved" | "created";
  children: (props: EditorFieldsProps<V>) => ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const formRef = useRef<HTMLFormElement>(null);
  // Autosaves move the version on without reloading the form: the latest one is kept here.
  const current = useRef({ id, version });
  const keyFor = useCallback((v: number) => `chancery:${kind}:${id ?? "new"}:v${v}`, [kind, id]);
  const storageKey = keyFor(version);
  const canAutosave = canSave && status !== null && id !== null;
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const quietTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const pending = useRef<Promise<void> | null>(null);
  const stopped = useRef(false);
  const [values, setValues] = useState<V>(initial);
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ details: ConflictDetails; mine: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Array<{ key: string; id: string; label: string }>>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  // A refused save or action moves focus to the summary of what is wrong (autosave never does: it would interrupt typing).
  useEffect(() => {
    if (message && !conflict) summaryRef.current?.focus();
  }, [message, conflict]);
  const [restored, setRestored] = useState(false);
  // The session ended while the form was open (signed out elsewhere, or an hour unused): what
  // was typed stays in localStorage, and signing in again brings this form back with it. The
  // notice is announced (role="alert"), not focused: an autosave must not take the caret from
  // the field being typed in.
  const [signedOut, setSignedOut] = useState(false);
  const leavingToSignIn = useRef(false);
  /** Saving cannot work until they sign in again: no more saves on our own. */
  const noticeSignedOut = () => {
    stopped.current = true;
    setSignedOut(true);
  };
  const hydrated = useHydrated();
  const baseline = useRef<string>("");
  const dirty = useRef(false);

  const serialize = useCallback(() => (formRef.current ? JSON.stringify(readForm(formRef.current, lists)) : ""), [lists]);

  // Unsaved changes from an earlier visit (same record, same version) come back. This waits
  // for the render after hydration: until then the fields are locked, and a locked field
  // is not in the form's data.
  useEffect(() => {
    if (!hydrated) return;
    const stored = window.localStorage.getItem(storageKey);
    baseline.current = serialize();
    if (stored && stored !== baseline.current) {
      try {
        // localStorage exists only in the browser, after hydration: this effect is the one place to read it.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setValues(JSON.parse(stored) as V);
        setFormKey((k) => k + 1);
        setRestored(true);
        dirty.current = true;
      } catch {
        window.localStorage.removeItem(storageKey);
      }
    }
  }, [hydrated, storageKey, serialize]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty.current || leavingToSignIn.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  /**
   * Saves in place, without reloading the form: after a few seconds of quiet, on
   * leaving a field, and on Ctrl/Cmd+S. The save carries the version it is based
   * on, so a stale one gets the conflict screen and nothing typed is lost.
   */
  const autosave = useCallback(async () => {
    if (quietTimer.current) clearTimeout(quietTimer.current);
    quietTimer.current = null;
    if (!canAutosave || !formRef.current || inFlight.current || stopped.current || !dirty.current) return;
    inFlight.current = true;
    let done = () => {};
    pending.current = new Promise<void>((resolve) => (done = resolve));
    try {
      await saveInPlace();
    } finally {
      inFlight.current = false;
      pending.current = null;
      done();
    }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canAutosave]);

  async function saveInPlace() {
    if (!formRef.current) return;
    setSaveState({ kind: "saving" });
    const sent = serialize();
    const input = readForm(formRef.current, lists);
    const base = current.current.version;
    const result = await sendJson<Saved>(`/api/desk/${kind}/${current.current.id}`, { method: "PUT", body: { baseVersion: base, input } });
    if (!result.ok) {
      if (result.code === "UNAUTHENTICATED") {
        noticeSignedOut();
        setSaveState({ kind: "failed", message: "you are signed out." });
        return;
      }
      setErrors(errorsIn(formRef.current, lists, result.fieldErrors));
      if (result.conflict) {
        // Someone else saved: stop saving on our own until this user decides.
        stopped.current = true;
        setMessage(result.message);
        setConflict({ details: result.conflict as ConflictDetails, mine: input });
      }
      setSaveState({ kind: "failed", message: Object.keys(result.fieldErrors ?? {}).length > 0 ? "fix the marked fields." : result.message });
      return;
    }
    window.localStorage.removeItem(keyFor(base));
    current.current = { id: current.current.id, version: result.version };
    baseline.current = sent;
    setErrors({});
    setMessage(null);
    setSaveState({ kind: "saved", at: new Date() });
    // What was typed while the save was on its way is saved next.
    const now = serialize();
    dirty.current = now !== baseline.current;
    if (dirty.current) {
      window.localStorage.setItem(keyFor(result.version), now);
      quietTimer.current = setTimeout(() => void autosave(), AUTOSAVE_QUIET_MS);
    }
  }

  /** A button press waits for a save already on its way, so it is based on that save's version. */
  async function settle() {
    if (quietTimer.current) clearTimeout(quietTimer.current);
    if (pending.current) await pending.current;
  }

  // Ctrl/Cmd+S saves (in place where the editor saves on its own, else as "Save draft" does).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      // Nothing new to save is not an error: the status line already says when it last saved.
      if (canAutosave) void autosave();
      else formRef.current?.requestSubmit();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canAutosave, autosave]);

  // Leaving by a link with unsaved changes asks first (reloads and closing are asked by the browser).
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!dirty.current || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      // "Sign in again" leaves with the changes kept in localStorage, to come back to them.
      if (link.hasAttribute("data-keeps-changes")) {
        leavingToSignIn.current = true;
        return;
      }
      const to = new URL(link.href, window.location.href);
      if (to.origin === window.location.origin && to.pathname === window.location.pathname && to.search === window.location.search) return;
      if (!window.confirm("You have changes that are not saved yet. Leave this page and lose them?")) {
        event.preventDefault();
        event.stopPropagation();
      } else dirty.current = false;
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);

  const remember = useCallback(() => {
    const now = serialize();
    const key = keyFor(current.current.version);
    dirty.current = now !== baseline.current;
    if (dirty.current) window.localStorage.setItem(key, now);
    else window.localStorage.removeItem(key);
    if (canAutosave && dirty.current) {
      if (quietTimer.current) clearTimeout(quietTimer.current);
      quietTimer.current = setTimeout(() => void autosave(), AUTOSAVE_QUIET_MS);
    }
  }, [serialize, keyFor, canAutosave, autosave]);

  useEffect(() => () => {
    if (quietTimer.current) clearTimeout(quietTimer.current);
  }, []);

  const forget = () => {
    window.localStorage.removeItem(keyFor(current.current.version));
    dirty.current = false;
    if (quietTimer.current) clearTimeout(quietTimer.current);
  };

  const fail = (result: Failure, mine: unknown) => {
    if (result.code === "UNAUTHENTICATED") return noticeSignedOut();
    const errors = errorsIn(formRef.current, lists, result.fieldErrors);
    setErrors(errors);
    setProblems(problemsOf(formRef.current, errors));
    setMessage(result.message);
    if (result.conflict) setConflict({ details: result.conflict as ConflictDetails, mine });
  };

  /** Saves the form; returns the saved record or null (errors are then on screen). */
  async function save(baseVersion = current.current.version): Promise<Success | null> {
    if (!formRef.current) return null;
    const input = readForm(formRef.current, lists);
    const result = id
      ? await sendJson<Saved>(`/api/desk/${kind}/${id}`, { method: "PUT", body: { baseVersion, input } })
      : await sendJson<Saved>(`/api/desk/${kind}`, { body: { input } });
    if (!result.ok) {
      fail(result, input);
      return null;
    }
    forget();
    setErrors({});
    setConflict(null);
    return result;
  }

  function land(targetId: string, done: string) {
    setBusy(false);
    router.replace(`/dashboard/${kind}/${targetId}?done=${done}`);
    router.refresh();
  }

  async function onSave(baseVersion?: number) {
    setBusy(true);
    setMessage(null);
    await settle();
    // Everything is already saved on its own: a second save would only add an empty version.
    if (baseVersion === undefined && id && !dirty.current && current.current.version !== version) return land(id, "saved");
    const saved = await save(baseVersion);
    if (saved) land(saved.id, id ? "saved" : savedNotice);
    else setBusy(false);
  }

  async function onAction(action: WorkflowAction) {
    setBusy(true);
    setMessage(null);
    await settle();
    let targetId = current.current.id;
    let base = current.current.version;
    if (!targetId || (dirty.current && canSave)) {
      const saved = await save();
      if (!saved) return setBusy(false);
      targetId = saved.id;
      base = saved.version;
    }
    const result = await sendJson(`/api/desk/${kind}/${targetId}/workflow`, { body: { ...action, baseVersion: base } });
    if (!result.ok) {
      fail(result, formRef.current ? readForm(formRef.current, lists) : null);
      setBusy(false);
      if (targetId !== id) router.replace(`/dashboard/${kind}/${targetId}`);
      return;
    }
    land(targetId, action.action);
  }

  async function onDelete() {
    if (!id) return;
    setBusy(true);
    const result = await sendJson(`/api/desk/${kind}/${id}`, { method: "DELETE" });
    if (!result.ok) {
      fail(result, null);
      return setBusy(false);
    }
    forget();
    router.replace(`/dashboard/${kind}?done=deleted`);
    router.refresh();
  }

  const fieldMessages = Object.entries(errors);

  return (
    <form
      ref={formRef}
      aria-label={id ? `Edit ${noun}` : `New ${noun}`}
      noValidate
      onInput={remember}
      onChange={remember}
      // Pickers set hidden inputs without input events: look again after a click or key.
      onClick={() => setTimeout(remember, 0)}
      onKeyUp={() => setTimeout(remember, 0)}
      // Leaving a field saves what it holds (where the editor saves on its own).
      // Leaving a field starts the quiet clock too (pickers change hidden inputs without input events).
      onBlur={() => {
        if (!canAutosave || !dirty.current || inFlight.current) return;
        if (quietTimer.current) clearTimeout(quietTimer.current);
        quietTimer.current = setTimeout(() => void autosave(), AUTOSAVE_QUIET_MS);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
      aria-busy={busy}
    >
      {restored && (
        <Alert tone="info" title="Unsaved changes restored">
          <p>What you typed here before was kept in this browser and has been put back. It is not saved yet.</p>
          <Button
            size="sm"
            onClick={() => {
              forget();
              setValues(initial);
              setFormKey((k) => k + 1);
              setRestored(false);
            }}
          >
            Discard restored changes
          </Button>
        </Alert>
      )}
      {signedOut && (
        <div className={styles.summary}>
          <Alert tone="danger" title="You are signed out">
            <p>
              Your session has ended: you were signed out from another browser, or the desk went unused for an hour. Nothing more was saved. What you typed is kept in this
              browser and comes back in this form when you sign in again.
            </p>
            <p>
              <a href={`/login?callbackUrl=${encodeURIComponent(pathname)}`} data-keeps-changes="">
                Sign in again
              </a>
            </p>
          </Alert>
        </div>
      )}
      {conflict && (
        <ConflictScreen
          conflict={conflict.details}
          mine={conflict.mine}
          noun={noun}
          busy={busy}
          onKeepMine={() => void onSave(conflict.details.currentVersion)}
          onLoadTheirs={() => {
            forget();
            window.location.reload();
          }}
        />
      )}
      {message && !conflict && (
        <div ref={summaryRef} tabIndex={-1} className={styles.summary}>
          <Alert tone="danger" title={message}>
            {fieldMessages.length > 0 && <p>Each problem is marked next to its field below.</p>}
            {problems.length > 0 && (
              <ul className={styles.problemLinks} aria-label="Fields to fix">
                {problems.map((p) => (
                  <li key={p.key}>
                    <a
                      href={`#${p.id}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(p.id)?.focus();
                      }}
                    >
                      {p.label}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      )}
      <div className={styles.layout}>
          {/* One fieldset locks the fields for someone who may only read them; the workflow
              panel stays outside it, so an author can still withdraw an item from review.
              Until the page's script has taken over the fields are locked too: hydration would
              put a textarea back to its server text and lose what was typed in that moment. */}
          <fieldset disabled={!canSave || !hydrated} className={`${styles.plain} ${styles.main}`} key={formKey}>
            {children({ values, errors })}
          </fieldset>
          <aside className={styles.side} aria-label={status ? "Workflow" : "Save"}>
            <div className={styles.panel} id="workflow-panel" tabIndex={-1}>
              <h2>{status ? "Workflow" : "Save"}</h2>
              {canAutosave && (
                <SaveStatus
                  state={saveState}
                  onRetry={() => {
                    // Signed in again in another tab: saving works again.
                    if (signedOut) {
                      stopped.current = false;
                      setSignedOut(false);
                    }
                    dirty.current = true;
                    void autosave();
                  }}
                />
              )}
              <WorkflowBar
                transitions={transitions}
                saveLabel={saveLabel}
                deleteLabel={deleteLabel}
                isPublished={status === "PUBLISHED"}
                isScheduled={status === "SCHEDULED"}
                isInReview={status === "IN_REVIEW"}
                busy={busy}
                canSave={canSave}
                errors={errors}
                onAction={(a) => void onAction(a)}
                onDelete={() => void onDelete()}
              />
            </div>
          </aside>
      </div>
      {canSave && (
        // On a phone the workflow panel sits below the long form: this bar keeps saving and the actions in reach.
        <div className={styles.actionBar} role="region" aria-label="Quick actions">
          {canAutosave && <span className={styles.actionBarStatus}>{saveState.kind === "saved" ? `Saved ${formatClock(saveState.at)}` : saveState.kind === "saving" ? "Saving…" : saveState.kind === "failed" ? "Not saved" : ""}</span>}
          <Button size="sm" variant="primary" type="submit" disabled={busy}>
            Save now
          </Button>
          <a href="#workflow-panel" className={styles.actionBarLink}>
            {status ? "Workflow actions" : "All actions"}
          </a>
        </div>
      )}
    </form>
  );
}

/** What every kind's form gets from its page. */
export interface RecordFormProps<V> {
  id: string | null;
  version: number;
  canSave: boolean;
  transitions: Transition[];
  initial: V;
  /** Names for the ids the form starts with (pickers show names, submit ids). */
  labels: Record<string, string>;
}

/** What a reference record's fields get: the values, the errors, and the names of the ids they start with. */
export type ReferenceFieldsProps<V> = EditorFieldsProps<V> & { labels: Record<string, string>; /** The record's id; null while new. */ recordId: string | null };

/** The frame for records public as soon as they are saved (people, organizations, agreements, topics). */
export function ReferenceEditor<V extends object>({
  kind,
  noun,
  fields: Fields,
  ...props
}: RecordFormProps<V> & { kind: string; noun: string; lists?: string[]; fields: ComponentType<ReferenceFieldsProps<V>> }) {
  return (
    <RecordEditor
      kind={kind}
      noun={noun}
      status={null}
      lists={props.lists ?? []}
      saveLabel={props.id ? `Save ${noun}` : `Create ${noun}`}
      deleteLabel={`Delete ${noun}`}
      savedNotice="created"
      id={props.id}
      version={props.version}
      canSave={props.canSave}
      transitions={props.transitions}
      initial={props.initial}
    >
      {(editor) => <Fields {...editor} labels={props.labels} recordId={props.id} />}
    </RecordEditor>
  );
}

/** What a content kind's edit page passes to its editor (events, statements): the row, the steps open to the actor, the form's options. */
export interface ContentEditorProps<V, O> {
  id: string | null;
  version: number;
  status: string;
  transitions: Transition[];
  canSave: boolean;
  initial: V;
  options: O;
}

/** The frame for content with the publication workflow (events, statements): drafts are saved, then reviewed and published. */
export function ContentEditor<V extends object, O>({
  options,
  fields: Fields,
  ...props
}: ContentEditorProps<V, O> & { kind: string; noun: string; lists: string[]; fields: ComponentType<EditorFieldsProps<V> & { options: O; recordId: string | null }> }) {
  return (
    <RecordEditor saveLabel="Save draft" deleteLabel="Delete draft" {...props}>
      {(editor) => <Fields {...editor} options={options} recordId={props.id} />}
    </RecordEditor>
  );
}
