"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { renderMarkdown } from "@/lib/markdown/render";
import styles from "./editor.module.css";

/** A Markdown body with a preview from the same safe renderer as the public page. */
export function MarkdownField({ id, name, label, defaultValue, errors, hint }: { id: string; name: string; label: string; defaultValue: string; errors?: string[]; hint?: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  return (
    <>
      <Field id={id} label={label} errors={errors} hint={hint}>
        {(p) => <textarea {...p} ref={ref} name={name} defaultValue={defaultValue} rows={12} hidden={preview !== null} />}
      </Field>
      <div className={styles.previewBar}>
        <Button size="sm" variant="ghost" aria-pressed={preview !== null} onClick={() => setPreview(preview === null ? renderMarkdown(ref.current?.value ?? "") : null)}>
          {preview === null ? "Preview" : "Back to editing"}
        </Button>
      </div>
      {preview !== null && (
        <section aria-label={`${label} preview`} className={styles.preview} dangerouslySetInnerHTML={{ __html: preview }} />
      )}
    </>
  );
}
