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

export interface Waiting {
  kind: "review" | "sentBack";
  count: number;
}

/** "Review queue 3": what waits for the signed-in person, linked to where it is listed. */
function WaitingLink({ waiting }: { waiting: Waiting }) {
  const label = waiting.kind === "review" ? "Review queue" : "Sent back to me";
  const href = waiting.kind === "review" ? "/dashboard#review-queue" : "/dashboard#my-drafts";
  return (
    <Link href={href} aria-label={`${label}: ${waiting.count} waiting`}>
      {label} <span className={waiting.count > 0 ? styles.countActive : styles.count}>{waiting.count}</span>
    </Link>
  );
}

export function DeskHeader({ user, waiting = null }: { user: CurrentUser | null; waiting?: Waiting | null }) {
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
              {waiting && (waiting.kind === "review" || waiting.count > 0) && (
                <li>
                  <WaitingLink waiting={waiting} />
                </li>
              )}
              {hasRole(user.role, "EDITOR") && (
                <li><Link href="/dashboard/import">Import</Link></li>
              )}
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
          <form role="search" method="get" action="/dashboard/search" className={styles.search}>
            <label htmlFor="desk-search" className="visually-hidden">
              Search the desk
            </label>
            <input id="desk-search" name="q" type="search" placeholder="Search the desk" maxLength={200} className={styles.searchInput} />
          </form>
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
