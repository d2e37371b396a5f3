"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Transition } from "@/lib/publication/transitions";
import { ConflictScreen, type ConflictDetails } from "./conflict-screen";
import type { Failure } from "@/lib/errors/app-error";
import { sendJson } from "@/lib/http/send-json";
import { formDataToObject } from "@/lib/records/form-data";
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
  /** "Save draft" for content; "Save person" / "Create person" for records public as soon as saved. */
  saveLabel: string;
  deleteLabel: string;
  /** The notice after the first save: "saved" (a draft) or "created" (a public record). */
  savedNotice?: "saved" | "created";
  children: (props: EditorFieldsProps<V>) => ReactNode;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const storageKey = `chancery:${kind}:${id ?? "new"}:v${version}`;
  const [values, setValues] = useState<V>(initial);
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ details: ConflictDetails; mine: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState(false);
  const baseline = useRef<string>("");
  const dirty = useRef(false);

  const serialize = useCallback(() => (formRef.current ? JSON.stringify(readForm(formRef.current, lists)) : ""), [lists]);

  // Unsaved changes from an earlier visit (same record, same version) come back.
  useEffect(() => {
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
  }, [storageKey, serialize]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const remember = useCallback(() => {
    const now = serialize();
    dirty.current = now !== baseline.current;
    if (dirty.current) window.localStorage.setItem(storageKey, now);
    else window.localStorage.removeItem(storageKey);
  }, [serialize, storageKey]);

  const forget = () => {
    window.localStorage.removeItem(storageKey);
    dirty.current = false;
  };

  const fail = (result: Failure, mine: unknown) => {
    setErrors(result.fieldErrors ?? {});
    setMessage(result.message);
    if (result.conflict) setConflict({ details: result.conflict as ConflictDetails, mine });
  };

  /** Saves the form; returns the saved record or null (errors are then on screen). */
  async function save(baseVersion = version): Promise<Success | null> {
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
    const saved = await save(baseVersion);
    if (saved) land(saved.id, id ? "saved" : savedNotice);
    else setBusy(false);
  }

  async function onAction(action: WorkflowAction) {
    setBusy(true);
    setMessage(null);
    let targetId = id;
    let base = version;
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
        <Alert tone="danger" title={message}>
          {fieldMessages.length > 0 && <p>Each problem is marked next to its field below.</p>}
        </Alert>
      )}
      {/* One fieldset locks the whole form for someone who may only read it. */}
      <fieldset disabled={!canSave} className={styles.plain}>
        <div className={styles.layout}>
          <div className={styles.main} key={formKey}>
            {children({ values, errors })}
          </div>
          <aside className={styles.side} aria-label={status ? "Workflow" : "Save"}>
            <div className={styles.panel}>
              <h2>{status ? "Workflow" : "Save"}</h2>
              <WorkflowBar
                transitions={transitions}
                saveLabel={saveLabel}
                deleteLabel={deleteLabel}
                isPublished={status === "PUBLISHED"}
                busy={busy}
                errors={errors}
                onAction={(a) => void onAction(a)}
                onDelete={() => void onDelete()}
              />
            </div>
          </aside>
        </div>
      </fieldset>
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

/** The frame for records public as soon as they are saved (people, organizations, agreements, topics). */
export function ReferenceEditor<V extends object>({ kind, noun, children, ...props }: RecordFormProps<V> & { kind: string; noun: string; lists?: string[]; children: (fields: EditorFieldsProps<V>) => ReactNode }) {
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
      {children}
    </RecordEditor>
  );
}
