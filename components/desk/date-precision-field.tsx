import { Field, Select, TextInput } from "@/components/ui/field";
import styles from "./editor.module.css";

/**
 * A date written to the precision that is known: a day (2025-11-06), a month
 * (2025-11) or a year (1992), with an optional end date of the same precision.
 */
export function DatePrecisionField({
  idPrefix,
  dateName,
  precisionName,
  endName,
  dateLabel,
  values,
  errors,
  required,
  controlled,
  onDateChange,
}: {
  idPrefix: string;
  dateName: string;
  precisionName: string;
  endName?: string;
  dateLabel: string;
  values: { date: string | null; precision: string; end?: string | null };
  errors: Record<string, string[]>;
  required?: boolean;
  /** When the form fills the date in itself (a statement takes its event's date), it holds the date and precision. */
  controlled?: { date: string; precision: string; onChange: (next: { date: string; precision: string }) => void };
  /** Told the date as it is typed, when the field holds it itself. */
  onDateChange?: (date: string) => void;
}) {
  return (
    <div className={endName ? styles.grid3 : styles.grid2}>
      <Field id={`${idPrefix}-precision`} label="Precision" errors={errors[precisionName]}>
        {(p) => (
          <Select
            {...p}
            name={precisionName}
            {...(controlled
              ? { value: controlled.precision, onChange: (e) => controlled.onChange({ date: controlled.date, precision: e.target.value }) }
              : { defaultValue: values.precision })}
          >
            <option value="DAY">Day</option>
            <option value="MONTH">Month</option>
            <option value="YEAR">Year</option>
          </Select>
        )}
      </Field>
      <Field id={`${idPrefix}-date`} label={dateLabel} errors={errors[dateName]} required={required} hint="YYYY-MM-DD, YYYY-MM or YYYY">
        {(p) => (
          <TextInput
            {...p}
            name={dateName}
            {...(controlled ? { value: controlled.date, onChange: (e) => controlled.onChange({ date: e.target.value, precision: controlled.precision }) } : { defaultValue: values.date ?? "", onChange: onDateChange && ((e: React.ChangeEvent<HTMLInputElement>) => onDateChange(e.target.value)) })}
            inputMode="numeric"
            autoComplete="off"
          />
        )}
      </Field>
      {endName && (
        <Field id={`${idPrefix}-end`} label="End date" errors={errors[endName]} hint="Optional; not before the start">
          {(p) => <TextInput {...p} name={endName} defaultValue={values.end ?? ""} inputMode="numeric" autoComplete="off" />}
        </Field>
      )}
    </div>
  );
}
