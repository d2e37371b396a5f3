"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { cardClass } from "@/components/ui/page-header";
import type { ActionResult } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { LinkBox } from "./link-box";
import styles from "./admin.module.css";

type Result = ActionResult<{ message: string; link?: string }>;
type Action = (previous: Result | null, form: FormData) => Promise<Result>;

function Outcome({ state }: { state: Result | null }) {
  if (!state) return null;
  return state.ok ? <Alert tone="success">{state.message}</Alert> : <Alert tone="danger">{state.message}</Alert>;
}

export function UserActions({
  user,
  isSelf,
  actions,
}: {
  user: { id: string; role: Role; isActive: boolean; isLocked: boolean };
  isSelf: boolean;
  actions: { changeRole: Action; setActive: Action; createResetLink: Action; unlock: Action };
}) {
  const [roleState, roleAction, rolePending] = useActionState(actions.changeRole, null);
  const [activeState, activeAction, activePending] = useActionState(actions.setActive, null);
  const [resetState, resetAction, resetPending] = useActionState(actions.createResetLink, null);
  const [unlockState, unlockAction, unlockPending] = useActionState(actions.unlock, null);

  return (
    <div className={styles.actions}>
      <section aria-labelledby="role-heading" className={`${cardClass} ${styles.panel}`}>
        <h2 id="role-heading" className={styles.panelHeading}>Role</h2>
        <Outcome state={roleState} />
        {isSelf ? (
          <p className="muted small">You cannot change your own role. Another admin can.</p>
        ) : (
          <form action={roleAction} className={styles.row}>
            <input type="hidden" name="userId" value={user.id} />
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
              <Button type="submit" disabled={rolePending}>Change role</Button>
            </div>
          </form>
        )}
      </section>

      <section aria-labelledby="status-heading" className={`${cardClass} ${styles.panel}`}>
        <h2 id="status-heading" className={styles.panelHeading}>Access</h2>
        <Outcome state={activeState} />
        <Outcome state={unlockState} />
        {isSelf ? (
          <p className="muted small">You cannot deactivate your own account.</p>
        ) : (
          <form action={activeAction}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="isActive" value={user.isActive ? "false" : "true"} />
            <p className="muted small">
              {user.isActive ? "Deactivating ends their sessions at once; nothing they wrote is removed." : "This account is deactivated and cannot sign in."}
            </p>
            <Button type="submit" variant={user.isActive ? "danger" : "secondary"} disabled={activePending}>
              {user.isActive ? "Deactivate" : "Reactivate"}
            </Button>
          </form>
        )}
        {user.isLocked && (
          <form action={unlockAction} className={styles.linkBox}>
            <input type="hidden" name="userId" value={user.id} />
            <p className="small">Locked after too many failed sign-ins.</p>
            <Button type="submit" disabled={unlockPending}>Unlock</Button>
          </form>
        )}
      </section>

      <section aria-labelledby="reset-heading" className={`${cardClass} ${styles.panel}`}>
        <h2 id="reset-heading" className={styles.panelHeading}>Password</h2>
        {resetState?.ok && resetState.link ? (
          <Alert tone="success">
            <p>{resetState.message}</p>
            <LinkBox id="reset-link" label="Password-reset link" link={resetState.link} />
          </Alert>
        ) : (
          <Outcome state={resetState} />
        )}
        <form action={resetAction}>
          <input type="hidden" name="userId" value={user.id} />
          <p className="muted small">A single-use link with which they choose a new password. Earlier links stop working.</p>
          <Button type="submit" disabled={resetPending || !user.isActive}>Create password-reset link</Button>
        </form>
      </section>
    </div>
  );
}
