import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { QrCode } from "@/components/auth/qr-code";
import { SessionList } from "@/components/auth/session-list";
import { TwoFactorSettings } from "@/components/auth/two-factor-settings";
import { Facts } from "@/components/ui/facts";
import { PageHeader, cardClass } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/sessions";
import { mustEnrolTwoFactor } from "@/lib/auth/two-factor-policy";
import { getEnv } from "@/lib/env";
import { getTwoFactorStatus } from "@/lib/users/two-factor";
import { listOwnSessions } from "@/lib/users/user-sessions";
import styles from "./account.module.css";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

const hours = (ms: number) => (ms === 3_600_000 ? "an hour" : `${ms / 3_600_000} hours`);

export default async function AccountPage() {
  // Reachable without two-factor sign-in: it is where one sets it up.
  const user = await requirePageRole("CONTRIBUTOR", "/account", { allowWithoutTwoFactor: true });
  const [twoFactor, sessions] = await Promise.all([getTwoFactorStatus(user.id).then((status) => status!), listOwnSessions(user)]);
  const isRequired = mustEnrolTwoFactor({ role: user.role, hasTwoFactor: false }, getEnv().REQUIRE_2FA_FOR);
  return (
    <>
      <PageHeader title="Your account" />
      <div className={styles.grid}>
        <section aria-labelledby="profile-heading" className={cardClass}>
          <h2 id="profile-heading" className={styles.heading}>Profile</h2>
          <Facts
            items={[
              ["Name", user.name],
              ["Email", user.email],
              ["Role", ROLE_LABELS[user.role]],
            ]}
          />
          <p className="muted small">Only an admin can change your role.</p>
        </section>
        <section aria-labelledby="password-heading" className={cardClass}>
          <h2 id="password-heading" className={styles.heading}>Change password</h2>
          <p className="muted small">Your other sessions end; this one stays signed in.</p>
          <ChangePasswordForm />
        </section>
        <section aria-labelledby="two-factor-heading" className={cardClass}>
          <h2 id="two-factor-heading" className={styles.heading}>Two-factor sign-in</h2>
          <TwoFactorSettings
            status={{
              isEnabled: twoFactor.isEnabled,
              enabledAt: twoFactor.enabledAt?.toISOString() ?? null,
              recoveryCodesLeft: twoFactor.recoveryCodesLeft,
              pending: twoFactor.pending ? { secret: twoFactor.pending.secret } : null,
              isRequired,
            }}
            qrCode={twoFactor.pending ? <QrCode value={twoFactor.pending.uri} label="QR code to scan with your authenticator app" /> : null}
          />
        </section>
        <section aria-labelledby="sessions-heading" className={`${cardClass} ${styles.wide}`}>
          <h2 id="sessions-heading" className={styles.heading}>Where you are signed in</h2>
          <p className="muted small">
            A session ends after {hours(SESSION_IDLE_MS)} without use, and {hours(SESSION_ABSOLUTE_MS)} after signing in. Sign out any you do not recognise, then change your
            password.
          </p>
          <SessionList items={sessions.sessions} total={sessions.total} />
        </section>
      </div>
    </>
  );
}
