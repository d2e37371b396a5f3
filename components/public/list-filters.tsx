import Link from "next/link";
import { Field, SelectField, TextInput, type Choices } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { EVENT_TYPES } from "@/lib/api/list-query";
import { EVENT_TYPE_LABELS, label } from "@/lib/format/labels";
import type { FilterChoiceList, PublicFilterOptions } from "@/lib/api/filter-options";
import styles from "./list-filters.module.css";

export interface FilterValues {
  q?: string;
  country?: string;
  type?: string;
  topic?: string;
  agreement?: string;
  speaker?: string;
  from?: string;
  to?: string;
}

interface FilterSelect {
  name: keyof FilterValues;
  label: string;
  /** The first choice, meaning no filter. */
  empty: string;
  choices: Choices;
  hint?: string;
  /** The chosen value, where the form shows it otherwise than it came (country codes in lower case). */
  value?: string;
  isShown?: boolean;
}

/**
 * The filter form of /events, /statements and /search: a plain GET form, so it
 * works without JavaScript and every filtered view has a shareable URL.
 *
 * On a phone the filters fold away behind "Filters" (a <details>, no JavaScript), so
 * that a list or a search's results start on the first screen: the form alone took
 * the whole of it on /search. They are open when one is chosen or one is wrong. On
 * a wider screen they are always shown and the toggle is not (list-filters.module.css).
 */
export function ListFilters({
  action,
  options,
  values,
  show,
  errors = {},
}: {
  action: string;
  options: PublicFilterOptions;
  values: FilterValues;
  show: { type?: boolean; speaker?: boolean; q?: boolean };
  errors?: Record<string, string[]>;
}) {
  const chosen = Object.entries(values).filter(([k, v]) => k !== "q" && v).length;
  const hasFilters = chosen > 0;
  const open = hasFilters || Object.entries(errors).some(([k, messages]) => k !== "q" && messages.length > 0);
  const bySlug = (list: FilterChoiceList) => list.choices.map((r) => ({ value: r.slug, label: r.name }));
  // A long list is cut to the most used; the hint says so, and where the others are.
  const cutHint = (list: FilterChoiceList) => (list.total > list.choices.length ? `The ${list.choices.length.toLocaleString("en")} used most in recent items, of ${list.total.toLocaleString("en")}.` : undefined);
  const selects: FilterSelect[] = [
    { name: "country", label: "Country", empty: "Any country", value: values.country?.toLowerCase(), choices: options.countries.map((c) => ({ value: c.iso2.toLowerCase(), label: c.name })) },
    { name: "type", label: "Type", empty: "Any type", isShown: !!show.type, choices: EVENT_TYPES.map((t) => ({ value: t, label: label(EVENT_TYPE_LABELS, t) })) },
    { name: "speaker", label: "Speaker", empty: "Anyone", isShown: !!show.speaker, choices: bySlug(options.speakers), hint: cutHint(options.speakers) },
    { name: "topic", label: "Topic", empty: "Any topic", choices: bySlug(options.topics), hint: cutHint(options.topics) },
    { name: "agreement", label: "Agreement", empty: "Any agreement", choices: bySlug(options.agreements), hint: cutHint(options.agreements) },
  ];
  const actions = (
    <div className={styles.actions}>
      <button type="submit" className={buttonClass("primary")}>
        {show.q ? "Search" : "Apply filters"}
      </button>
      {hasFilters && (
        <Link href={show.q && values.q ? `${action}?q=${encodeURIComponent(values.q)}` : action} className={buttonClass("ghost")}>
          Clear filters
        </Link>
      )}
    </div>
  );
  return (
    <form action={action} method="get" className={styles.form} aria-label="Filters">
      {show.q && (
        <div className={styles.wide}>
          <Field id="filter-q" label="Search terms" hint='Use "quotes" for a phrase and -word to leave a word out.' errors={errors.q}>
            {(props) => <TextInput {...props} name="q" type="search" defaultValue={values.q ?? ""} maxLength={200} />}
          </Field>
        </div>
      )}
      <details className={styles.more} open={open}>
        <summary className={styles.toggle}>{hasFilters ? `Filters (${chosen} chosen)` : "Filters"}</summary>
        <div className={styles.fields}>
          {selects.filter((select) => select.isShown !== false).map((select) => (
            <SelectField
              key={select.name}
              id={`filter-${select.name}`}
              label={select.label}
              hint={select.hint}
              errors={errors[select.name]}
              name={select.name}
              defaultValue={select.value ?? values[select.name] ?? ""}
              empty={select.empty}
              choices={select.choices}
            />
          ))}
          {/* The two dates stay side by side, on whichever row they land. */}
          <div className={styles.dates}>
            <Field id="filter-from" label="From" hint="YYYY, YYYY-MM or YYYY-MM-DD" errors={errors.from}>
              {(props) => <TextInput {...props} name="from" defaultValue={values.from ?? ""} inputMode="numeric" maxLength={10} />}
            </Field>
            <Field id="filter-to" label="To" hint="YYYY, YYYY-MM or YYYY-MM-DD" errors={errors.to}>
              {(props) => <TextInput {...props} name="to" defaultValue={values.to ?? ""} inputMode="numeric" maxLength={10} />}
            </Field>
          </div>
          {!show.q && actions}
        </div>
      </details>
      {show.q && actions}
    </form>
  );
}
