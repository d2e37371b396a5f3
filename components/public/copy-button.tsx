"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Copies the text of the element `targetId` (a citation) to the clipboard and says
 * so. Without JavaScript it is not shown at all, and the text stays selectable.
 */
export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  // Rendered only once the page's script runs: without it the button could do nothing.
  const isInteractive = useHydrated();
  if (!isInteractive) return null;
  async function copy() {
    const text = document.getElementById(targetId)?.textContent ?? "";
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // No clipboard permission (an insecure origin, a locked-down browser): select the text instead.
      const target = document.getElementById(targetId);
      if (target) window.getSelection()?.selectAllChildren(target);
      setState("failed");
    }
  }
  return (
    <>
      <Button size="sm" onClick={copy}>
        {label}
      </Button>
      <span role="status" aria-live="polite" className="muted">
        {state === "copied" ? " Copied." : state === "failed" ? " Selected: press Ctrl+C (⌘C) to copy." : ""}
      </span>
    </>
  );
}
