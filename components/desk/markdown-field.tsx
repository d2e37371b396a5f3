"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import ui from "@/components/ui/ui.module.css";
import { renderMarkdown } from "@/lib/markdown/render";
import { Combobox, type EntityKind, type EntityOption } from "./entity-picker";
import styles from "./editor.module.css";

const LINKABLE: Array<{ kind: EntityKind; label: string }> = [
  { kind: "event", label: "Event" },
  { kind: "statement", label: "Statement" },
  { kind: "country", label: "Country" },
  { kind: "person", label: "Person" },
  { kind: "organization", label: "Organization" },
  { kind: "agreement", label: "Agreement" },
];

/** Text between [ ] must not close the link early. */
const linkText = (text: string) => text.replace(/[[\]\\]/g, (c) => `\\${c}`);

/**
 * A Markdown body with a preview from the same safe renderer as the public page,
 * and "Link to a record": search for an event, statement, country, person,
 * organization or agreement and insert a link to its public page where the
 * cursor is (the selected words become the link's text).
 */
export function MarkdownField({ id, name, label, defaultValue, errors, hint }: { id: string; name: string; label: string; defaultValue: string; errors?: string[]; hint?: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const [kind, setKind] = useState<EntityKind>("event");
  const [query, setQuery] = useState("");
  const [inserted, setInserted] = useState<string | null>(null);
  const selection = useRef({ start: 0, end: 0 });

  const openLinking = () => {
    const area = ref.current;
    selection.current = { start: area?.selectionStart ?? 0, end: area?.selectionEnd ?? 0 };
    setInserted(null);
    setLinking(true);
    setPreview(null);
  };

  const insert = (option: EntityOption) => {
    const area = ref.current;
    if (!area || !option.path) return;
    const { start, end } = selection.current;
    const chosenWords = area.value.slice(start, end).trim();
    const link = `[${linkText(chosenWords || option.label)}](${option.path})`;
    area.setRangeText(link, start, end, "end");
    // The editor frame notices typing by input events; this change is typing too.
    area.dispatchEvent(new Event("input", { bubbles: true }));
    setLinking(false);
    setQuery("");
    setInserted(`Linked “${chosenWords || option.label}”.`);
    area.focus();
  };

  return (
    <>
      <Field id={id} label={label} errors={errors} hint={hint}>
        {(p) => <textarea {...p} ref={ref} name={name} defaultValue={defaultValue} rows={12} hidden={preview !== null} />}
      </Field>
      <div className={styles.previewBar}>
        <Button size="sm" variant="ghost" aria-pressed={preview !== null} onClick={() => setPreview(preview === null ? renderMarkdown(ref.current?.value ?? "") : null)}>
          {preview === null ? "Preview formatting" : "Back to editing"}
        </Button>
        <Button size="sm" variant="ghost" aria-expanded={linking} aria-controls={`${id}-link`} onClick={() => (linking ? setLinking(false) : openLinking())}>
          Link to a record
        </Button>
        {inserted && (
          <span className="small muted" role="status">
            {inserted}
          </span>
        )}
      </div>
      {linking && (
        <div id={`${id}-link`} role="group" aria-label="Link to a record" className={styles.linkPanel}>
          <SelectField
            id={`${id}-link-kind`}
            label="Kind of record"
            value={kind}
            onChange={(e) => setKind(e.target.value as EntityKind)}
            choices={LINKABLE.map((k) => ({ value: k.kind, label: k.label }))}
          />
          <div className={ui.field}>
            <label htmlFor={`${id}-link-search`} className={ui.label}>
              Search
            </label>
            <Combobox
              key={kind}
              kind={kind}
              id={`${id}-link-search`}
              label={`${LINKABLE.find((k) => k.kind === kind)?.label ?? "Record"} to link`}
              text={query}
              onTextChange={setQuery}
              onChoose={insert}
              onClear={() => setQuery("")}
              isClearable={Boolean(query)}
              describedBy={`${id}-link-hint`}
              isInvalid={false}
            />
            <span id={`${id}-link-hint`} className={ui.hint}>
              The link goes where the cursor was; selected words become its text.
            </span>
          </div>
        </div>
      )}
      {preview !== null && (
        <section aria-label={`${label} preview`} className={styles.preview} dangerouslySetInnerHTML={{ __html: preview }} />
      )}
    </>
  );
}
