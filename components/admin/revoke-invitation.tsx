"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sendJson } from "@/lib/http/send-json";
import styles from "./admin.module.css";

/** "Revoke" on an open invitation, confirmed in place; the list refreshes when it worked. */
export function RevokeInvitation({ id }: { id: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setPending(true);
    const result = await sendJson(`/api/admin/invitations/${encodeURIComponent(id)}`, { method: "DELETE" });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setConfirming(false);
      return;
    }
    router.refresh();
  }

  if (confirming) {
    return (
      <div role="group" aria-label="Confirm revoking this invitation" className={styles.confirm}>
        <span className="small">Its link stops working.</span>
        <Button size="sm" variant="danger" disabled={pending} onClick={revoke}>
          {pending ? "Revoking…" : "Yes, revoke it"}
        </Button>
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
    );
  }
  return (
    <>
      {error && <Alert tone="danger">{error}</Alert>}
      <Button size="sm" onClick={() => { setError(null); setConfirming(true); }}>
        Revoke invitation
      </Button>
    </>
  );
}
