"use client";

import Link from "next/link";
import styles from "@/components/public/record.module.css";

/** Shown when a public page fails to render; never shows the error itself. */
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Something went wrong</h1>
      <p className={styles.lede}>This page could not be shown just now. The record is safe; please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset} className={styles.chip}>
          Try again
        </button>{" "}
        or <Link href="/">go to the latest events</Link>.
      </p>
    </div>
  );
}
