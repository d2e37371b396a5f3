"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Transition } from "@/lib/publication/transitions";
import { ConflictScreen, type ConflictDetails } from "./conflict-screen";
import { readFormValues } from "./form-values";
import { WorkflowBar, type WorkflowAction } from "./workflow-bar";
import styles from "./editor.module.css";

interface Failure {
  ok: false;
  code?: string;
  message: string;
  fieldErrors: Record<string, string[]>;
  conflict?: ConflictDetails;
}
interface Success {
  ok: true;
  id: string;
  slug: string;
  version: number;
  status: string;
}

async function send(url: string, method: string, body?: unknown): Promise<Success | Failure> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as Success | Failure;
  } catch {
    return { ok: false, message: "The desk could not be reached; nothing was saved. Your text is kept in this browser.", fieldErrors: {} };
  }
}

export interface EditorFieldsProps<V> {
  values: V;
  errors: Record<string, string[]>;
}

/**
 * The editing shell shared by the event and statement forms: saves with the base
 * version, runs workflow transitions, shows conflicts, keeps unsaved changes in
 * localStorage (keyed by record and version) and asks before leaving with them.
 */
export function ContentEditor<V extends object>({
  kind,
  noun,
  id,
  version,
  status,
  transitions,
  canSave,
  initial,
  lists,
  children,
}: {
  /** The API and URL segment: "events" or "statements". */
  kind: "events" | "statements";
  noun: string;
  id: string | null;
  version: number;
  status: string;
  transitions: Transition[];
  canSave: boolean;
  initial: V;
  lists: string[];
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

  const serialize = useCallback(() => (formRef.current ? JSON.stringify(readFormValues(formRef.current, lists)) : ""), [lists]);

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
    if (result.conflict) setConflict({ details: result.conflict, mine });
  };

  /** Saves the form; returns the saved record or null (errors are then on screen). */
  async function save(baseVersion = version): Promise<Success | null> {
    if (!formRef.current) return null;
    const input = readFormValues(formRef.current, lists);
    const result = id ? await send(`/api/desk/${kind}/${id}`, "PUT", { baseVersion, input }) : await send(`/api/desk/${kind}`, "POST", { input });
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
    if (saved) land(saved.id, "saved");
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
    const result = await send(`/api/desk/${kind}/${targetId}/workflow`, "POST", { ...action, baseVersion: base });
    if (!result.ok) {
      fail(result, formRef.current ? readFormValues(formRef.current, lists) : null);
      setBusy(false);
      if (targetId !== id) router.replace(`/dashboard/${kind}/${targetId}`);
      return;
    }
    land(targetId, action.action);
  }

  async function onDelete() {
    if (!id) return;
    setBusy(true);
    const result = await send(`/api/desk/${kind}/${id}`, "DELETE");
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
      <div className={styles.layout}>
        <div className={styles.main} key={formKey}>
          <fieldset disabled={!canSave} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            {children({ values, errors })}
          </fieldset>
        </div>
        <aside className={styles.side} aria-label="Workflow">
          <div className={styles.panel}>
            <h2>Workflow</h2>
            <WorkflowBar
              transitions={transitions}
              canSave={canSave}
              isPublished={status === "PUBLISHED"}
              busy={busy}
              errors={errors}
              onAction={(a) => void onAction(a)}
              onDelete={() => void onDelete()}
            />
          </div>
        </aside>
      </div>
    </form>
  );
}
