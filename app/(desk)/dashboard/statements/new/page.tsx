import type { Metadata } from "next";
import { StatementEditor } from "@/components/desk/statement-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { availableTransitions } from "@/lib/publication/transitions";
import { loadDeskOptions } from "@/lib/workflow/desk-options";

export const metadata: Metadata = { title: "New statement" };

export default async function NewStatementPage() {
  const user = await requirePageRole("CONTRIBUTOR", "/dashboard/statements/new");
  const options = await loadDeskOptions();
  const transitions = availableTransitions(user, { status: "DRAFT", createdById: user.id, firstPublishedAt: null, stagedData: null }).filter(
    (t) => t === "submit" || t === "publish",
  );
  return (
    <>
      <PageHeader title="New statement" />
      <StatementEditor id={null} version={0} status="DRAFT" transitions={transitions} canSave initial={{ saidPrecision: "DAY", language: "en", attribution: "ON_RECORD", quoteType: "DIRECT" }} options={options} />
    </>
  );
}
