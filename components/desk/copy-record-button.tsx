"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import ui from "@/components/ui/ui.module.css";
import { sendJson } from "@/lib/http/send-json";

/**
 * "Make a copy": a new draft that starts as this event or statement holds it now (its
 * participants, topics, sources and text), titled "… (copy)", for the next in a series
 * of like events; it opens in the editor with a reminder of what to check.
 */
export function CopyRecordButton({ kind, id, noun }: { kind: string; id: string; noun: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        size="sm"
        disabled={busy}
        aria-describedby={error ? "copy-record-error" : undefined}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await sendJson<{ id: string }>(`/api/desk/${kind}`, { body: { copyOf: id } });
          if (!result.ok) {
            setBusy(false);
            return setError(result.message);
          }
          router.push(`/dashboard/${kind}/${result.id}?done=copied`);
        }}
      >
        {busy ? "Copying…" : `Make a copy of this ${noun}`}
      </Button>
      {error && (
        <span id="copy-record-error" role="alert" className={ui.error}>
          {error}
        </span>
      )}
    </>
  );
}
