import type { ReviewStepView } from "@/lib/publication/review-queries";
import { formatTimestamp } from "@/lib/format/date";
import styles from "./review-conversation.module.css";

/** The review conversation of an item: each step between states, who took it, when, and what they wrote. */
export function ReviewConversation({ steps }: { steps: ReviewStepView[] }) {
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="review-heading" className={styles.conversation}>
      <h2 id="review-heading">Review</h2>
      <ol className={styles.steps}>
        {steps.map((step) => (
          <li key={step.id} className={step.action === "request_changes" ? styles.sentBack : undefined}>
            <p className={styles.who}>
              <strong>{step.actor ?? "Scheduler"}</strong> · {step.label.toLowerCase()} · <time dateTime={step.createdAt.toISOString()}>{formatTimestamp(step.createdAt)}</time>
            </p>
            {step.note && <blockquote className={styles.note}>{step.note}</blockquote>}
          </li>
        ))}
      </ol>
    </section>
  );
}
