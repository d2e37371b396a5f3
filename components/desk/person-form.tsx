"use client";

import type { PersonFormValues } from "@/lib/people/person-input";
import { EntityPicker } from "./entity-picker";
import { chosenOption, PARTIAL_DATE_HINT, RowsFieldset, TextAreaField, TextField, useRows } from "./form-fields";
import { ReferenceEditor, type RecordFormProps, type ReferenceFieldsProps } from "./record-editor";
import styles from "./reference-form.module.css";
import { NameField } from "./same-names";

const blankOffice = (): PersonFormValues["offices"][number] => ({ title: "", countryId: "", organizationId: "", start: "", end: "" });

/** Create or edit a person with the offices they held. */
export function PersonForm(props: RecordFormProps<PersonFormValues>) {
  return <ReferenceEditor kind="people" noun="person" lists={["offices"]} fields={PersonFields} {...props} />;
}

function PersonFields({ values, errors, labels, recordId }: ReferenceFieldsProps<PersonFormValues>) {
  const offices = useRows(values.offices, blankOffice);
  return (
    <>
        <NameField id="person-name" kind="person" defaultValue={values.name} errors={errors["name"]} maxLength={200} recordId={recordId} />
        <div className={styles.grid}>
          <EntityPicker kind="country" id="person-country" name="countryId" label="Country" defaultValue={chosenOption(values.countryId, labels)} errors={errors["countryId"]} />
          <TextField id="person-wikidata" name="wikidataId" label="Wikidata id" defaultValue={values.wikidataId} errors={errors["wikidataId"]} hint="Q followed by digits; leave empty when not known." />
        </div>
        <TextAreaField id="person-description" name="description" label="Description" defaultValue={values.description} errors={errors["description"]} rows={3} />
        <RowsFieldset legend="Offices held" noun="office" rows={offices} emptyText="No offices yet." addLabel="Add an office">
          {(row, i) => (
            <>
              <TextField id={`office-${row.key}-title`} name={`offices.${i}.title`} label="Title" required defaultValue={row.value.title} errors={errors[`offices.${i}.title`]} />
              <div className={styles.grid}>
                <EntityPicker kind="country" id={`office-${row.key}-country`} name={`offices.${i}.countryId`} label="For country" defaultValue={chosenOption(row.value.countryId, labels)} errors={errors[`offices.${i}.countryId`]} />
                <EntityPicker kind="organization" id={`office-${row.key}-organization`} name={`offices.${i}.organizationId`} label="For organization" defaultValue={chosenOption(row.value.organizationId, labels)} errors={errors[`offices.${i}.organizationId`]} />
              </div>
              <div className={styles.grid}>
                <TextField id={`office-${row.key}-start`} name={`offices.${i}.start`} label="From" defaultValue={row.value.start} errors={errors[`offices.${i}.start`]} hint={PARTIAL_DATE_HINT} />
                <TextField id={`office-${row.key}-end`} name={`offices.${i}.end`} label="To" defaultValue={row.value.end} errors={errors[`offices.${i}.end`]} hint="Empty while still in office." />
              </div>
            </>
          )}
        </RowsFieldset>
    </>
  );
}
