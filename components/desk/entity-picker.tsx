"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import styles from "./entity-picker.module.css";
import { NotChosenYet, useQuickCreate, type CreatableKind } from "./quick-create";
import { focusAfterRemoving } from "./row-focus";
import { Field } from "@/components/ui/field";
import ui from "@/components/ui/ui.module.css";
import type { LookupResult } from "@/lib/lookup/search-entities";

export type EntityKind = "country" | "person" | "organization" | "event" | "statement" | "agreement" | "topic" | "participant";
/** One record as the look-up API answers it. */
export type EntityOption = LookupResult;

const DEBOUNCE_MS = 150;

/** Fetches look-up results for what is typed, debounced, dropping stale answers. */
export function useLookup(kind: EntityKind, query: string, isOpen: boolean, limit = 8) {
  const [results, setResults] = useState<EntityOption[]>([]);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  useEffect(() => {
    if (!isOpen) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState("loading");
      try {
        const params = new URLSearchParams({ kind, q: query.trim(), limit: String(limit) });
        const response = await fetch(`/api/desk/lookup?${params}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { results: EntityOption[] };
        setResults(body.results);
        setState("idle");
      } catch (error) {
        if ((error as Error).name !== "AbortError") setState("error");
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [kind, query, isOpen, limit]);
  return { results, state };
}

export interface ComboboxProps {
  kind: EntityKind;
  id: string;
  label: string;
  text: string;
  onTextChange: (text: string) => void;
  onChoose: (option: EntityOption) => void;
  onClear?: () => void;
  isClearable: boolean;
  required?: boolean;
  describedBy?: string;
  isInvalid: boolean;
  exclude?: string[];
  /**
   * Options after the matches that do something instead of choosing one ("New person
   * “…”"): the list opens over whatever is under the field, so what is there must be in it.
   */
  actions?: ComboboxAction[];
}

export interface ComboboxAction {
  key: string;
  label: string;
  onSelect: () => void;
}

/** The ARIA 1.2 combobox: an input that owns a listbox of look-up results. */
export function Combobox(props: ComboboxProps) {
  const { kind, id, label, text, onTextChange, onChoose, onClear, isClearable, exclude, actions = [] } = props;
  const listboxId = `${id}-listbox`;
  const statusId = `${id}-status`;
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const { results: raw, state } = useLookup(kind, text, isOpen);
  const results = exclude?.length ? raw.filter((r) => !exclude.includes(r.id)) : raw;
  // The actions follow the matches, and only while there are matches: with none the list is
  // closed and what it would cover shows.
  const shownActions = results.length > 0 ? actions : [];
  const total = results.length + shownActions.length;
  const activeOption = isOpen && active >= 0 && active < results.length ? results[active] : undefined;
  const activeAction = isOpen && active >= results.length ? shownActions[active - results.length] : undefined;
  const activeId = activeOption || activeAction ? `${id}-option-${active}` : undefined;
  const listRef = useRef<HTMLUListElement>(null);
  const isShown = isOpen && results.length > 0;
  // A list opening below the fold (a field low on the screen, a phone's action bar over it)
  // is brought into view; the listbox's scroll margin keeps it clear of that bar.
  useEffect(() => {
    if (isShown) listRef.current?.scrollIntoView({ block: "nearest" });
  }, [isShown]);
  // The highlighted option stays in view within the list's own scroll.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const open = () => {
    setIsOpen(true);
    setActive(-1);
  };
  const close = () => {
    setIsOpen(false);
    setActive(-1);
  };
  const choose = (option: EntityOption) => {
    onChoose(option);
    close();
  };
  const act = (action: ComboboxAction) => {
    close();
    action.onSelect();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!isOpen) open();
        else setActive((i) => (total ? (i + 1) % total : -1));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!isOpen) open();
        else setActive((i) => (total ? (i <= 0 ? total - 1 : i - 1) : -1));
        break;
      case "Enter":
        // Enter picks the highlighted option; it must not submit the form meanwhile.
        if (isOpen && activeOption) {
          event.preventDefault();
          choose(activeOption);
        } else if (isOpen && activeAction) {
          event.preventDefault();
          act(activeAction);
        } else if (isOpen) {
          event.preventDefault();
        }
        break;
      case "Escape":
        if (isOpen) {
          event.preventDefault();
          close();
        } else if (text && onClear) {
          event.preventDefault();
          onClear();
        }
        break;
      case "Tab":
        close();
        break;
    }
  };

  const count = results.length;
  const status = !isOpen
    ? ""
    : state === "error"
      ? "The look-up failed. Try again."
      : state === "loading" && count === 0
        ? "Searching…"
        : count === 0
          ? "No matches."
          : `${count} ${count === 1 ? "match" : "matches"}. Use the up and down arrows to choose.`;

  return (
    <div className={styles.combo}>
      <div className={styles.inputRow}>
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls={listboxId}
          aria-activedescendant={activeId}
          aria-describedby={[props.describedBy, statusId].filter(Boolean).join(" ")}
          aria-invalid={props.isInvalid || undefined}
          aria-required={props.required || undefined}
          className={`${ui.control} ${styles.input}`}
          value={text}
          onChange={(event) => {
            onTextChange(event.target.value);
            setIsOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        {isClearable && (
          <button
            type="button"
            className={styles.clear}
            aria-label={`Clear ${label}`}
            onClick={() => {
              onClear?.();
              inputRef.current?.focus();
            }}
          >
            ×
          </button>
        )}
      </div>
      <ul ref={listRef} id={listboxId} role="listbox" aria-label={label} className={styles.listbox} hidden={!isShown}>
        {results.map((option, index) => (
          <li
            key={option.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={styles.option}
            // mousedown would blur the input (closing the list) before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
            onMouseMove={() => setActive(index)}
          >
            <span className={styles.optionLabel}>{option.label}</span>
            {option.detail && <span className={styles.optionDetail}>{option.detail}</span>}
          </li>
        ))}
        {shownActions.map((action, i) => {
          const index = results.length + i;
          return (
            <li
              key={action.key}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={`${styles.option} ${styles.actionOption}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => act(action)}
              onMouseMove={() => setActive(index)}
            >
              <span className={styles.optionLabel}>{action.label}</span>
            </li>
          );
        })}
      </ul>
      <span id={statusId} className="visually-hidden" aria-live="polite">
        {status}
      </span>
    </div>
  );
}

interface PickerProps {
  kind: EntityKind;
  /** Name of the hidden input carrying the chosen id(s). */
  name: string;
  label: string;
  id: string;
  required?: boolean;
  errors?: string[];
  hint?: string;
}

/**
 * Picks one record by searching as you type. Submits the chosen id in a hidden
 * input named `name` (empty when nothing is chosen), so it works in any form.
 */
export function EntityPicker({ kind, name, label, id, defaultValue, required, errors, hint, onChange }: PickerProps & { defaultValue?: EntityOption | null; onChange?: (value: EntityOption | null) => void }) {
  const [selected, setSelected] = useState<EntityOption | null>(defaultValue ?? null);
  const [text, setText] = useState(defaultValue?.label ?? "");
  const set = (value: EntityOption | null) => {
    setSelected(value);
    onChange?.(value);
  };
  const quick = useQuickCreate(kind === "person" || kind === "organization" ? [kind as CreatableKind] : []);
  const onCreated = (option: EntityOption) => {
    set(option);
    setText(option.label);
    // The dialog gave focus back to a button that is gone now: return to the picker.
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  };
  return (
    <Field id={id} label={label} required={required} errors={errors} hint={hint}>
      {({ "aria-describedby": describedBy }) => (
        <>
          <Combobox
            kind={kind}
            id={id}
            label={label}
            text={text}
            onTextChange={(value) => {
              setText(value);
              // Typing over a choice un-chooses it: the id must match what is shown.
              if (selected) set(null);
            }}
            onChoose={(option) => {
              set(option);
              setText(option.label);
            }}
            onClear={() => {
              set(null);
              setText("");
            }}
            isClearable={Boolean(text || selected)}
            required={required}
            describedBy={describedBy}
            isInvalid={Boolean(errors?.length)}
            actions={selected ? [] : quick.actionsFor(text, onCreated)}
          />
          <input type="hidden" name={name} value={selected?.id ?? ""} />
          {selected?.detail && <span className={ui.hint}>{selected.detail}</span>}
          {!selected && text.trim() && <NotChosenYet text={text} quick={quick} onCreated={onCreated} />}
          {quick.dialog}
        </>
      )}
    </Field>
  );
}

/** Picks several records (topics, member countries); submits one hidden input per id. */
export function EntityMultiPicker({ kind, name, label, id, defaultValue, required, errors, hint, value, onValueChange }: PickerProps & {
  defaultValue?: EntityOption[];
  /** Held by the form when it adds choices itself (a statement takes its event's countries). */
  value?: EntityOption[];
  onValueChange?: (next: EntityOption[]) => void;
}) {
  const [own, setOwn] = useState<EntityOption[]>(defaultValue ?? []);
  const chosen = value ?? own;
  const setChosen = (change: (list: EntityOption[]) => EntityOption[]) => (onValueChange ? onValueChange(change(chosen)) : setOwn(change));
  const [text, setText] = useState("");
  const listId = useId();
  return (
    <Field id={id} label={label} required={required} errors={errors} hint={hint}>
      {({ "aria-describedby": describedBy }) => (
        <>
          {chosen.length > 0 && (
            <ul className={styles.chips} aria-label={`Chosen: ${label}`} id={listId}>
              {chosen.map((option) => (
                <li key={option.id} className={styles.chip} data-row="">
                  <span>{option.label}</span>
                  <button
                    type="button"
                    className={styles.chipRemove}
                    aria-label={`Remove ${option.label}`}
                    onClick={(event) => {
                      // To the next chosen name's remove button, else back to the picker.
                      focusAfterRemoving(event.currentTarget, () => document.getElementById(id));
                      setChosen((list) => list.filter((o) => o.id !== option.id));
                    }}
                  >
                    ×
                  </button>
                  <input type="hidden" name={name} value={option.id} />
                </li>
              ))}
            </ul>
          )}
          <Combobox
            kind={kind}
            id={id}
            label={label}
            text={text}
            onTextChange={setText}
            onChoose={(option) => {
              setChosen((list) => (list.some((o) => o.id === option.id) ? list : [...list, option]));
              setText("");
            }}
            onClear={() => setText("")}
            isClearable={Boolean(text)}
            describedBy={describedBy}
            isInvalid={Boolean(errors?.length)}
            exclude={chosen.map((o) => o.id)}
          />
        </>
      )}
    </Field>
  );
}
