import { Alert } from "@/components/ui/alert";

const NOTICES: Record<string, string> = {
  saved: "Saved.",
  submit: "Submitted for review.",
  publish: "Published.",
  schedule: "Scheduled.",
  unpublish: "Unpublished: it is a draft again.",
  retract: "Retracted. The public page now shows the retraction notice.",
  publishChanges: "Changes published.",
  restore: "Revision restored.",
  deleted: "Draft deleted.",
};

/** The one-line confirmation after a desk action (from `?done=`). */
export function DoneNotice({ done }: { done: string | string[] | undefined }) {
  const key = Array.isArray(done) ? done[0] : done;
  const text = key ? NOTICES[key] : undefined;
  return text ? <Alert tone="success">{text}</Alert> : null;
}
