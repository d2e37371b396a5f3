import { SectionLink } from "@/components/ui/section-link";
import { StaffLink } from "@/components/ui/staff-link";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { DeskMenu } from "./desk-menu";
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
function WaitingLink({ waiting, className }: { waiting: Waiting; className?: string }) {
  const label = waiting.kind === "review" ? "Review queue" : "Sent back to me";
  const href = waiting.kind === "review" ? "/dashboard#review-queue" : "/dashboard#my-drafts";
  return (
    <StaffLink href={href} aria-label={`${label}: ${waiting.count} waiting`} className={className}>
      {label} <span className={waiting.count > 0 ? styles.countActive : styles.count}>{waiting.count}</span>
    </StaffLink>
  );
}

/**
 * The desk's bar: the sections, the search, the person's links. On a phone the sections and
 * the person's links fold behind "Menu" (DeskMenu); what waits for them stays on the bar
 * beside it, and the search under them.
 */
export function DeskHeader({ user, waiting = [] }: { user: CurrentUser | null; waiting?: Waiting[] }) {
  // The review queue always (an empty one says so); what was sent back only when something was.
  // The first with something waiting stays on a phone's bar; the others are in its menu.
  const shown = waiting.filter((w) => w.kind === "review" || w.count > 0);
  const [onBar, ...inMenu] = [...shown.filter((w) => w.count > 0), ...shown.filter((w) => w.count === 0)];
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <StaffLink href="/dashboard" className={styles.brand}>
          Chancery <span className={styles.desk}>Desk</span>
        </StaffLink>
        {user && onBar && <WaitingLink waiting={onBar} className={styles.waitingOnBar} />}
        {user && (
          <DeskMenu>
            <nav aria-label="Desk" className={styles.nav}>
              <ul>
                {NAV.map((item) => (
                  <li key={item.href}>
                    <SectionLink href={item.href} exact={item.href === "/dashboard"} prefetch={false}>
                      {item.label}
                    </SectionLink>
                  </li>
                ))}
                {onBar && (
                  <li className={styles.waitingInNav}>
                    <WaitingLink waiting={onBar} />
                  </li>
                )}
                {inMenu.map((w) => (
                  <li key={w.kind}>
                    <WaitingLink waiting={w} />
                  </li>
                ))}
                {hasRole(user.role, "EDITOR") && (
                  <li><SectionLink href="/dashboard/import" prefetch={false}>Import</SectionLink></li>
                )}
                {hasRole(user.role, "ADMIN") && (
                  <>
                    <li><SectionLink href="/admin/users" prefetch={false}>Users</SectionLink></li>
                    <li><SectionLink href="/admin/audit" prefetch={false}>Audit log</SectionLink></li>
                    <li><SectionLink href="/admin/webhooks" prefetch={false}>Webhooks</SectionLink></li>
                    <li><SectionLink href="/admin/export" prefetch={false}>Export</SectionLink></li>
                  </>
                )}
              </ul>
            </nav>
            <form role="search" method="get" action="/dashboard/search" className={styles.search}>
              <label htmlFor="desk-search" className="visually-hidden">
                Search the desk
              </label>
              <input id="desk-search" name="q" type="search" placeholder="Search the desk" maxLength={200} className={styles.searchInput} />
            </form>
            <div className={styles.user}>
              <StaffLink href="/account" className={styles.account}>
                {user.name} <span className={styles.role}>{ROLE_LABELS[user.role]}</span>
              </StaffLink>
              <StaffLink href="/" className={styles.site}>View site</StaffLink>
              <SignOutButton />
            </div>
          </DeskMenu>
        )}
      </div>
    </header>
  );
}
