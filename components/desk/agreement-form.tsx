"use client";

import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import type { AgreementFormValues, SourceFormValues } from "@/lib/agreements/agreement-input";
import { TREATY_ACTION_LABELS } from "@/lib/format/labels";
import { AGREEMENT_KIND_LABELS } from "@/lib/format/labels";
import { EntityPicker } from "./entity-picker";
import { PARTIAL_DATE_HINT, TextAreaField, TextField, useRows } from "./form-fields";
import { ReferenceEditor, type RecordFormProps } from "./record-editor";
import styles from "./reference-form.module.css";

type ActionValues = AgreementFormValues["actions"][number];
const blankSource = (): SourceFormValues => ({ url: "", title: "", publisher: null, publishedOn: null, accessedOn: null, archiveUrl: null });
const blankAction = (): ActionValues => ({ countryId: "", type: "SIGNATURE", date: "", note: "", eventId: "", sources: [] });
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
export function AgreementForm(props: RecordFormProps<AgreementFormValues>) {
  return (
    <ReferenceEditor kind="agreements" noun="agreement" lists={["sources", "actions"]} {...props}>
      {({ values, errors }) => <AgreementFields values={values} errors={errors} labels={props.labels} />}
    </ReferenceEditor>
  );
}

function AgreementFields({ values, errors, labels }: { values: AgreementFormValues; errors: Record<string, string[]>; labels: Record<string, string> }) {
  const actions = useRows(values.actions, blankAction);
  return (
    <>
        <TextField id="agreement-name" name="name" label="Name" required defaultValue={values.name} errors={errors["name"]} />
        <div className={styles.grid}>
          <Field id="agreement-kind" label="Kind" required errors={errors["kind"]}>
            {(control) => (
              <Select {...control} name="kind" defaultValue={values.kind}>
                {Object.entries(AGREEMENT_KIND_LABELS).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
              </Select>
            )}
          </Field>
          <TextField id="agreement-concluded" name="concluded" label="Concluded on" defaultValue={values.concluded} errors={errors["concluded"]} hint={PARTIAL_DATE_HINT} />
          <TextField id="agreement-wikidata" name="wikidataId" label="Wikidata id" defaultValue={values.wikidataId} errors={errors["wikidataId"]} hint="Q followed by digits; leave empty when not known." />
        </div>
        <EntityPicker kind="agreement" id="agreement-parent" name="parentId" label="Parent agreement" defaultValue={chosen(values.parentId, labels)} errors={errors["parentId"]} />
        <TextAreaField id="agreement-summary" name="summary" label="Summary" defaultValue={values.summary} errors={errors["summary"]} rows={3} />
        <SourceRows prefix="sources" idPrefix="agreement-source" title="Agreement" initial={values.sources} err={(path: string) => errors[path]} />
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
                <EntityPicker kind="country" id={`action-${row.key}-party`} name={`actions.${i}.countryId`} label={`Action ${i + 1} party`} required defaultValue={chosen(row.value.countryId, labels)} errors={errors[`actions.${i}.countryId`]} />
                <Field id={`action-${row.key}-type`} label={`Action ${i + 1} type`} required errors={errors[`actions.${i}.type`]}>
                  {(control) => (
                    <Select {...control} name={`actions.${i}.type`} defaultValue={row.value.type}>
                      {Object.entries(TREATY_ACTION_LABELS).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
                    </Select>
                  )}
                </Field>
                <TextField id={`action-${row.key}-date`} name={`actions.${i}.date`} label={`Action ${i + 1} date`} defaultValue={row.value.date} errors={errors[`actions.${i}.date`]} hint={PARTIAL_DATE_HINT} />
              </div>
              <EntityPicker kind="event" id={`action-${row.key}-event`} name={`actions.${i}.eventId`} label={`Action ${i + 1} event`} defaultValue={chosen(row.value.eventId, labels)} errors={errors[`actions.${i}.eventId`]} hint="The event where it happened, if recorded." />
              <TextField id={`action-${row.key}-note`} name={`actions.${i}.note`} label={`Action ${i + 1} note`} defaultValue={row.value.note} errors={errors[`actions.${i}.note`]} />
              <SourceRows prefix={`actions.${i}.sources`} idPrefix={`action-${row.key}-source`} title={`Action ${i + 1}`} initial={row.value.sources} err={(path: string) => errors[path]} />
            </div>
          ))}
          <Button size="sm" onClick={actions.add}>
            Add a treaty action
          </Button>
        </fieldset>
    </>
  );
}
