import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { RevokeInvitation } from "@/components/admin/revoke-invitation";
import { UtcTime } from "@/components/admin/utc-time";
import styles from "@/components/admin/admin.module.css";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader, cardClass } from "@/components/ui/page-header";
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
        <p className="muted small">Staff accounts, their roles and access. Open a name to change its name, email or role, deactivate it or make a password-reset link.</p>
      </PageHeader>
      <div className={styles.layout}>
        <div>
          <DataTable
            caption="Staff accounts"
            rows={users}
            rowKey={(user) => user.id}
            columns={[
              {
                header: "Name",
                cell: (user) => (
                  <>
                    <StaffLink href={`/admin/users/${user.id}`}>{user.name}</StaffLink>
                    {user.id === admin.id && <span className="muted small"> (you)</span>}
                  </>
                ),
              },
              { header: "Email", cell: (user) => <span className={styles.wrap}>{user.email}</span> },
              { header: "Role", cell: (user) => ROLE_LABELS[user.role] },
              { header: "Status", cell: (user) => <Status user={user} /> },
              { header: "Last sign-in", cell: (user) => <UtcTime value={user.lastSignInAt} /> },
            ]}
          />
          <h2 className={styles.sectionHeading}>Open invitations</h2>
          <DataTable
            caption="Open invitations"
            rows={invitations}
            rowKey={(invitation) => invitation.id}
            empty="None."
            columns={[
              { header: "Email", cell: (invitation) => <span className={styles.wrap}>{invitation.email}</span> },
              { header: "Role", cell: (invitation) => ROLE_LABELS[invitation.role] },
              { header: "Expires", cell: (invitation) => <UtcTime value={invitation.expiresAt} /> },
              { header: "Actions", hideHeader: true, cell: (invitation) => <RevokeInvitation id={invitation.id} /> },
            ]}
          />
        </div>
        <section aria-labelledby="invite-heading" className={`${cardClass} ${styles.panel}`}>
          <h2 id="invite-heading" className={styles.panelHeading}>Invite someone</h2>
          <InviteUserForm />
        </section>
      </div>
    </>
  );
}
