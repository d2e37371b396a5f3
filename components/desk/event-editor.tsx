"use client";

import { useState } from "react";
import { CheckGroup, Checkbox } from "@/components/ui/check-group";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { EVENT_TYPE_LABELS, OCCURRENCE_LABELS } from "@/lib/format/labels";
import { LocalTimeFields } from "./form-fields";
import { ContentEditor, type ContentEditorProps, type EditorFieldsProps } from "./record-editor";
import { DatePrecisionField } from "./date-precision-field";
import { EntityMultiPicker } from "./entity-picker";
import { MarkdownField } from "./markdown-field";
import { ParticipantsEditor, type ParticipantValues } from "./participants-editor";
import { RefPicker } from "./ref-picker";
import { RefSelect, type RefOption } from "./ref-select";
import { SameDayEvents } from "./same-day";
import { SourcesEditor, type SourceValues } from "./sources-editor";
import styles from "./editor.module.css";

export interface EventValues {
  title?: string;
  summary?: string;
  body?: string;
  type?: string;
  date?: string | null;
  datePrecision?: string;
  dateApproximate?: boolean | string;
  endDate?: string | null;
  localTime?: string | null;
  timeZone?: string | null;
  dayOrder?: number | string;
  occurrence?: string;
  placeName?: string | null;
  countryId?: string | null;
  agreementId?: string | null;
  treatyActionId?: string | null;
  parentId?: string | null;
  ledToIds?: string[];
  unconfirmedNote?: string | null;
  participants?: ParticipantValues[];
  topicIds?: string[];
  sources?: SourceValues[];
}

export interface EventEditorOptions {
  /** Names for the ids the form starts with (pickers show names, submit ids). */
  labels: Record<string, string>;
  /** The country of each person or organization the form starts with (participant rows show it). */
  countryOf: Record<string, { id: string; name: string }>;
  treatyActions: RefOption[];
  topics: RefOption[];
}

const LISTS = ["participants", "topicIds", "ledToIds", "sources"];

/** The event form: every field of an event, with the workflow beside it. */
export function EventEditor(props: ContentEditorProps<EventValues, EventEditorOptions>) {
  return <ContentEditor kind="events" noun="event" lists={LISTS} fields={EventFields} {...props} />;
}

/** The fields, with the type and the place's country kept in state: participants' roles follow from them. */
function EventFields({ values, errors, options, recordId }: EditorFieldsProps<EventValues> & { options: EventEditorOptions; recordId: string | null }) {
  const [type, setType] = useState(values.type ?? "");
  const [placeCountryId, setPlaceCountryId] = useState(values.countryId ?? null);
  // The day and the names chosen, for the events already recorded on that day with those countries.
  const [date, setDate] = useState(values.date ?? "");
  const [participantRefs, setParticipantRefs] = useState<string[]>([]);
  const sameDayRefs = [...(placeCountryId ? [`country:${placeCountryId}`] : []), ...participantRefs];
  return (
    <>
      <fieldset className={styles.section}>
        <legend>The event</legend>
        <Field id="event-title" label="Title" errors={errors.title} required>
          {(p) => <TextInput {...p} name="title" defaultValue={values.title ?? ""} />}
        </Field>
        <Field id="event-summary" label="Summary" errors={errors.summary} required hint="One or two sentences for lists and feeds">
          {(p) => <TextArea {...p} name="summary" defaultValue={values.summary ?? ""} rows={3} />}
        </Field>
        <MarkdownField id="event-body" name="body" label="Body" defaultValue={values.body ?? ""} errors={errors.body} hint="Markdown; links may be http, https, mailto or a page of this site (“Link to a record”)" />
        <div className={styles.grid2}>
          <Field id="event-type" label="Type" errors={errors.type} required>
            {(p) => (
              <Select {...p} name="type" defaultValue={values.type ?? ""} onChange={(e) => setType(e.target.value)}>
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
          onDateChange={setDate}
        />
        <Checkbox
          id="event-approximate"
          name="dateApproximate"
          label="Approximate date (“c.”), as when a source says “the mid-1990s”"
          defaultChecked={values.dateApproximate === true || values.dateApproximate === "on"}
          errors={errors.dateApproximate}
        />
        <div className={styles.grid2}>
          <Field
            id="event-day-order"
            label="Position in the day"
            errors={errors.dayOrder}
            hint="1, 2, 3… among the events of the same day: the order of their local times where a source gives them, otherwise the order the sources tell"
          >
            {(p) => <TextInput {...p} name="dayOrder" inputMode="numeric" defaultValue={values.dayOrder ? String(values.dayOrder) : ""} autoComplete="off" />}
          </Field>
          <LocalTimeFields idPrefix="event" timeName="localTime" time={values.localTime} zone={values.timeZone} errors={errors} />
          <Field id="event-place" label="Place" errors={errors.placeName}>
            {(p) => <TextInput {...p} name="placeName" defaultValue={values.placeName ?? ""} />}
          </Field>
          <RefPicker kind="country" id="event-country" name="countryId" label="Country of the place" value={values.countryId} labels={options.labels} errors={errors.countryId} onChange={(c) => setPlaceCountryId(c?.id ?? null)} />
        </div>
      </fieldset>

      <ParticipantsEditor
        idPrefix="event"
        initial={values.participants ?? []}
        errors={errors}
        labels={options.labels}
        countryOf={options.countryOf}
        eventType={type}
        placeCountryId={placeCountryId}
        onChosen={setParticipantRefs}
      />
      <SameDayEvents date={date} refs={sameDayRefs} except={recordId} type={type} />

      <fieldset className={styles.section}>
        <legend>Context</legend>
        <div className={styles.grid2}>
          <RefPicker kind="agreement" id="event-agreement" name="agreementId" label="Agreement" value={values.agreementId} labels={options.labels} errors={errors.agreementId} />
          <RefSelect id="event-treaty-action" name="treatyActionId" label="Treaty action" options={options.treatyActions} defaultValue={values.treatyActionId} errors={errors.treatyActionId} />
          <RefPicker kind="event" id="event-parent" name="parentId" label="Part of (parent event)" value={values.parentId} labels={options.labels} errors={errors.parentId} />
        </div>
        <EntityMultiPicker
          kind="event"
          id="event-led-to"
          name="ledToIds"
          label="Led to"
          hint="Events this one led to, as the sources tell it; their pages show that they followed from this one"
          defaultValue={(values.ledToIds ?? []).map((id) => ({ id, label: options.labels[id] ?? id }))}
          errors={Object.entries(errors).flatMap(([field, messages]) => (field === "ledToIds" || field.startsWith("ledToIds.") ? messages : []))}
        />
        <Field id="event-unconfirmed" label="Unconfirmed" errors={errors.unconfirmedNote} hint="What the sources leave unconfirmed (e.g. “Whether the meeting was held over breakfast.”); readers see it as such">
          {(p) => <TextArea {...p} name="unconfirmedNote" defaultValue={values.unconfirmedNote ?? ""} rows={2} />}
        </Field>
        <CheckGroup id="event-topics" legend="Topics" name="topicIds" options={options.topics.map((t) => ({ value: t.id, label: t.label }))} selected={values.topicIds ?? []} errors={errors.topicIds} empty="None recorded yet." />
      </fieldset>

      <SourcesEditor idPrefix="event" initial={values.sources ?? []} errors={errors} />
    </>
  );
}
