"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { cardClass } from "@/components/ui/page-header";
import { useJsonSubmit } from "@/components/ui/use-json-submit";
import type { ActionResult } from "@/lib/errors/app-error";
import { formFields, sendJson } from "@/lib/http/send-json";
import type { Role } from "@/lib/generated/prisma/enums";
import { LinkBox } from "./link-box";
import styles from "./admin.module.css";

type Result = ActionResult<{ message: string; link?: string }>;

/**
 * One admin operation: its route handler, and the sentence shown when it worked.
 * The page is refreshed after a change, so the facts above show the new state.
 */
function useUserOperation(path: string, body: (form: FormData) => object | undefined, message: (data: Record<string, unknown>) => string, method: "POST" | "DELETE" = "POST") {
  const router = useRouter();
  return useJsonSubmit<{ message: string; link?: string }>(async (form) => {
    const result = await sendJson<Record<string, unknown>>(path, { method, body: body(form) });
    if (!result.ok) return result;
    router.refresh();
    return { ok: true, message: message(result), link: typeof result.link === "string" ? result.link : undefined };
  });
}

function Outcome({ state }: { state: Result | null }) {
  if (!state) return null;
  return state.ok ? <Alert tone="success">{state.message}</Alert> : <Alert tone="danger">{state.message}</Alert>;
}

export function UserActions({
  user,
  isSelf,
}: {
  user: { id: string; name: string; email: string; role: Role; isActive: boolean; isLocked: boolean; hasTwoFactor: boolean; liveSessions: number };
  isSelf: boolean;
}) {
  const base = `/api/admin/users/${encodeURIComponent(user.id)}`;
  const profile = useUserOperation(`${base}/profile`, (form) => formFields(form, ["name", "email"]), (data) =>
    data.changed ? "Name and email saved." : "Nothing to change: the name and email were already these.",
  );
  const profileErrors = profile.state && !profile.state.ok ? profile.state.fieldErrors : {};
  const role = useUserOperation(`${base}/role`, (form) => ({ role: String(form.get("role") ?? "") }), (data) =>
    data.changed ? "Role changed. Their sessions have ended." : "The role was already that.",
  );
  const active = useUserOperation(`${base}/active`, (form) => ({ isActive: form.get("isActive") === "true" }), (data) =>
    data.isActive ? "Account reactivated." : "Account deactivated. Their sessions have ended.",
  );
  const reset = useUserOperation(`${base}/reset-link`, () => undefined, () => "Pass this link on. It works once and expires in 24 hours.");
  const unlock = useUserOperation(`${base}/unlock`, () => undefined, () => "Account unlocked.");
  const sessions = useUserOperation(
    `${base}/sessions`,
    () => undefined,
    (data) => (data.sessionsEnded === 1 ? "Their one session has ended." : `Their sessions have ended (${String(data.sessionsEnded)}).`),
    "DELETE",
  );
  const twoFactor = useUserOperation(`${base}/two-factor-reset`, () => undefined, () => "Two-factor sign-in is off for them now, and their sessions have ended.");

  return (
    <div className={styles.actions}>
      <section aria-labelledby="profile-heading" className={`${cardClass} ${styles.panel}`}>
        <h2 id="profile-heading" className={styles.panelHeading}>Name and email</h2>
        <Outcome state={profile.state} />
        {/* Keyed on the saved values, so the fields show what was stored after a save. */}
        <form onSubmit={profile.onSubmit} noValidate key={`${user.name}\n${user.email}`}>
          <Field id="user-name" label="Name" required errors={profileErrors.name}>
            {(props) => <input {...props} name="name" defaultValue={user.name} autoComplete="off" />}
          </Field>
          <Field id="user-email" label="Email" required hint="They sign in with it from now on." errors={profileErrors.email}>
            {(props) => <input {...props} name="email" type="email" defaultValue={user.email} autoComplete="off" />}
          </Field>
          <Button type="submit" disabled={profile.pending}>Save name and email</Button>
        </form>
      </section>

      <section aria-labelledby="role-heading" className={`${cardClass} ${styles.panel}`}>
        <h2 id="role-heading" className={styles.panelHeading}>Role</h2>
        <Outcome state={role.state} />
        {isSelf ? (
          <p className="muted small">You cannot change your own role. Another admin can.</p>
        ) : (
          <form onSubmit={role.onSubmit} className={styles.row}>
            <Field id="user-role" label="New role">
              {(props) => (
                <select {...props} name="role" defaultValue={user.role}>
                  <option value="CONTRIBUTOR">Contributor</option>
                  <option value="EDITOR">Editor</option>
                  <option value="ADMIN">Admin</option>
                </select>
              )}
            </Field>
            <div className={styles.rowButton}>
              <Button type="submit" disabled={role.pending}>Change role</Button>
            </div>
          </form>
        )}
      </section>

      <section aria-labelledby="status-heading" className={`${cardClass} ${styles.panel}`}>
        <h2 id="status-heading" className={styles.panelHeading}>Access</h2>
        <Outcome state={active.state} />
        <Outcome state={unlock.state} />
        {isSelf ? (
          <p className="muted small">You cannot deactivate your own account.</p>
        ) : (
          <form onSubmit={active.onSubmit}>
            <input type="hidden" name="isActive" value={user.isActive ? "false" : "true"} />
            <p className="muted small">
              {user.isActive ? "Deactivating ends their sessions at once; nothing they wrote is removed." : "This account is deactivated and cannot sign in."}
            </p>
            <Button type="submit" variant={user.isActive ? "danger" : "secondary"} disabled={active.pending}>
              {user.isActive ? "Deactivate" : "Reactivate"}
            </Button>
          </form>
        )}
        <Outcome state={sessions.state} />
        {!isSelf && user.liveSessions > 0 && (
          <form onSubmit={sessions.onSubmit} className={styles.linkBox}>
            <p className="small">
              Signed in {user.liveSessions === 1 ? "in one place" : `in ${user.liveSessions} places`}. Signing them out keeps their password; for a lost laptop, also make them a
              password-reset link.
            </p>
            <Button type="submit" disabled={sessions.pending}>Sign out everywhere</Button>
          </form>
        )}
        {user.isLocked && (
          <form onSubmit={unlock.onSubmit} className={styles.linkBox}>
            <p className="small">Locked after too many failed sign-ins.</p>
            <Button type="submit" disabled={unlock.pending}>Unlock</Button>
          </form>
        )}
      </section>

      <section aria-labelledby="reset-heading" className={`${cardClass} ${styles.panel}`}>
        <h2 id="reset-heading" className={styles.panelHeading}>Password</h2>
        {reset.state?.ok && reset.state.link ? (
          <Alert tone="success">
            <p>{reset.state.message}</p>
            <LinkBox id="reset-link" label="Password-reset link" link={reset.state.link} />
          </Alert>
        ) : (
          <Outcome state={reset.state} />
        )}
        <form onSubmit={reset.onSubmit}>
          <p className="muted small">A single-use link with which they choose a new password. Earlier links stop working.</p>
          <Button type="submit" disabled={reset.pending || !user.isActive}>Create password-reset link</Button>
        </form>
      </section>

      <section aria-labelledby="two-factor-heading" className={`${cardClass} ${styles.panel}`}>
        <h2 id="two-factor-heading" className={styles.panelHeading}>Two-factor sign-in</h2>
        <Outcome state={twoFactor.state} />
        {user.hasTwoFactor ? (
          <form onSubmit={twoFactor.onSubmit}>
            <p className="muted small">For a lost phone with lost recovery codes: they sign in with the password alone and set it up again.</p>
            <Button type="submit" variant="danger" disabled={twoFactor.pending}>Reset two-factor sign-in</Button>
          </form>
        ) : (
          <p className="muted small">Not set up. They can turn it on at their own account page.</p>
        )}
      </section>
    </div>
  );
}
