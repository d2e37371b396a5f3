"use client";

import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { EVENT_TYPE_LABELS, OCCURRENCE_LABELS } from "@/lib/format/labels";
import type { Transition } from "@/lib/publication/transitions";
import { RecordEditor } from "./record-editor";
import { DatePrecisionField } from "./date-precision-field";
import { MarkdownField } from "./markdown-field";
import { ParticipantsEditor, type ParticipantValues } from "./participants-editor";
import { RefPicker } from "./ref-picker";
import { RefSelect, type RefOption } from "./ref-select";
import { SourcesEditor, type SourceValues } from "./sources-editor";
import { TopicChecks } from "./topic-checks";
import styles from "./editor.module.css";

export interface EventValues {
  title?: string;
  summary?: string;
  body?: string;
  type?: string;
  date?: string | null;
  datePrecision?: string;
  endDate?: string | null;
  localTime?: string | null;
  timeZone?: string | null;
  occurrence?: string;
  placeName?: string | null;
  countryId?: string | null;
  agreementId?: string | null;
  treatyActionId?: string | null;
  parentId?: string | null;
  participants?: ParticipantValues[];
  topicIds?: string[];
  sources?: SourceValues[];
}

export interface EventEditorOptions {
  /** Names for the ids the form starts with (pickers show names, submit ids). */
  labels: Record<string, string>;
  treatyActions: RefOption[];
  topics: RefOption[];
}

const LISTS = ["participants", "topicIds", "sources"];

/** The event form: every field of an event, with the workflow beside it. */
export function EventEditor({ options, ...props }: {
  id: string | null;
  version: number;
  status: string;
  transitions: Transition[];
  canSave: boolean;
  initial: EventValues;
  options: EventEditorOptions;
}) {

  return (
    <RecordEditor kind="events" noun="event" lists={LISTS} saveLabel="Save draft" deleteLabel="Delete draft" {...props}>
      {({ values, errors }) => (
        <>
          <fieldset className={styles.section}>
            <legend>The event</legend>
            <Field id="event-title" label="Title" errors={errors.title} required>
              {(p) => <TextInput {...p} name="title" defaultValue={values.title ?? ""} />}
            </Field>
            <Field id="event-summary" label="Summary" errors={errors.summary} required hint="One or two sentences for lists and feeds">
              {(p) => <TextArea {...p} name="summary" defaultValue={values.summary ?? ""} rows={3} />}
            </Field>
            <MarkdownField id="event-body" name="body" label="Body" defaultValue={values.body ?? ""} errors={errors.body} hint="Markdown; links may be http, https or mailto" />
            <div className={styles.grid2}>
              <Field id="event-type" label="Type" errors={errors.type} required>
                {(p) => (
                  <Select {...p} name="type" defaultValue={values.type ?? ""}>
                    <option value="">— choose —</option>
                    {Object.entries(EVENT_TYPE_LABELS).map(([v, l]) => (
                      <option key={v} value={v}>{l}</option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id="event-occurrence" label="Occurrence" errors={errors.occurrence}>
                {(p) => (
                  <Select {...p} name="occurrence" defaultValue={values.occurrence ?? "OCCURRED"}>
                    {Object.entries(OCCURRENCE_LABELS).map(([v, l]) => (
                      <option key={v} value={v}>{l}</option>
                    ))}
                  </Select>
                )}
              </Field>
            </div>
          </fieldset>

          <fieldset className={styles.section}>
            <legend>When and where</legend>
            <DatePrecisionField
              idPrefix="event"
              dateName="date"
              precisionName="datePrecision"
              endName="endDate"
              dateLabel="Date"
              values={{ date: values.date ?? "", precision: values.datePrecision ?? "DAY", end: values.endDate ?? "" }}
              errors={errors}
            />
            <div className={styles.grid2}>
              <Field id="event-time" label="Local time" errors={errors.localTime} hint="HH:MM, 24-hour">
                {(p) => <TextInput {...p} name="localTime" defaultValue={values.localTime ?? ""} autoComplete="off" />}
              </Field>
              <Field id="event-zone" label="Time zone" errors={errors.timeZone} hint="IANA name, e.g. America/New_York">
                {(p) => <TextInput {...p} name="timeZone" defaultValue={values.timeZone ?? ""} autoComplete="off" />}
              </Field>
              <Field id="event-place" label="Place" errors={errors.placeName}>
                {(p) => <TextInput {...p} name="placeName" defaultValue={values.placeName ?? ""} />}
              </Field>
              <RefPicker kind="country" id="event-country" name="countryId" label="Country of the place" value={values.countryId} labels={options.labels} errors={errors.countryId} />
            </div>
          </fieldset>

          <ParticipantsEditor idPrefix="event" initial={values.participants ?? []} errors={errors} labels={options.labels} />

          <fieldset className={styles.section}>
            <legend>Context</legend>
            <div className={styles.grid2}>
              <RefPicker kind="agreement" id="event-agreement" name="agreementId" label="Agreement" value={values.agreementId} labels={options.labels} errors={errors.agreementId} />
              <RefSelect id="event-treaty-action" name="treatyActionId" label="Treaty action" options={options.treatyActions} defaultValue={values.treatyActionId} errors={errors.treatyActionId} />
              <RefPicker kind="event" id="event-parent" name="parentId" label="Part of (parent event)" value={values.parentId} labels={options.labels} errors={errors.parentId} />
            </div>
            <TopicChecks idPrefix="event" topics={options.topics} selected={values.topicIds ?? []} errors={errors.topicIds} />
          </fieldset>

          <SourcesEditor idPrefix="event" initial={values.sources ?? []} errors={errors} />
        </>
      )}
    </RecordEditor>
  );
}
