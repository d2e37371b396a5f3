/** What an endpoint can hear: a change to the public record. */
export const WEBHOOK_EVENTS = ["published", "changed", "corrected", "unpublished", "retracted"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  published: "Published",
  changed: "Changed (published changes)",
  corrected: "Corrected (with a public correction note)",
  unpublished: "Unpublished",
  retracted: "Retracted",
};

/** The record a change is about, as the public (and a receiver) sees it. */
export interface RecordChange {
  event: WebhookEvent;
  kind: "event" | "statement";
  id: string;
  slug: string;
  title: string;
  /** The public URL, absent once the item no longer has a public page. */
  url: string | null;
  correction?: string | null;
  reason?: string | null;
}
