import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader, cardClass } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { ROLE_LABELS } from "@/lib/auth/roles";
import styles from "./account.module.css";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageRole("CONTRIBUTOR", "/account");
  return (
    <>
      <PageHeader title="Your account" />
      <div className={styles.grid}>
        <section aria-labelledby="profile-heading" className={cardClass}>
          <h2 id="profile-heading" className={styles.heading}>Profile</h2>
          <dl className={styles.facts}>
            <dt>Name</dt>
            <dd>{user.name}</dd>
            <dt>Email</dt>
            <dd>{user.email}</dd>
            <dt>Role</dt>
            <dd>{ROLE_LABELS[user.role]}</dd>
          </dl>
          <p className="muted small">Only an admin can change your role.</p>
        </section>
        <section aria-labelledby="password-heading" className={cardClass}>
          <h2 id="password-heading" className={styles.heading}>Change password</h2>
          <p className="muted small">Your other sessions end; this one stays signed in.</p>
          <ChangePasswordForm />
        </section>
      </div>
    </>
  );
}
