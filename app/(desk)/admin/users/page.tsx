import type { Metadata } from "next";
import Link from "next/link";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { UtcTime } from "@/components/admin/utc-time";
import styles from "@/components/admin/admin.module.css";
import { Badge } from "@/components/ui/badge";
import { PageHeader, cardClass, tableClass } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listUsers, type UserListItem } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

function Status({ user }: { user: UserListItem }) {
  if (!user.isActive) return <Badge tone="danger">Deactivated</Badge>;
  if (user.isLocked) return <Badge tone="warning">Locked</Badge>;
  return <Badge tone="success">Active</Badge>;
}

export default async function UsersPage() {
  const admin = await requirePageRole("ADMIN", "/admin/users");
  const { users, invitations } = await listUsers();
  return (
    <>
      <PageHeader title="Users">
        <p className="muted small">Staff accounts, their roles and access. Open a name to change its role, deactivate it or make a password-reset link.</p>
      </PageHeader>
      <div className={styles.layout}>
        <div>
          <div className={styles.tableWrap}>
            <table className={tableClass}>
              <caption className="visually-hidden">Staff accounts</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last sign-in</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                      {user.id === admin.id && <span className="muted small"> (you)</span>}
                    </td>
                    <td className={styles.wrap}>{user.email}</td>
                    <td>{ROLE_LABELS[user.role]}</td>
                    <td><Status user={user} /></td>
                    <td className={styles.nowrap}><UtcTime value={user.lastSignInAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 className={styles.sectionHeading}>Open invitations</h2>
          {invitations.length === 0 ? (
            <p className="muted small">None.</p>
          ) : (
            <div className={styles.tableWrap}>
              <table className={tableClass}>
                <caption className="visually-hidden">Open invitations</caption>
                <thead>
                  <tr>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Expires</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((invitation) => (
                    <tr key={invitation.id}>
                      <td className={styles.wrap}>{invitation.email}</td>
                      <td>{ROLE_LABELS[invitation.role]}</td>
                      <td className={styles.nowrap}><UtcTime value={invitation.expiresAt} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <section aria-labelledby="invite-heading" className={`${cardClass} ${styles.panel}`}>
          <h2 id="invite-heading" className={styles.panelHeading}>Invite someone</h2>
          <InviteUserForm />
        </section>
      </div>
    </>
  );
}
