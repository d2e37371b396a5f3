import Link from "next/link";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { SignOutButton } from "./sign-out-button";
import styles from "./desk-header.module.css";

const NAV = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/dashboard/events", label: "Events" },
  { href: "/dashboard/statements", label: "Statements" },
  { href: "/dashboard/people", label: "People" },
  { href: "/dashboard/organizations", label: "Organizations" },
  { href: "/dashboard/agreements", label: "Agreements" },
  { href: "/dashboard/topics", label: "Topics" },
];

export function DeskHeader({ user }: { user: CurrentUser | null }) {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/dashboard" className={styles.brand}>
          Chancery <span className={styles.desk}>Desk</span>
        </Link>
        {user && (
          <nav aria-label="Desk" className={styles.nav}>
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href}>{item.label}</Link>
                </li>
              ))}
              {hasRole(user.role, "ADMIN") && (
                <>
                  <li><Link href="/admin/users">Users</Link></li>
                  <li><Link href="/admin/audit">Audit log</Link></li>
                  <li><Link href="/admin/webhooks">Webhooks</Link></li>
                  <li><Link href="/admin/export">Export</Link></li>
                </>
              )}
            </ul>
          </nav>
        )}
        {user && (
          <div className={styles.user}>
            <Link href="/account" className={styles.account}>
              {user.name} <span className={styles.role}>{ROLE_LABELS[user.role]}</span>
            </Link>
            <Link href="/" className={styles.site}>View site</Link>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
