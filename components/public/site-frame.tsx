import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import styles from "./site-frame.module.css";

/** The public site's frame: a skip link, the header, the page as `main`, the footer; and how it prints. */
export function SiteFrame({ children }: { children: ReactNode }) {
  return (
    <div className={styles.frame}>
      <a href="#main" className="skip-link" data-print="hide">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
