import Link from "next/link";
import { Field, Select, TextInput } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { EVENT_TYPES } from "@/lib/api/list-query";
import { EVENT_TYPE_LABELS, label } from "@/lib/format/labels";
import type { PublicFilterOptions } from "@/lib/api/filter-options";
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

/**
 * The filter form of /events, /statements and /search: a plain GET form, so it
 * works without JavaScript and every filtered view has a shareable URL.
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
  const hasFilters = Object.entries(values).some(([k, v]) => k !== "q" && v);
  return (
    <form action={action} method="get" className={styles.form} aria-label="Filters">
      {show.q && (
        <div className={styles.wide}>
          <Field id="filter-q" label="Search terms" hint='Use "quotes" for a phrase and -word to leave a word out.' errors={errors.q}>
            {(props) => <TextInput {...props} name="q" type="search" defaultValue={values.q ?? ""} maxLength={200} />}
          </Field>
        </div>
      )}
      <Field id="filter-country" label="Country" errors={errors.country}>
        {(props) => (
          <Select {...props} name="country" defaultValue={values.country?.toLowerCase() ?? ""}>
            <option value="">Any country</option>
            {options.countries.map((c) => (
              <option key={c.iso2} value={c.iso2.toLowerCase()}>
                {c.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {show.type && (
        <Field id="filter-type" label="Type" errors={errors.type}>
          {(props) => (
            <Select {...props} name="type" defaultValue={values.type ?? ""}>
              <option value="">Any type</option>
              {EVENT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {label(EVENT_TYPE_LABELS, t)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      {show.speaker && (
        <Field id="filter-speaker" label="Speaker" errors={errors.speaker}>
          {(props) => (
            <Select {...props} name="speaker" defaultValue={values.speaker ?? ""}>
              <option value="">Anyone</option>
              {options.speakers.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Field id="filter-topic" label="Topic" errors={errors.topic}>
        {(props) => (
          <Select {...props} name="topic" defaultValue={values.topic ?? ""}>
            <option value="">Any topic</option>
            {options.topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="filter-agreement" label="Agreement" errors={errors.agreement}>
        {(props) => (
          <Select {...props} name="agreement" defaultValue={values.agreement ?? ""}>
            <option value="">Any agreement</option>
            {options.agreements.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="filter-from" label="From" hint="YYYY, YYYY-MM or YYYY-MM-DD" errors={errors.from}>
        {(props) => <TextInput {...props} name="from" defaultValue={values.from ?? ""} inputMode="numeric" maxLength={10} />}
      </Field>
      <Field id="filter-to" label="To" hint="YYYY, YYYY-MM or YYYY-MM-DD" errors={errors.to}>
        {(props) => <TextInput {...props} name="to" defaultValue={values.to ?? ""} inputMode="numeric" maxLength={10} />}
      </Field>
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
    </form>
  );
}
