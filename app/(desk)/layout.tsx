import type { Metadata } from "next";
import { DeskHeader } from "@/components/desk/desk-header";
import { getCurrentUser } from "@/lib/auth/require-role";
import styles from "./desk.module.css";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The staff's frame. It only shows who is signed in: each page guards itself. */
export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <DeskHeader user={user} />
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
