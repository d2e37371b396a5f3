import type { Metadata } from "next";
import { DeskHeader } from "@/components/desk/desk-header";
import { getCurrentUser } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { countAwaitingReview, countSentBack } from "@/lib/publication/review-queries";
import styles from "./desk.module.css";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The staff's frame. It only shows who is signed in: each page guards itself. */
export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  // What waits for this person: editors review what was submitted; authors, editors too, fix what
  // came back to them (an editor's own draft sent back by another editor was shown nowhere).
  // Both counts are read at once: this frame is drawn on every desk page.
  const [review, sentBack] = user ? await Promise.all([hasRole(user.role, "EDITOR") ? countAwaitingReview() : null, countSentBack(user.id)]) : [null, null];
  const waiting = [
    ...(review === null ? [] : [{ kind: "review" as const, count: review }]),
    ...(sentBack === null ? [] : [{ kind: "sentBack" as const, count: sentBack }]),
  ];
  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <DeskHeader user={user} waiting={waiting} />
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
