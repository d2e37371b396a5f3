"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sendJson } from "@/lib/http/send-json";

/**
 * "Publish" on the preview itself: a reviewer who has read the page readers will
 * get publishes it from there. The same workflow route (and checks) as the edit
 * page's button, based on the version previewed, so a change saved meanwhile is
 * refused as a conflict instead of published unseen.
 */
export function PreviewActions({ kind, id, version }: { kind: string; id: string; version: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function publish() {
    setBusy(true);
    setMessage(null);
    const result = await sendJson(`/api/desk/${kind}/${id}/workflow`, { body: { action: "publish", baseVersion: version } });
    if (!result.ok) {
      setBusy(false);
      setMessage(result.message);
      return;
    }
    router.push(`/dashboard/${kind}/${id}?done=publish`);
    router.refresh();
  }
  return (
    <>
      <Button variant="primary" size="sm" disabled={busy} onClick={() => void publish()}>
        Publish
      </Button>
      {message && (
        <Alert tone="danger" title="Not published">
          <p>{message}</p>
        </Alert>
      )}
    </>
  );
}
