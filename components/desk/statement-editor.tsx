"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckGroup } from "@/components/ui/check-group";
import { Field, SelectField, TextArea, TextInput } from "@/components/ui/field";
import { formatDate, type Precision } from "@/lib/format/date";
import { MEDIUM_LABELS, QUOTE_TYPE_FORM_LABELS, VERBATIM_TEXT_HINT } from "@/lib/format/labels";
import { LocalTimeFields } from "./form-fields";
import { ContentEditor, type ContentEditorProps, type EditorFieldsProps } from "./record-editor";
import { EntityMultiPicker, type EntityOption } from "./entity-picker";
import { DatePrecisionField } from "./date-precision-field";
import { SameDayStatements } from "./same-day";
import { RefPicker } from "./ref-picker";
import type { RefOption } from "./ref-select";
import { SourcesEditor, type SourceValues } from "./sources-editor";
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
const LISTS = ["countryIds", "topicIds", "sources"];

/** The statement form: what was said, by whom, how, when, and the sources. */
export function StatementEditor(props: ContentEditorProps<StatementValues, StatementOptions>) {
  return <ContentEditor kind="statements" noun="statement" lists={LISTS} fields={StatementFields} {...props} />;
}

type StatementOptions = { labels: Record<string, string>; topics: RefOption[] };
interface EventFacts {
  date: string;
  precision: Precision;
  countries: Array<{ id: string; name: string }>;
}

/** A look-up of what a chosen record tells the form (lib/lookup/record-facts.ts); null when it cannot be had. */
async function fetchFacts<T>(params: Record<string, string>): Promise<T | null> {
  try {
    const response = await fetch(`/api/desk/lookup/facts?${new URLSearchParams(params)}`, { headers: { accept: "application/json" } });
    return response.ok ? ((await response.json()) as { facts: T }).facts : null;
  } catch {
    return null;
  }
}

const readableDate = (text: string, precision: Precision) => {
  const day = text.length === 4 ? `${text}-01-01` : text.length === 7 ? `${text}-01` : text;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? text : formatDate(date, precision);
};

/**
 * The fields. The speaker's title, the date said and the countries are held here
 * because the form fills them in: the title the chosen speaker held on that day
 * (from their offices, until the editor types one), and, on request, the chosen
 * event's date and countries.
 */
function StatementFields({ values, errors, options, recordId }: EditorFieldsProps<StatementValues> & { options: StatementOptions; recordId: string | null }) {
  const [speakerId, setSpeakerId] = useState(values.speakerId ?? null);
  const [said, setSaid] = useState({ date: values.saidOn ?? "", precision: values.saidPrecision ?? "DAY" });
  const [title, setTitle] = useState(values.speakerTitle ?? "");
  // A title already there (or typed) is the editor's: the offices never overwrite it.
  const [isTitleTyped, setTitleTyped] = useState(Boolean(values.speakerTitle));
  const [titleNote, setTitleNote] = useState<string | null>(null);
  const [countries, setCountries] = useState<EntityOption[]>(() => (values.countryIds ?? []).map((id) => ({ id, label: options.labels[id] ?? id })));
  const [eventFacts, setEventFacts] = useState<EventFacts | null>(null);
  const [eventNote, setEventNote] = useState<string | null>(null);
  // A filled-in value changes no field by typing: tell the editor frame, which saves what changed.
  const sectionRef = useRef<HTMLFieldSetElement>(null);
  const [filled, setFilled] = useState(0);
  useEffect(() => {
    if (filled) sectionRef.current?.dispatchEvent(new Event("input", { bubbles: true }));
  }, [filled]);

  useEffect(() => {
    if (!speakerId || isTitleTyped) return;
    const on = /^\d{4}(-\d{2}){0,2}$/.test(said.date.trim()) ? said.date.trim() : "";
    let isCurrent = true;
    const timer = setTimeout(async () => {
      const facts = await fetchFacts<{ title: string | null }>({ kind: "person", id: speakerId, on });
      if (!isCurrent || !facts) return;
      setTitle(facts.title ?? "");
      setTitleNote(facts.title ? `From their offices${on ? ` on ${on}` : " today"}; change it if the source says otherwise.` : `No office on record for ${on || "today"}: type the title if the source gives one.`);
      setFilled((n) => n + 1);
    }, 200);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [speakerId, said.date, isTitleTyped]);

  const takeEventFacts = (facts: EventFacts) => {
    if (facts.date) setSaid({ date: facts.date, precision: facts.precision });
    setCountries((list) => [...list, ...facts.countries.filter((c) => !list.some((o) => o.id === c.id)).map((c) => ({ id: c.id, label: c.name }))]);
    setEventFacts(null);
    setEventNote("The event's date and countries are filled in below.");
    setFilled((n) => n + 1);
  };

  return (
    <>
      <fieldset className={styles.section}>
        <legend>What was said</legend>
        <Field id="statement-title" label="Headline" errors={errors.title} required hint="A short line for lists and feeds">
          {(p) => <TextInput {...p} name="title" defaultValue={values.title ?? ""} />}
        </Field>
        <Field id="statement-text" label="Verbatim text" errors={errors.text} required hint={VERBATIM_TEXT_HINT}>
          {(p) => <TextArea {...p} name="text" defaultValue={values.text ?? ""} rows={6} />}
        </Field>
        <div className={styles.grid3}>
          <Field id="statement-language" label="Language" errors={errors.language} required hint="Language tag: en, kk, ru, he…">
            {(p) => <TextInput {...p} name="language" defaultValue={values.language ?? "en"} autoComplete="off" />}
          </Field>
          <SelectField id="statement-quote-type" label="Quote type" errors={errors.quoteType} name="quoteType" defaultValue={values.quoteType ?? "DIRECT"} choices={QUOTE_TYPE_FORM_LABELS} />
          <Field id="statement-translated-by" label="Translated by" errors={errors.translatedBy} hint="Needed when not in English">
            {(p) => <TextInput {...p} name="translatedBy" defaultValue={values.translatedBy ?? ""} />}
          </Field>
        </div>
        <Field id="statement-translation" label="English translation" errors={errors.translation} hint="Needed when the statement is not in English">
          {(p) => <TextArea {...p} name="translation" defaultValue={values.translation ?? ""} rows={4} />}
        </Field>
      </fieldset>

      <fieldset className={styles.section} ref={sectionRef}>
        <legend>Who said it, and how</legend>
        <div className={styles.grid2}>
          <RefPicker
            kind="person"
            id="statement-speaker"
            name="speakerId"
            label="Speaker"
            value={values.speakerId}
            labels={options.labels}
            errors={errors.speakerId}
            onChange={(person) => {
              setSpeakerId(person?.id ?? null);
              // Another speaker held another office: their title replaces the one for the speaker before.
              if (person && person.id !== speakerId) setTitleTyped(false);
            }}
          />
          <Field id="statement-speaker-label" label="Speaker label" errors={errors.speakerLabel} hint="When unnamed, e.g. “a senior US official”">
            {(p) => <TextInput {...p} name="speakerLabel" defaultValue={values.speakerLabel ?? ""} />}
          </Field>
          <Field id="statement-speaker-title" label="Speaker's title at the time" errors={errors.speakerTitle} hint={titleNote ?? undefined}>
            {(p) => (
              <TextInput
                {...p}
                name="speakerTitle"
                value={title}
                onChange={(e) => {
                  setTitle(e.target.value);
                  setTitleTyped(true);
                  setTitleNote(null);
                }}
              />
            )}
          </Field>
          <SelectField id="statement-attribution" label="Attribution" errors={errors.attribution} name="attribution" defaultValue={values.attribution ?? "ON_RECORD"} choices={ATTRIBUTIONS} />
          <SelectField id="statement-medium" label="Medium" errors={errors.medium} required name="medium" defaultValue={values.medium ?? ""} empty="— choose —" choices={MEDIUM_LABELS} />
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
          controlled={{ ...said, onChange: setSaid }}
        />
        <SameDayStatements date={said.precision === "DAY" ? said.date : ""} speaker={speakerId} except={recordId} />
        <div className={styles.grid2}>
          <LocalTimeFields idPrefix="statement" timeName="saidTime" time={values.saidTime} zone={values.timeZone} errors={errors} />
        </div>
        <RefPicker
          kind="event"
          id="statement-event"
          name="eventId"
          label="Event"
          value={values.eventId}
          labels={options.labels}
          errors={errors.eventId}
          hint="The event it was said at or about"
          onChange={async (event) => {
            setEventFacts(null);
            setEventNote(null);
            if (!event) return;
            setEventFacts(await fetchFacts<EventFacts>({ kind: "event", id: event.id }));
          }}
        />
        {eventFacts && (eventFacts.date || eventFacts.countries.length > 0) && (
          <div className={styles.offer} role="group" aria-label="From the event">
            <span>
              The event: {[eventFacts.date ? readableDate(eventFacts.date, eventFacts.precision) : null, eventFacts.countries.map((c) => c.name).join(", ") || null].filter(Boolean).join(" · ")}
            </span>
            <Button size="sm" onClick={() => takeEventFacts(eventFacts)}>
              Use its date and countries
            </Button>
          </div>
        )}
        {eventNote && (
          <p className={`small muted ${styles.offer}`} role="status">
            {eventNote}
          </p>
        )}
        <Field id="statement-context" label="Context" errors={errors.context}>
          {(p) => <TextArea {...p} name="context" defaultValue={values.context ?? ""} rows={3} />}
        </Field>
        <CheckGroup id="statement-topics" legend="Topics" name="topicIds" options={options.topics.map((t) => ({ value: t.id, label: t.label }))} selected={values.topicIds ?? []} errors={errors.topicIds} empty="None recorded yet." />
      </fieldset>

      <fieldset className={styles.section}>
        <legend>Countries concerned</legend>
        <EntityMultiPicker
          kind="country"
          id="statement-countries"
          name="countryIds"
          label="Countries"
          value={countries}
          onValueChange={setCountries}
          errors={errors.countryIds}
        />
      </fieldset>
      <SourcesEditor idPrefix="statement" initial={values.sources ?? []} errors={errors} />
    </>
  );
}
