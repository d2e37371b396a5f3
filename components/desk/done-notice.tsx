import { Alert } from "@/components/ui/alert";

/** The one-line confirmation after a desk action (from `?done=`, and `?version=` after a restore). */
export function DoneNotice({ done, noun, version }: { done: string | string[] | undefined; noun: string; version?: string }) {
  const key = Array.isArray(done) ? done[0] : done;
  const notices: Record<string, string> = {
    saved: "Saved.",
    created: `The ${noun} was created.`,
    copied: `This is a new draft, copied from another ${noun}: check its title, date, participants and sources before you submit it.`,
    submit: "Submitted for review.",
    requestChanges: "Sent back to the author with your note.",
    withdraw: "Withdrawn from review: it is a draft again.",
    publish: "Published.",
    schedule: "Scheduled.",
    unpublish: "Unpublished: it is a draft again.",
    retract: "Retracted. The public page now shows the retraction notice.",
    publishChanges: "Changes published.",
    restore: /^\d+$/.test(version ?? "") ? `Revision restored: saved as version ${version}.` : "Revision restored.",
    deleted: `The ${noun} was deleted.`,
    merged: `Merged: the duplicate was removed, everything that referred to it now refers to this ${noun}, and its address leads here.`,
  };
  const text = key && Object.hasOwn(notices, key) ? notices[key] : undefined;
  return text ? <Alert tone="success">{text}</Alert> : null;
}
