import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { notFound } from "next/navigation";
import { UserActions } from "@/components/admin/user-actions";
import { UtcTime } from "@/components/admin/utc-time";
import styles from "@/components/admin/admin.module.css";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getUserForAdmin } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "User" };
export const dynamic = "force-dynamic";

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const admin = await requirePageRole("ADMIN", `/admin/users/${encodeURIComponent(id)}`);
  const user = await getUserForAdmin(id);
  if (!user) notFound();
  return (
    <>
      <p className={`small ${styles.back}`}><StaffLink href="/admin/users">← All users</StaffLink></p>
      <PageHeader title={user.name} />
      <dl className={styles.facts}>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt>Status</dt>
        <dd>{!user.isActive ? "Deactivated" : user.isLocked ? "Locked (too many failed sign-ins)" : "Active"}</dd>
        <dt>Last sign-in</dt>
        <dd><UtcTime value={user.lastSignInAt} /></dd>
        <dt>Live sessions</dt>
        <dd>{user.liveSessions}</dd>
        <dt>Two-factor sign-in</dt>
        <dd>{user.hasTwoFactor ? <>On since <UtcTime value={user.totpEnabledAt} /></> : "Off"}</dd>
        <dt>Password set</dt>
        <dd><UtcTime value={user.passwordChangedAt} /></dd>
        <dt>Account created</dt>
        <dd><UtcTime value={user.createdAt} /></dd>
      </dl>
      <UserActions
        user={{ id: user.id, name: user.name, email: user.email, role: user.role, isActive: user.isActive, isLocked: user.isLocked, hasTwoFactor: user.hasTwoFactor, liveSessions: user.liveSessions }}
        isSelf={user.id === admin.id}
      />
    </>
  );
}
