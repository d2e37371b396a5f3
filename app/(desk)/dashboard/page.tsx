import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageRole("CONTRIBUTOR", "/dashboard");
  return (
    <>
      <PageHeader title="Dashboard">
        <p className="muted small">Signed in as {user.email}</p>
      </PageHeader>
      <p>Your drafts, the review queue, scheduled and recently published items will appear here.</p>
    </>
  );
}
