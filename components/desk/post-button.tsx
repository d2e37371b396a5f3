"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import ui from "@/components/ui/ui.module.css";
import { sendJson } from "@/lib/http/send-json";

/**
 * A desk button that makes one change on the server (a JSON POST) and then goes to the page
 * the answer leads to (restoring a revision, making a copy); a refusal is said beside it, and
 * the button can be pressed again.
 */
export function PostButton<R extends object>({ url, body, label, busyLabel, goTo }: { url: string; body: unknown; label: string; busyLabel: string; goTo: (answer: R) => string }) {
  const router = useRouter();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        size="sm"
        disabled={busy}
        aria-describedby={error ? errorId : undefined}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await sendJson<R>(url, { body });
          if (!result.ok) {
            setBusy(false);
            return setError(result.message);
          }
          router.push(goTo(result));
          router.refresh();
        }}
      >
        {busy ? busyLabel : label}
      </Button>
      {error && (
        <span id={errorId} role="alert" className={ui.error}>
          {error}
        </span>
      )}
    </>
  );
}
