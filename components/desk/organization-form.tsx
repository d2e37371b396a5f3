"use client";

import { SelectField } from "@/components/ui/field";
import type { OrganizationFormValues } from "@/lib/organizations/organization-input";
import { ORGANIZATION_KIND_LABELS } from "@/lib/lookup/labels";
import { EntityPicker } from "./entity-picker";
import { chosenOption, RowsFieldset, TextAreaField, TextField, useRows } from "./form-fields";
import { ReferenceEditor, type RecordFormProps, type ReferenceFieldsProps } from "./record-editor";
import styles from "./reference-form.module.css";
import { NameField } from "./same-names";

const blankMember = (): OrganizationFormValues["members"][number] => ({ countryId: "", joinedOn: "", leftOn: "" });

/** Create or edit an organization with its member countries. */
export function OrganizationForm(props: RecordFormProps<OrganizationFormValues>) {
  return <ReferenceEditor kind="organizations" noun="organization" lists={["members"]} fields={OrganizationFields} {...props} />;
}

function OrganizationFields({ values, errors, labels, recordId }: ReferenceFieldsProps<OrganizationFormValues>) {
  const members = useRows(values.members, blankMember);
  return (
    <>
        <NameField id="org-name" kind="organization" defaultValue={values.name} errors={errors["name"]} recordId={recordId} />
        <div className={styles.grid}>
          <TextField id="org-acronym" name="acronym" label="Acronym" defaultValue={values.acronym} errors={errors["acronym"]} />
          <SelectField id="org-kind" label="Kind" required errors={errors["kind"]} name="kind" defaultValue={values.kind} choices={ORGANIZATION_KIND_LABELS} />
          <TextField id="org-wikidata" name="wikidataId" label="Wikidata id" defaultValue={values.wikidataId} errors={errors["wikidataId"]} hint="Q followed by digits; leave empty when not known." />
        </div>
        <EntityPicker kind="country" id="org-country" name="countryId" label="Country (government bodies only)" defaultValue={chosenOption(values.countryId, labels)} errors={errors["countryId"]} />
        <TextAreaField id="org-description" name="description" label="Description" defaultValue={values.description} errors={errors["description"]} rows={3} />
        <RowsFieldset legend="Member countries" noun="member" rows={members} emptyText="No members yet." addLabel="Add a member country">
          {(row, i) => (
            <>
              <div className={styles.grid}>
                <EntityPicker kind="country" id={`member-${row.key}-country`} name={`members.${i}.countryId`} label={`Member ${i + 1} country`} required defaultValue={chosenOption(row.value.countryId, labels)} errors={errors[`members.${i}.countryId`]} />
                <TextField id={`member-${row.key}-joined`} name={`members.${i}.joinedOn`} label={`Member ${i + 1} joined on`} type="date" defaultValue={row.value.joinedOn} errors={errors[`members.${i}.joinedOn`]} />
                <TextField id={`member-${row.key}-left`} name={`members.${i}.leftOn`} label={`Member ${i + 1} left on`} type="date" defaultValue={row.value.leftOn} errors={errors[`members.${i}.leftOn`]} />
              </div>
            </>
          )}
        </RowsFieldset>
    </>
  );
}
