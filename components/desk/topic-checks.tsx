import type { RefOption } from "./ref-select";
import styles from "./editor.module.css";

/** Topics as a group of checkboxes (there are few of them). */
export function TopicChecks({ idPrefix, topics, selected, errors, name = "topicIds", legend = "Topics" }: {
  idPrefix: string;
  topics: RefOption[];
  selected: string[];
  errors?: string[];
  name?: string;
  legend?: string;
}) {
  return (
    <fieldset className={styles.checks} aria-describedby={errors?.length ? `${idPrefix}-${name}-error` : undefined}>
      <legend>{legend}</legend>
      {topics.length === 0 && <span className="muted small">None recorded yet.</span>}
      {topics.map((t) => (
        <label key={t.id} className={styles.check}>
          <input type="checkbox" name={name} value={t.id} defaultChecked={selected.includes(t.id)} /> {t.label}
        </label>
      ))}
      {errors?.length ? (
        <span id={`${idPrefix}-${name}-error`} role="alert" className="small" style={{ color: "var(--color-danger)", width: "100%" }}>
          {errors.join(" ")}
        </span>
      ) : null}
    </fieldset>
  );
}
