"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { UtcTime } from "@/components/admin/utc-time";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import type { ActionResult } from "@/lib/errors/app-error";
import { plural } from "@/lib/format/count";
import { sendJson } from "@/lib/http/send-json";
import styles from "./session-list.module.css";

export interface SessionItem {
  id: string;
  device: string;
  ip: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
  isCurrent: boolean;
}

/**
 * Where one is signed in (/account): each live session with its browser, address
 * and times, the one in use marked. Any other can be signed out, one by one or all
 * at once; that browser is sent to the sign-in page at its next request.
 */
export function SessionList({ items, total }: { items: SessionItem[]; total: number }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<ActionResult<{ message: string }> | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  async function end(key: string, path: string, said: (ended: number) => string) {
    if (pending) return;
    setPending(key);
    try {
      const result = await sendJson<{ sessionsEnded: number }>(path, { method: "DELETE" });
      setOutcome(result.ok ? { ok: true, message: said(result.sessionsEnded) } : result);
      // The list is read again: an ended session leaves it (and one that had already gone, too).
      router.refresh();
    } finally {
      setPending(null);
    }
  }

  const others = total - items.filter((s) => s.isCurrent).length;
  return (
    <>
      {outcome && <Alert tone={outcome.ok ? "success" : "danger"}>{outcome.message}</Alert>}
      <DataTable
        caption="Your live sessions"
        rows={items}
        rowKey={(session) => session.id}
        columns={[
          {
            header: "Browser",
            cell: (session) => (
              <span className={styles.device}>
                {session.device}
                {session.isCurrent && <Badge tone="info">This browser</Badge>}
              </span>
            ),
          },
          { header: "Address", cell: (session) => session.ip ?? <span className="muted">not recorded</span> },
          { header: "Signed in", cell: (session) => <UtcTime value={session.signedInAt} /> },
          { header: "Last active", cell: (session) => (session.isCurrent ? "now" : <UtcTime value={session.lastSeenAt} />) },
          {
            header: "Sign out",
            hideHeader: true,
            cell: (session) =>
              !session.isCurrent && (
                <Button
                  size="sm"
                  disabled={pending !== null}
                  onClick={() => end(session.id, `/api/account/sessions/${encodeURIComponent(session.id)}`, () => `${session.device} is signed out.`)}
                >
                  {pending === session.id ? "Signing out…" : "Sign out"}
                  <span className="visually-hidden">
                    {" "}
                    {session.device}
                    {session.ip ? ` at ${session.ip}` : ""}
                  </span>
                </Button>
              ),
          },
        ]}
      />
      <div className={styles.after}>
        {total > items.length && <p className="muted small">And {plural(total - items.length, "session")} more, used less recently.</p>}
        {others > 0 ? (
          <Button variant="danger" disabled={pending !== null} onClick={() => end("others", "/api/account/sessions", (n) => `Signed out everywhere else: ${plural(n, "session")} ended.`)}>
            {pending === "others" ? "Signing out…" : "Sign out everywhere else"}
          </Button>
        ) : (
          <p className="muted small">You are signed in nowhere else.</p>
        )}
      </div>
    </>
  );
}
