"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors/app-error";
import { sendJson } from "@/lib/http/send-json";
import { LinkBox } from "./link-box";

function useOperation() {
  const router = useRouter();
  const [state, setState] = useState<ActionResult<{ message: string }> | null>(null);
  const [pending, setPending] = useState(false);
  async function run(path: string, method: "POST" | "DELETE", message: string, after?: () => void) {
    setPending(true);
    try {
      const result = await sendJson(path, { method });
      setState(result.ok ? { ok: true, message } : result);
      if (result.ok) {
        if (after) after();
        else router.refresh();
      }
    } finally {
      setPending(false);
    }
  }
  return { state, pending, run };
}

function Outcome({ state }: { state: ActionResult<{ message: string }> | null }) {
  if (!state) return null;
  return <Alert tone={state.ok ? "success" : "danger"}>{state.message}</Alert>;
}

/** "Send test event" and "Delete endpoint" (after a confirmation), for one endpoint. */
export function WebhookEndpointActions({ id }: { id: string }) {
  const router = useRouter();
  const { state, pending, run } = useOperation();
  const [confirming, setConfirming] = useState(false);
  const path = `/api/admin/webhooks/${encodeURIComponent(id)}`;
  return (
    <div>
      <Outcome state={state} />
      <p>
        <Button disabled={pending} onClick={() => void run(`${path}/test`, "POST", "A test event is on its way; it appears below.")}>
          Send test event
        </Button>
      </p>
      {confirming ? (
        <Alert tone="warning" title="Delete this endpoint?">
          <p>It stops receiving changes at once, and its delivery history is deleted with it.</p>
          <p>
            <Button variant="danger" disabled={pending} onClick={() => void run(path, "DELETE", "Deleted.", () => router.push("/admin/webhooks"))}>
              Yes, delete the endpoint
            </Button>{" "}
            <Button onClick={() => setConfirming(false)}>Keep it</Button>
          </p>
        </Alert>
      ) : (
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Delete endpoint
        </Button>
      )}
    </div>
  );
}

/** "New signing secret": asks first, then shows the new secret this once. */
export function RotateSecret({ id }: { id: string }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<{ secret: string }> | null>(null);
  async function rotate() {
    setPending(true);
    try {
      setResult(await sendJson<{ secret: string }>(`/api/admin/webhooks/${encodeURIComponent(id)}/secret`, { method: "POST" }));
      setConfirming(false);
    } finally {
      setPending(false);
    }
  }
  if (result?.ok) {
    return (
      <Alert tone="success" title="New signing secret">
        <p>Deliveries are signed with it from now on, retries included. Give it to the receiving system now.</p>
        <LinkBox id="webhook-new-secret" label="Signing secret" link={result.secret} hint="Shown only now: it is never displayed again." copyLabel="Copy secret" />
      </Alert>
    );
  }
  return (
    <div>
      {result && !result.ok && <Alert tone="danger">{result.message}</Alert>}
      {confirming ? (
        <Alert tone="warning" title="Replace the signing secret?">
          <p>The old secret stops working at once: the receiver rejects deliveries until it has the new one.</p>
          <p>
            <Button variant="primary" disabled={pending} onClick={() => void rotate()}>
              Yes, make a new secret
            </Button>{" "}
            <Button onClick={() => setConfirming(false)}>Keep the secret</Button>
          </p>
        </Alert>
      ) : (
        <Button onClick={() => setConfirming(true)}>New signing secret</Button>
      )}
    </div>
  );
}

/** "Send again" for one delivery. */
export function ResendDeliveryButton({ id, label }: { id: string; label: string }) {
  const { state, pending, run } = useOperation();
  return (
    <>
      <Button size="sm" disabled={pending} aria-label={label} onClick={() => void run(`/api/admin/webhooks/deliveries/${encodeURIComponent(id)}/resend`, "POST", "Queued again.")}>
        Send again
      </Button>
      {state && !state.ok && <span role="alert" className="small">{state.message}</span>}
    </>
  );
}
