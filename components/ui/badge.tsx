import type { ReactNode } from "react";
import styles from "./ui.module.css";

const TONES = { neutral: "", info: styles.badgeInfo, success: styles.badgeSuccess, warning: styles.badgeWarning, danger: styles.badgeDanger };

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={[styles.badge, TONES[tone]].filter(Boolean).join(" ")}>{children}</span>;
}
