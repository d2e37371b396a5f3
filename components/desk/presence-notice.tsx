"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { formatTimestamp } from "@/lib/format/date";
import { sendJson } from "@/lib/http/send-json";

interface OtherPresence {
  name: string;
  openedAt: string;
}

/** "Eldar Editor", "Eldar Editor and Aigerim Author", "A, B and C". */
function names(others: OtherPresence[]): string {
  const all = others.map((other) => other.name);
  return all.length < 2 ? (all[0] ?? "") : `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
}

/**
 * Tells the person on a record's page who else has it open (lib/desk/presence.ts): the page
 * says it is here on load, every `heartbeatSeconds`, and again when it is shown after being
 * hidden, and says it is leaving as it closes. Nothing is shown while no one else is there.
 */
export function PresenceNotice({ kind, id, noun, canSave, heartbeatSeconds }: { kind: string; id: string; noun: string; canSave: boolean; heartbeatSeconds: number }) {
  const [others, setOthers] = useState<OtherPresence[]>([]);
  useEffect(() => {
    const url = `/api/desk/${kind}/${id}/presence`;
    let open = true;
    const here = async () => {
      const result = await sendJson<{ others: OtherPresence[] }>(url, { body: {} });
      // A failed heartbeat (offline, signed out) leaves the last answer; the next one tries again.
      if (open && result.ok) setOthers(result.others);
    };
    const leave = () => void sendJson(url, { body: { leaving: true }, keepalive: true });
    const shown = () => {
      if (document.visibilityState === "visible") void here();
    };
    // Back from the browser's back/forward cache: the page left when it was hidden away.
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) void here();
    };
    void here();
    const timer = window.setInterval(() => void here(), heartbeatSeconds * 1000);
    document.addEventListener("visibilitychange", shown);
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", restored);
    return () => {
      open = false;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", shown);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", restored);
      leave();
    };
  }, [kind, id, heartbeatSeconds]);

  if (others.length === 0) return null;
  const since = others.length === 1 ? ` (since ${formatTimestamp(new Date(others[0]!.openedAt))})` : "";
  return (
    <Alert tone="info" title={`${names(others)} ${others.length === 1 ? "also has" : "also have"} this ${noun} open${since}.`}>
      <p>
        {canSave
          ? "You can both save. If they save first, your save shows what they changed and keeps what you typed, so talk before you change the same fields."
          : "They may be changing it: reload the page to see their latest saves."}
      </p>
    </Alert>
  );
}
