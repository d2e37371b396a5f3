"use client";

import { usePathname } from "next/navigation";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import styles from "./desk-header.module.css";

/**
 * The desk's sections and the signed-in person's links (and the search between them, which
 * stays shown), folded behind a "Menu" button on a phone so the bar does not take a third of
 * the screen; on a wider screen, and before the page's script runs (or without it), they are
 * simply shown. Going to another page, or Escape, folds them again.
 */
export function DeskMenu({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const [shownAt, setShownAt] = useState(pathname);
  if (pathname !== shownAt) {
    setShownAt(pathname);
    setOpen(false);
  }
  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  }
  return (
    <>
      <button
        ref={button}
        type="button"
        className={styles.menuButton}
        aria-expanded={open}
        aria-controls="desk-menu"
        hidden={!hydrated}
        onClick={() => setOpen(!open)}
      >
        Menu
      </button>
      <div
        id="desk-menu"
        className={styles.menu}
        data-folded={hydrated && !open ? "" : undefined}
        onKeyDown={closeOnEscape}
      >
        {children}
      </div>
    </>
  );
}
