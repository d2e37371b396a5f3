"use client";

import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { MEDIUM_LABELS } from "@/lib/format/labels";
import type { Transition } from "@/lib/publication/transitions";
import { RecordEditor } from "./record-editor";
import { EntityMultiPicker } from "./entity-picker";
import { DatePrecisionField } from "./date-precision-field";
import { RefPicker } from "./ref-picker";
import type { RefOption } from "./ref-select";
import { SourcesEditor, type SourceValues } from "./sources-editor";
import { TopicChecks } from "./topic-checks";
import styles from "./editor.module.css";

export interface StatementValues {
  title?: string;
  text?: string;
  language?: string;
  translation?: string | null;
  translatedBy?: string | null;
  speakerId?: string | null;
  speakerLabel?: string | null;
  speakerTitle?: string | null;
  attribution?: string;
  medium?: string;
  platform?: string | null;
  quoteType?: string;
  saidOn?: string | null;
  saidPrecision?: string;
  saidTime?: string | null;
  timeZone?: string | null;
  eventId?: string | null;
  context?: string | null;
  countryIds?: string[];
  topicIds?: string[];
  sources?: SourceValues[];
}

const ATTRIBUTIONS = { ON_RECORD: "On the record", SPOKESPERSON: "Spokesperson", ANONYMOUS: "Anonymous" };
const QUOTE_TYPES = { DIRECT: "Direct quote", PARTIAL: "Partial quote", PARAPHRASE: "Paraphrase" };
const LISTS = ["countryIds", "topicIds", "sources"];

/** The statement form: what was said, by whom, how, when, and the sources. */
export function StatementEditor({ options, ...props }: {
  id: string | null;
  version: number;
  status: string;
  transitions: Transition[];
  canSave: boolean;
  initial: StatementValues;
  options: { labels: Record<string, string>; topics: RefOption[] };
}) {
  return (
    <RecordEditor kind="statements" noun="statement" lists={LISTS} saveLabel="Save draft" deleteLabel="Delete draft" {...props}>
      {({ values, errors }) => (
        <>
          <fieldset className={styles.section}>
            <legend>What was said</legend>
            <Field id="statement-title" label="Headline" errors={errors.title} required hint="A short line for lists and feeds">
              {(p) => <TextInput {...p} name="title" defaultValue={values.title ?? ""} />}
            </Field>
            <Field id="statement-text" label="Verbatim text" errors={errors.text} required hint="Exactly as said, in the original language">
              {(p) => <TextArea {...p} name="text" defaultValue={values.text ?? ""} rows={6} />}
            </Field>
            <div className={styles.grid3}>
              <Field id="statement-language" label="Language" errors={errors.language} required hint="Language tag: en, kk, ru, he…">
                {(p) => <TextInput {...p} name="language" defaultValue={values.language ?? "en"} autoComplete="off" />}
              </Field>
              <Field id="statement-quote-type" label="Quote type" errors={errors.quoteType}>
                {(p) => (
                  <Select {...p} name="quoteType" defaultValue={values.quoteType ?? "DIRECT"}>
                    {Object.entries(QUOTE_TYPES).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                  </Select>
                )}
              </Field>
              <Field id="statement-translated-by" label="Translated by" errors={errors.translatedBy} hint="Needed when not in English">
                {(p) => <TextInput {...p} name="translatedBy" defaultValue={values.translatedBy ?? ""} />}
              </Field>
            </div>
            <Field id="statement-translation" label="English translation" errors={errors.translation} hint="Needed when the statement is not in English">
              {(p) => <TextArea {...p} name="translation" defaultValue={values.translation ?? ""} rows={4} />}
            </Field>
          </fieldset>

          <fieldset className={styles.section}>
            <legend>Who said it, and how</legend>
            <div className={styles.grid2}>
              <RefPicker kind="person" id="statement-speaker" name="speakerId" label="Speaker" value={values.speakerId} labels={options.labels} errors={errors.speakerId} />
              <Field id="statement-speaker-label" label="Speaker label" errors={errors.speakerLabel} hint="When unnamed, e.g. “a senior US official”">
                {(p) => <TextInput {...p} name="speakerLabel" defaultValue={values.speakerLabel ?? ""} />}
              </Field>
              <Field id="statement-speaker-title" label="Speaker's title at the time" errors={errors.speakerTitle}>
                {(p) => <TextInput {...p} name="speakerTitle" defaultValue={values.speakerTitle ?? ""} />}
              </Field>
              <Field id="statement-attribution" label="Attribution" errors={errors.attribution}>
                {(p) => (
                  <Select {...p} name="attribution" defaultValue={values.attribution ?? "ON_RECORD"}>
                    {Object.entries(ATTRIBUTIONS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                  </Select>
                )}
              </Field>
              <Field id="statement-medium" label="Medium" errors={errors.medium} required>
                {(p) => (
                  <Select {...p} name="medium" defaultValue={values.medium ?? ""}>
                    <option value="">— choose —</option>
                    {Object.entries(MEDIUM_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                  </Select>
                )}
              </Field>
              <Field id="statement-platform" label="Platform" errors={errors.platform} hint="e.g. Truth Social">
                {(p) => <TextInput {...p} name="platform" defaultValue={values.platform ?? ""} />}
              </Field>
            </div>
          </fieldset>

          <fieldset className={styles.section}>
            <legend>When, and in what context</legend>
            <DatePrecisionField
              idPrefix="statement"
              dateName="saidOn"
              precisionName="saidPrecision"
              dateLabel="Said on"
              values={{ date: values.saidOn ?? "", precision: values.saidPrecision ?? "DAY" }}
              errors={errors}
            />
            <div className={styles.grid2}>
              <Field id="statement-time" label="Local time" errors={errors.saidTime} hint="HH:MM, 24-hour">
                {(p) => <TextInput {...p} name="saidTime" defaultValue={values.saidTime ?? ""} autoComplete="off" />}
              </Field>
              <Field id="statement-zone" label="Time zone" errors={errors.timeZone} hint="IANA name, e.g. America/New_York">
                {(p) => <TextInput {...p} name="timeZone" defaultValue={values.timeZone ?? ""} autoComplete="off" />}
              </Field>
            </div>
            <RefPicker kind="event" id="statement-event" name="eventId" label="Event" value={values.eventId} labels={options.labels} errors={errors.eventId} hint="The event it was said at or about" />
            <Field id="statement-context" label="Context" errors={errors.context}>
              {(p) => <TextArea {...p} name="context" defaultValue={values.context ?? ""} rows={3} />}
            </Field>
            <TopicChecks idPrefix="statement" topics={options.topics} selected={values.topicIds ?? []} errors={errors.topicIds} />
          </fieldset>

          <fieldset className={styles.section}>
            <legend>Countries concerned</legend>
            <EntityMultiPicker
              kind="country"
              id="statement-countries"
              name="countryIds"
              label="Countries"
              defaultValue={(values.countryIds ?? []).map((id) => ({ id, label: options.labels[id] ?? id }))}
              errors={errors.countryIds}
            />
          </fieldset>
          <SourcesEditor idPrefix="statement" initial={values.sources ?? []} errors={errors} />
        </>
      )}
    </RecordEditor>
  );
}
