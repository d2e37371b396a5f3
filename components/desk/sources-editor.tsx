"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldNotes, TextInput } from "@/components/ui/field";
import styles from "./editor.module.css";
import { focusAddedRow, focusAfterRemoving } from "./row-focus";
import { useRowKeys } from "./row-keys";

export interface SourceValues {
  url: string;
  title: string;
  publisher?: string | null;
  publishedOn?: string | null;
  accessedOn?: string | null;
  archiveUrl?: string | null;
}

const EMPTY: SourceValues = { url: "", title: "" };

/** The sources backing an item: each with URL (http/https), title, publisher, dates and an archived copy. */
export function SourcesEditor({ idPrefix, initial, errors }: { idPrefix: string; initial: SourceValues[]; errors: Record<string, string[]> }) {
  const first = initial.length ? initial : [EMPTY];
  const keys = useRowKeys("s", first.length);
  const [rows, setRows] = useState(() => first.map((values, i) => ({ key: keys.initial(i), values })));
  const list = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <fieldset className={styles.section} ref={list}>
      <legend>Sources</legend>
      <FieldNotes id={`${idPrefix}-sources`} errors={errors.sources} />
      {rows.map((row, i) => {
        const e = (f: string) => errors[`sources.${i}.${f}`];
        const id = (f: string) => `${idPrefix}-source-${row.key}-${f}`;
        return (
          <fieldset key={row.key} className={styles.row} data-row="">
            <legend>Source {i + 1}</legend>
            <div className={styles.grid2}>
              <Field id={id("url")} label="Source URL" errors={e("url")} required>
                {(p) => <TextInput {...p} name={`sources.${i}.url`} defaultValue={row.values.url} type="text" inputMode="url" placeholder="https://" />}
              </Field>
              <Field id={id("title")} label="Source title" errors={e("title")} required>
                {(p) => <TextInput {...p} name={`sources.${i}.title`} defaultValue={row.values.title} />}
              </Field>
              <Field id={id("publisher")} label="Publisher" errors={e("publisher")}>
                {(p) => <TextInput {...p} name={`sources.${i}.publisher`} defaultValue={row.values.publisher ?? ""} />}
              </Field>
              <Field id={id("archive")} label="Archived copy URL" errors={e("archiveUrl")}>
                {(p) => <TextInput {...p} name={`sources.${i}.archiveUrl`} defaultValue={row.values.archiveUrl ?? ""} inputMode="url" />}
              </Field>
              <Field id={id("published")} label="Published on" errors={e("publishedOn")} hint="YYYY-MM-DD">
                {(p) => <TextInput {...p} name={`sources.${i}.publishedOn`} defaultValue={row.values.publishedOn ?? ""} />}
              </Field>
              <Field id={id("accessed")} label="Accessed on" errors={e("accessedOn")} hint="YYYY-MM-DD">
                {(p) => <TextInput {...p} name={`sources.${i}.accessedOn`} defaultValue={row.values.accessedOn ?? ""} />}
              </Field>
            </div>
            <div className={styles.rowActions}>
              <Button
                size="sm"
                variant="ghost"
                onClick={(event) => {
                  focusAfterRemoving(event.currentTarget, () => addButton.current);
                  setRows((r) => r.filter((x) => x.key !== row.key));
                }}
              >
                Remove source {i + 1}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button
        ref={addButton}
        size="sm"
        onClick={() => {
          setRows((r) => [...r, { key: keys.next(), values: EMPTY }]);
          focusAddedRow(() => list.current);
        }}
      >
        Add source
      </Button>
    </fieldset>
  );
}
