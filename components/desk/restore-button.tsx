"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { sendJson } from "@/lib/http/send-json";

/** Restores one revision (as a new revision) and goes back to the form. */
export function RestoreButton({ kind, id, version, baseVersion }: { kind: string; id: string; version: number; baseVersion: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        size="sm"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await sendJson<{ version: number }>(`/api/desk/${kind}/${id}/workflow`, { body: { action: "restore", baseVersion, revisionVersion: version } });
          setBusy(false);
          if (!result.ok) return setError(result.message);
          router.push(`/dashboard/${kind}/${id}?done=restore&version=${result.version}`);
          router.refresh();
        }}
      >
        Restore version {version}
      </Button>
      {error && (
        <span role="alert" className="small" style={{ color: "var(--color-danger)", display: "block" }}>
          {error}
        </span>
      )}
    </>
  );
}
