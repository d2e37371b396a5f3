"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckGroup, Checkbox } from "@/components/ui/check-group";
import { Field } from "@/components/ui/field";
import { useJsonSubmit } from "@/components/ui/use-json-submit";
import { sendJson } from "@/lib/http/send-json";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/event-types";
import { LinkBox } from "./link-box";

interface Endpoint {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  isActive: boolean;
  allowPrivateNetwork: boolean;
}

const EVENT_OPTIONS = WEBHOOK_EVENTS.map((value) => ({ value, label: WEBHOOK_EVENT_LABELS[value] }));

function bodyOf(form: FormData, isEdit: boolean) {
  return {
    url: String(form.get("url") ?? ""),
    description: String(form.get("description") ?? ""),
    events: form.getAll("events").map(String),
    allowPrivateNetwork: form.get("allowPrivateNetwork") === "on",
    ...(isEdit ? { isActive: form.get("isActive") === "on" } : {}),
  };
}

/** Adds an endpoint (then shows its secret once), or changes one. */
export function WebhookEndpointForm({ endpoint }: { endpoint?: Endpoint }) {
  const router = useRouter();
  const isEdit = Boolean(endpoint);
  const { state, pending, onSubmit } = useJsonSubmit<{ id?: string; secret?: string }>(async (form) => {
    const result = isEdit
      ? await sendJson<{ id?: string; secret?: string }>(`/api/admin/webhooks/${encodeURIComponent(endpoint!.id)}`, { method: "PUT", body: bodyOf(form, true) })
      : await sendJson<{ id: string; secret: string }>("/api/admin/webhooks", { body: bodyOf(form, false) });
    if (result.ok) router.refresh();
    return result;
  });
  const failed = state && !state.ok ? state : null;
  const created = state?.ok && state.secret ? state : null;
  return (
    <>
      {created && (
        <Alert tone="success" title="Endpoint added">
          <p>
            Every delivery is signed with this secret (Standard Webhooks: <code>webhook-id</code>, <code>webhook-timestamp</code>,{" "}
            <code>webhook-signature</code>). Give it to the receiving system now.
          </p>
          <LinkBox id="webhook-secret" label="Signing secret" link={created.secret!} hint="Shown only now: it is never displayed again." copyLabel="Copy secret" />
          <p>
            <Link href={`/admin/webhooks/${created.id}`}>Open the endpoint</Link> to send a test event.
          </p>
        </Alert>
      )}
      {state?.ok && isEdit && <Alert tone="success">Saved.</Alert>}
      {failed && <Alert tone="danger">{failed.message}</Alert>}
      <form onSubmit={onSubmit} noValidate key={created ? created.id : "form"}>
        <Field id="webhook-url" label="URL" required hint="Where to POST each change, e.g. https://example.org/hooks/chancery" errors={failed?.fieldErrors.url}>
          {(props) => <input {...props} name="url" type="url" inputMode="url" autoComplete="off" defaultValue={endpoint?.url} />}
        </Field>
        <Field id="webhook-description" label="Description" hint="Optional: which system this is." errors={failed?.fieldErrors.description}>
          {(props) => <input {...props} name="description" autoComplete="off" defaultValue={endpoint?.description ?? ""} />}
        </Field>
        <CheckGroup id="webhook-events" legend="Send these changes" name="events" options={EVENT_OPTIONS} selected={endpoint?.events ?? ["published"]} errors={failed?.fieldErrors.events} stacked />
        <Checkbox
          id="webhook-private"
          name="allowPrivateNetwork"
          label="Allow private network addresses"
          defaultChecked={endpoint?.allowPrivateNetwork}
          hint="Only for a system on your own network: deliveries may then go to loopback, link-local and private addresses."
        />
        {isEdit && <Checkbox id="webhook-active" name="isActive" label="Active" defaultChecked={endpoint?.isActive} hint="Switched off, the endpoint gets nothing." />}
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : isEdit ? "Save endpoint" : "Add endpoint"}
        </Button>
      </form>
    </>
  );
}
