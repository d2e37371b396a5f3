"use client";

import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import type { AgreementFormValues, SourceFormValues } from "@/lib/agreements/agreement-input";
import { TREATY_ACTION_LABELS } from "@/lib/format/labels";
import { AGREEMENT_KIND_LABELS } from "@/lib/format/labels";
import { EntityPicker } from "./entity-picker";
import { ConflictPanel, FormMessage, PARTIAL_DATE_HINT, TextAreaField, TextField, useDeskForm, useRows, type SaveAction } from "./reference-form-kit";
import styles from "./reference-form.module.css";

type ActionValues = AgreementFormValues["actions"][number];
const blankSource = (): SourceFormValues => ({ url: "", title: "", publisher: null, publishedOn: null, accessedOn: null, archiveUrl: null });
const blankAction = (): ActionValues => ({ countryId: "", type: "SIGNATURE", date: "", note: "", eventId: "", viaAgreementId: "", unconfirmedNote: "", sources: [] });
const chosen = (id: string, labels: Record<string, string>) => (id ? { id, label: labels[id] ?? id } : null);
type Errors = (path: string) => string[] | undefined;

function SourceRows({ prefix, idPrefix, title, initial, err }: { prefix: string; idPrefix: string; title: string; initial: SourceFormValues[]; err: Errors }) {
  const rows = useRows(initial, blankSource);
  return (
    <fieldset className={styles.rows}>
      <legend>{title}</legend>
      {rows.rows.length === 0 && <p className="small muted">No sources yet.</p>}
      {rows.rows.map((row, i) => (
        <div key={row.key} className={styles.row}>
          <div className={styles.rowHeader}>
            <h3>{title}: source {i + 1}</h3>
            <Button size="sm" variant="ghost" onClick={() => rows.remove(row.key)} aria-label={`Remove ${title.toLowerCase()} source ${i + 1}`}>
              Remove
            </Button>
          </div>
          <div className={styles.grid}>
            <TextField id={`${idPrefix}-${row.key}-url`} name={`${prefix}.${i}.url`} label={`${title} source ${i + 1} URL`} type="url" required defaultValue={row.value.url} errors={err(`${prefix}.${i}.url`)} />
            <TextField id={`${idPrefix}-${row.key}-title`} name={`${prefix}.${i}.title`} label={`${title} source ${i + 1} title`} required defaultValue={row.value.title} errors={err(`${prefix}.${i}.title`)} />
            <TextField id={`${idPrefix}-${row.key}-publisher`} name={`${prefix}.${i}.publisher`} label={`${title} source ${i + 1} publisher`} defaultValue={row.value.publisher ?? ""} errors={err(`${prefix}.${i}.publisher`)} />
          </div>
          {/* Kept so an edit does not drop dates and archive links entered elsewhere. */}
          <input type="hidden" name={`${prefix}.${i}.publishedOn`} value={row.value.publishedOn ?? ""} />
          <input type="hidden" name={`${prefix}.${i}.accessedOn`} value={row.value.accessedOn ?? ""} />
          <input type="hidden" name={`${prefix}.${i}.archiveUrl`} value={row.value.archiveUrl ?? ""} />
        </div>
      ))}
      <Button size="sm" onClick={rows.add}>
        Add a source{title === "Agreement" ? "" : ` to ${title.toLowerCase()}`}
      </Button>
    </fieldset>
  );
}

/** Create or edit an agreement, with each party's treaty actions. */
export function AgreementForm(props: { action: SaveAction; id?: string; version?: number; values?: AgreementFormValues; labels?: Record<string, string>; canEdit: boolean }) {
  const values = props.values ?? { name: "", kind: "TREATY", summary: "", concluded: "", parentId: "", wikidataId: "", sources: [], actions: [] };
  const labels = props.labels ?? {};
  const form = useDeskForm(props.action, props.version ?? 0);
  const actions = useRows(values.actions, blankAction);
  const err = form.errorsFor;
  return (
    <form {...form.formProps} className={styles.form} aria-label={props.id ? "Edit agreement" : "New agreement"}>
      <ConflictPanel form={form} noun="agreement" />
      <FormMessage state={form.state} />
      {props.id && <input type="hidden" name="id" value={props.id} />}
      {props.id && <input type="hidden" name="baseVersion" value={form.baseVersion} />}
      <fieldset disabled={!props.canEdit || form.isPending} className={styles.plain}>
        <TextField id="agreement-name" name="name" label="Name" required defaultValue={values.name} errors={err("name")} />
        <div className={styles.grid}>
          <Field id="agreement-kind" label="Kind" required errors={err("kind")}>
            {(control) => (
              <Select {...control} name="kind" defaultValue={values.kind}>
                {Object.entries(AGREEMENT_KIND_LABELS).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
              </Select>
            )}
          </Field>
          <TextField id="agreement-concluded" name="concluded" label="Concluded on" defaultValue={values.concluded} errors={err("concluded")} hint={PARTIAL_DATE_HINT} />
          <TextField id="agreement-wikidata" name="wikidataId" label="Wikidata id" defaultValue={values.wikidataId} errors={err("wikidataId")} hint="Q followed by digits; leave empty when not known." />
        </div>
        <EntityPicker kind="agreement" id="agreement-parent" name="parentId" label="Parent agreement" defaultValue={chosen(values.parentId, labels)} errors={err("parentId")} />
        <TextAreaField id="agreement-summary" name="summary" label="Summary" defaultValue={values.summary} errors={err("summary")} rows={3} />
        <SourceRows prefix="sources" idPrefix="agreement-source" title="Agreement" initial={values.sources} err={err} />
        <fieldset className={styles.rows}>
          <legend>Treaty actions by party</legend>
          {actions.rows.length === 0 && <p className="small muted">No treaty actions yet.</p>}
          {actions.rows.map((row, i) => (
            <div key={row.key} className={styles.row}>
              <div className={styles.rowHeader}>
                <h3>Action {i + 1}</h3>
                <Button size="sm" variant="ghost" onClick={() => actions.remove(row.key)} aria-label={`Remove action ${i + 1}`}>
                  Remove
                </Button>
              </div>
              <div className={styles.grid}>
                <EntityPicker kind="country" id={`action-${row.key}-party`} name={`actions.${i}.countryId`} label={`Action ${i + 1} party`} required defaultValue={chosen(row.value.countryId, labels)} errors={err(`actions.${i}.countryId`)} />
                <Field id={`action-${row.key}-type`} label={`Action ${i + 1} type`} required errors={err(`actions.${i}.type`)}>
                  {(control) => (
                    <Select {...control} name={`actions.${i}.type`} defaultValue={row.value.type}>
                      {Object.entries(TREATY_ACTION_LABELS).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
                    </Select>
                  )}
                </Field>
                <TextField id={`action-${row.key}-date`} name={`actions.${i}.date`} label={`Action ${i + 1} date`} defaultValue={row.value.date} errors={err(`actions.${i}.date`)} hint={PARTIAL_DATE_HINT} />
              </div>
              <EntityPicker kind="event" id={`action-${row.key}-event`} name={`actions.${i}.eventId`} label={`Action ${i + 1} event`} defaultValue={chosen(row.value.eventId, labels)} errors={err(`actions.${i}.eventId`)} hint="The event where it happened, if recorded." />
              <EntityPicker
                kind="agreement"
                id={`action-${row.key}-via`}
                name={`actions.${i}.viaAgreementId`}
                label={`Action ${i + 1} joined through`}
                defaultValue={chosen(row.value.viaAgreementId, labels)}
                errors={err(`actions.${i}.viaAgreementId`)}
                hint="Only for “Joined through a related instrument”: the instrument the party acted on (e.g. a joint declaration)."
              />
              <TextField id={`action-${row.key}-note`} name={`actions.${i}.note`} label={`Action ${i + 1} note`} defaultValue={row.value.note} errors={err(`actions.${i}.note`)} />
              <TextField
                id={`action-${row.key}-unconfirmed`}
                name={`actions.${i}.unconfirmedNote`}
                label={`Action ${i + 1} unconfirmed`}
                defaultValue={row.value.unconfirmedNote}
                errors={err(`actions.${i}.unconfirmedNote`)}
                hint="What the sources leave unconfirmed about this step; readers see it marked as such."
              />
              <SourceRows prefix={`actions.${i}.sources`} idPrefix={`action-${row.key}-source`} title={`Action ${i + 1}`} initial={row.value.sources} err={err} />
            </div>
          ))}
          <Button size="sm" onClick={actions.add}>
            Add a treaty action
          </Button>
        </fieldset>
        <div className={styles.actions}>
          <Button type="submit" variant="primary">
            {props.id ? "Save agreement" : "Create agreement"}
          </Button>
          {form.isPending && <span className="small muted" role="status">Saving…</span>}
        </div>
      </fieldset>
    </form>
  );
}
