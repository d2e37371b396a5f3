"use client";

import type { TopicFormValues } from "@/lib/topics/topic-input";
import { TextAreaField, TextField } from "./form-fields";
import { ReferenceEditor, type RecordFormProps, type ReferenceFieldsProps } from "./record-editor";

/** Create or edit a topic; its slug comes from the name when it is created. */
export function TopicForm(props: RecordFormProps<TopicFormValues>) {
  return <ReferenceEditor kind="topics" noun="topic" fields={TopicFields} {...props} />;
}

function TopicFields({ values, errors }: ReferenceFieldsProps<TopicFormValues>) {
  return (
    <>
      <TextField id="topic-name" name="name" label="Name" required defaultValue={values.name} errors={errors.name} maxLength={120} />
      <TextAreaField id="topic-description" name="description" label="Description" defaultValue={values.description} errors={errors.description} rows={3} />
    </>
  );
}
