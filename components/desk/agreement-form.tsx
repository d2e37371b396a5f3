"use client";

import { SelectField } from "@/components/ui/field";
import type { AgreementFormValues, SourceFormValues } from "@/lib/agreements/agreement-input";
import { TREATY_ACTION_LABELS } from "@/lib/format/labels";
import { AGREEMENT_KIND_LABELS } from "@/lib/format/labels";
import { EntityPicker } from "./entity-picker";
import { chosenOption, PARTIAL_DATE_HINT, RowsFieldset, TextAreaField, TextField, useRows } from "./form-fields";
import { ReferenceEditor, type RecordFormProps, type ReferenceFieldsProps } from "./record-editor";
import styles from "./reference-form.module.css";

type ActionValues = AgreementFormValues["actions"][number];
const blankSource = (): SourceFormValues => ({ url: "", title: "", publisher: null, publishedOn: null, accessedOn: null, archiveUrl: null });
const blankAction = (): ActionValues => ({ id: "", countryId: "", type: "SIGNATURE", date: "", note: "", eventId: "", viaAgreementId: "", unconfirmedNote: "", sources: [] });
type Errors = (path: string) => string[] | undefined;

function SourceRows({ prefix, idPrefix, title, initial, err }: { prefix: string; idPrefix: string; title: string; initial: SourceFormValues[]; err: Errors }) {
  const rows = useRows(initial, blankSource);
  return (
    <RowsFieldset legend={title} noun={`${title.toLowerCase()} source`} rows={rows} emptyText="No sources yet." addLabel={`Add a source${title === "Agreement" ? "" : ` to ${title.toLowerCase()}`}`}>
      {(row, i) => (
        <>
          <div className={styles.grid}>
            <TextField id={`${idPrefix}-${row.key}-url`} name={`${prefix}.${i}.url`} label={`${title} source ${i + 1} URL`} type="url" required defaultValue={row.value.url} errors={err(`${prefix}.${i}.url`)} />
            <TextField id={`${idPrefix}-${row.key}-title`} name={`${prefix}.${i}.title`} label={`${title} source ${i + 1} title`} required defaultValue={row.value.title} errors={err(`${prefix}.${i}.title`)} />
            <TextField id={`${idPrefix}-${row.key}-publisher`} name={`${prefix}.${i}.publisher`} label={`${title} source ${i + 1} publisher`} defaultValue={row.value.publisher ?? ""} errors={err(`${prefix}.${i}.publisher`)} />
          </div>
          {/* Kept so an edit does not drop dates and archive links entered elsewhere. */}
          <input type="hidden" name={`${prefix}.${i}.publishedOn`} value={row.value.publishedOn ?? ""} />
          <input type="hidden" name={`${prefix}.${i}.accessedOn`} value={row.value.accessedOn ?? ""} />
          <input type="hidden" name={`${prefix}.${i}.archiveUrl`} value={row.value.archiveUrl ?? ""} />
        </>
      )}
    </RowsFieldset>
  );
}

/** Create or edit an agreement, with each party's treaty actions. */
export function AgreementForm(props: RecordFormProps<AgreementFormValues>) {
  return <ReferenceEditor kind="agreements" noun="agreement" lists={["sources", "actions"]} fields={AgreementFields} {...props} />;
}

function AgreementFields({ values, errors, labels }: ReferenceFieldsProps<AgreementFormValues>) {
  const actions = useRows(values.actions, blankAction);
  return (
    <>
        <TextField id="agreement-name" name="name" label="Name" required defaultValue={values.name} errors={errors["name"]} />
        <div className={styles.grid}>
          <SelectField id="agreement-kind" label="Kind" required errors={errors["kind"]} name="kind" defaultValue={values.kind} choices={AGREEMENT_KIND_LABELS} />
          <TextField id="agreement-concluded" name="concluded" label="Concluded on" defaultValue={values.concluded} errors={errors["concluded"]} hint={PARTIAL_DATE_HINT} />
          <TextField id="agreement-wikidata" name="wikidataId" label="Wikidata id" defaultValue={values.wikidataId} errors={errors["wikidataId"]} hint="Q followed by digits; leave empty when not known." />
        </div>
        <EntityPicker kind="agreement" id="agreement-parent" name="parentId" label="Parent agreement" defaultValue={chosenOption(values.parentId, labels)} errors={errors["parentId"]} />
        <TextAreaField id="agreement-summary" name="summary" label="Summary" defaultValue={values.summary} errors={errors["summary"]} rows={3} />
        <SourceRows prefix="sources" idPrefix="agreement-source" title="Agreement" initial={values.sources} err={(path: string) => errors[path]} />
        <RowsFieldset legend="Treaty actions by party" noun="action" rows={actions} emptyText="No treaty actions yet." addLabel="Add a treaty action">
          {(row, i) => (
            <>
              {/* The step's row: saving keeps it (and its id, which events name) instead of recording the step anew. */}
              <input type="hidden" name={`actions.${i}.id`} value={row.value.id} />
              <div className={styles.grid}>
                <EntityPicker kind="country" id={`action-${row.key}-party`} name={`actions.${i}.countryId`} label={`Action ${i + 1} party`} required defaultValue={chosenOption(row.value.countryId, labels)} errors={errors[`actions.${i}.countryId`]} />
                <SelectField id={`action-${row.key}-type`} label={`Action ${i + 1} type`} required errors={errors[`actions.${i}.type`]} name={`actions.${i}.type`} defaultValue={row.value.type} choices={TREATY_ACTION_LABELS} />
                <TextField id={`action-${row.key}-date`} name={`actions.${i}.date`} label={`Action ${i + 1} date`} defaultValue={row.value.date} errors={errors[`actions.${i}.date`]} hint={PARTIAL_DATE_HINT} />
              </div>
              <EntityPicker kind="event" id={`action-${row.key}-event`} name={`actions.${i}.eventId`} label={`Action ${i + 1} event`} defaultValue={chosenOption(row.value.eventId, labels)} errors={errors[`actions.${i}.eventId`]} hint="The event where it happened, if recorded." />
              <EntityPicker
                kind="agreement"
                id={`action-${row.key}-via`}
                name={`actions.${i}.viaAgreementId`}
                label={`Action ${i + 1} joined through`}
                defaultValue={chosenOption(row.value.viaAgreementId, labels)}
                errors={errors[`actions.${i}.viaAgreementId`]}
                hint="Only for “Joined through a related instrument”: the instrument the party acted on (e.g. a joint declaration)."
              />
              <TextField id={`action-${row.key}-note`} name={`actions.${i}.note`} label={`Action ${i + 1} note`} defaultValue={row.value.note} errors={errors[`actions.${i}.note`]} />
              <TextField
                id={`action-${row.key}-unconfirmed`}
                name={`actions.${i}.unconfirmedNote`}
                label={`Action ${i + 1} unconfirmed`}
                defaultValue={row.value.unconfirmedNote}
                errors={errors[`actions.${i}.unconfirmedNote`]}
                hint="What the sources leave unconfirmed about this step; readers see it marked as such."
              />
              <SourceRows prefix={`actions.${i}.sources`} idPrefix={`action-${row.key}-source`} title={`Action ${i + 1}`} initial={row.value.sources} err={(path: string) => errors[path]} />
            </>
          )}
        </RowsFieldset>
    </>
  );
}
