import type { ReactNode } from "react";
import styles from "./ui.module.css";

const TONES = { info: styles.info, success: styles.success, warning: styles.warning, danger: styles.dangerAlert };

export function Alert({ tone = "info", title, children, role }: { tone?: keyof typeof TONES; title?: string; children?: ReactNode; role?: "alert" | "status" | "none" }) {
  return (
    <div className={`${styles.alert} ${TONES[tone]}`} role={role ?? (tone === "danger" ? "alert" : "status")}>
      {title && <p><strong>{title}</strong></p>}
      {children}
    </div>
  );
}
