import { StaffLink } from "@/components/ui/staff-link";

/** What forbidden() renders (HTTP 403): a signed-in user without the role for a page. */
export default function Forbidden() {
  return (
    <main id="main" className="container" style={{ paddingTop: "var(--space-8)" }}>
      <h1>You do not have access to this page</h1>
      <p className="prose">Your role does not allow this. If you need it, ask an admin.</p>
      <p><StaffLink href="/dashboard">Back to the dashboard</StaffLink></p>
    </main>
  );
}
