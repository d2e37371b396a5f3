import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { RevokeInvitation } from "@/components/admin/revoke-invitation";
import { UtcTime } from "@/components/admin/utc-time";
import styles from "@/components/admin/admin.module.css";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader, cardClass } from "@/components/ui/page-header";
import { GIVEN_TWICE, singleParams } from "@/lib/api/list-query";
import { requirePageRole } from "@/lib/auth/require-role";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { plural } from "@/lib/format/count";
import { fieldErrorsOf } from "@/lib/records/field-errors";
import { listUsers, USERS_LISTED, UserListFilterSchema, type UserListItem } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

function Status({ user }: { user: UserListItem }) {
  if (!user.isActive) return <Badge tone="danger">Deactivated</Badge>;
  if (user.isLocked) return <Badge tone="warning">Locked</Badge>;
  return <Badge tone="success">Active</Badge>;
}

const STATUS_CHOICES = { active: "Active", locked: "Locked", deactivated: "Deactivated" } as const;
const TWO_FACTOR_CHOICES = { on: "On", off: "Off" } as const;

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ["q", "role", "status", "twoFactor"] as const;

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const admin = await requirePageRole("ADMIN", "/admin/users");
  const search = await searchParams;
  // A filter given twice is named beside its field, as a bad one is (the API refuses both).
  const { values, repeated } = singleParams(search, FILTERS);
  const raw = { q: values.q ?? "", role: values.role ?? "", status: values.status ?? "", twoFactor: values.twoFactor ?? "" };
  const parsed = UserListFilterSchema.safeParse(raw);
  const fieldErrors: Record<string, string[]> = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...Object.fromEntries(repeated.map((key) => [key, [GIVEN_TWICE]])) };
  const filter = parsed.success && repeated.length === 0 ? parsed.data : {};
  const isFiltered = Object.values(filter).some((value) => value !== undefined);
  const { users, total, invitations } = await listUsers(filter);
  return (
    <>
      <PageHeader title="Users" lede="Staff accounts, their roles and access. Open a name to change its name, email or role, deactivate it or make a password-reset link." />
      <div className={styles.layout}>
        <div>
          <form method="get" role="search" aria-label="Filter the staff accounts">
            <div className={styles.filters}>
              <Field id="users-q" label="Name or email" errors={fieldErrors.q}>
                {(props) => <input {...props} name="q" type="search" maxLength={100} defaultValue={raw.q} />}
              </Field>
              <SelectField id="users-role" label="Role" name="role" defaultValue={raw.role} errors={fieldErrors.role} choices={ROLE_LABELS} empty="Any" />
              <SelectField id="users-status" label="Status" name="status" defaultValue={raw.status} errors={fieldErrors.status} choices={STATUS_CHOICES} empty="Any" />
              <SelectField id="users-two-factor" label="Two-factor sign-in" name="twoFactor" defaultValue={raw.twoFactor} errors={fieldErrors.twoFactor} choices={TWO_FACTOR_CHOICES} empty="Any" />
            </div>
            <div className={styles.filterButtons}>
              <Button type="submit" variant="primary">Filter</Button>
              {isFiltered && <ButtonLink href="/admin/users" variant="ghost">Clear filters</ButtonLink>}
            </div>
          </form>
          {(!parsed.success || repeated.length > 0) && <Alert tone="danger">Some filters are not valid; showing every account instead.</Alert>}
          <p className="small muted" role="status">
            {isFiltered ? `${plural(total, "account")} match${total === 1 ? "es" : ""}` : `${plural(total, "account")} in all`}
            {total > users.length ? `; the first ${USERS_LISTED} are listed: narrow them with the filters.` : "."}
          </p>
          <DataTable
            caption="Staff accounts"
            empty="No account matches these filters."
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
              { header: "Two-factor", cell: (user) => (user.hasTwoFactor ? <Badge tone="success">On</Badge> : <span className="muted">Off</span>) },
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
