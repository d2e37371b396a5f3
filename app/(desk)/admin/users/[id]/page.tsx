import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { notFound } from "next/navigation";
import { UserActions } from "@/components/admin/user-actions";
import { UtcTime } from "@/components/admin/utc-time";
import styles from "@/components/admin/admin.module.css";
import { Facts } from "@/components/ui/facts";
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
      <Facts
        items={[
          ["Email", user.email],
          ["Role", ROLE_LABELS[user.role]],
          ["Status", !user.isActive ? "Deactivated" : user.isLocked ? "Locked (too many failed sign-ins)" : "Active"],
          ["Last sign-in", <UtcTime key="last" value={user.lastSignInAt} />],
          ["Live sessions", user.liveSessions],
          ["Two-factor sign-in", user.hasTwoFactor ? <>On since <UtcTime value={user.totpEnabledAt} /></> : "Off"],
          ["Password set", <UtcTime key="password" value={user.passwordChangedAt} />],
          ["Account created", <UtcTime key="created" value={user.createdAt} />],
        ]}
      />
      <UserActions
        user={{ id: user.id, name: user.name, email: user.email, role: user.role, isActive: user.isActive, isLocked: user.isLocked, hasTwoFactor: user.hasTwoFactor, liveSessions: user.liveSessions }}
        isSelf={user.id === admin.id}
      />
    </>
  );
}
