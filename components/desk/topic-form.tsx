"use client";

import { Button } from "@/components/ui/button";
import type { TopicFormValues } from "@/lib/topics/topic-input";
import { ConflictPanel, FormMessage, TextAreaField, TextField, useDeskForm, type SaveAction } from "./reference-form-kit";
import styles from "./reference-form.module.css";

/** Create or edit a topic; its slug comes from the name when it is created. */
export function TopicForm(props: { action: SaveAction; id?: string; version?: number; values?: TopicFormValues; canEdit: boolean }) {
  const values = props.values ?? { name: "", description: "" };
  const form = useDeskForm(props.action, props.version ?? 0);
  const err = form.errorsFor;
  return (
    <form {...form.formProps} className={styles.form} aria-label={props.id ? "Edit topic" : "New topic"}>
      <ConflictPanel state={form.state} onRebase={form.rebase} />
      <FormMessage state={form.state} />
      {props.id && <input type="hidden" name="id" value={props.id} />}
      {props.id && <input type="hidden" name="baseVersion" value={form.baseVersion} />}
      <fieldset disabled={!props.canEdit || form.isPending} className={styles.plain}>
        <TextField id="topic-name" name="name" label="Name" required defaultValue={values.name} errors={err("name")} maxLength={120} />
        <TextAreaField id="topic-description" name="description" label="Description" defaultValue={values.description} errors={err("description")} rows={3} />
        <div className={styles.actions}>
          <Button type="submit" variant="primary">
            {props.id ? "Save topic" : "Create topic"}
          </Button>
          {form.isPending && <span className="small muted" role="status">Saving…</span>}
        </div>
      </fieldset>
    </form>
  );
}
