import styles from "./open-now.module.css";

/** Under a record's title in a desk list: who else has it open now (lib/desk/presence.ts), when anyone does. */
export function OpenNow({ names }: { names: readonly string[] | undefined }) {
  if (!names || names.length === 0) return null;
  return <span className={styles.openNow}>Open now: {names.join(", ")}</span>;
}
