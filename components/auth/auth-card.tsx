import { StaffLink } from "@/components/ui/staff-link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { cardClass } from "@/components/ui/page-header";
import styles from "./auth-card.module.css";

/** The small centred card of the pages outside the desk (sign-in, invitation, password reset). */
export function AuthCard({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className={styles.page}>
      <div className={`${cardClass} ${styles.card}`}>
        <p className={styles.brand}>
          <StaffLink href="/">Chancery</StaffLink>
        </p>
        <h1 className={styles.title}>{title}</h1>
        {lead && <p className={styles.lead}>{lead}</p>}
        {children}
      </div>
    </main>
  );
}

/** The card for a single-use link (invitation, password reset) that has expired, been used or been replaced. */
export function UnusableLinkCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <AuthCard title={title}>
      <Alert tone="warning">
        <p>The link has expired, has been used already, or was replaced by a newer one. {children}</p>
      </Alert>
      <p>
        <StaffLink href="/login">Go to sign-in</StaffLink>
      </p>
    </AuthCard>
  );
}
