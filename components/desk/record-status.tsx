import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS } from "@/lib/format/labels";

const TONE = { DRAFT: "neutral", IN_REVIEW: "info", SCHEDULED: "warning", PUBLISHED: "success", RETRACTED: "danger" } as const;

/** An item's editorial status as a badge; "changes staged" when a published item has unpublished edits. */
export function RecordStatus({ status, isStaged }: { status: string; isStaged?: boolean }) {
  return (
    <>
      <Badge tone={TONE[status as keyof typeof TONE] ?? "neutral"}>{STATUS_LABELS[status] ?? status}</Badge>
      {isStaged && (
        <>
          {" "}
          <Badge tone="warning">Changes staged</Badge>
        </>
      )}
    </>
  );
}
