import type { Metadata } from "next";
import { EventEditor } from "@/components/desk/event-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { availableTransitions } from "@/lib/publication/transitions";
import { loadDeskOptions } from "@/lib/workflow/desk-options";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  const user = await requirePageRole("CONTRIBUTOR", "/dashboard/events/new");
  const options = await loadDeskOptions();
  const transitions = availableTransitions(user, { status: "DRAFT", createdById: user.id, firstPublishedAt: null, stagedData: null }).filter(
    (t) => t === "submit" || t === "publish",
  );
  return (
    <>
      <PageHeader title="New event" />
      <EventEditor id={null} version={0} status="DRAFT" transitions={transitions} canSave initial={{ datePrecision: "DAY", occurrence: "OCCURRED" }} options={options} />
    </>
  );
}
