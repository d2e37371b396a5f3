import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { WebhookEndpointForm } from "@/components/admin/webhook-endpoint-form";
import styles from "@/components/admin/admin.module.css";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader, cardClass } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_LABELS, type WebhookEvent } from "@/lib/webhooks/event-types";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

export default async function WebhooksPage() {
  await requirePageRole("ADMIN", "/admin/webhooks");
  const endpoints = await listWebhookEndpoints();
  return (
    <>
      <PageHeader title="Webhooks" lede="Tell other systems when the public record changes. Each change is POSTed as JSON, signed the Standard Webhooks way, and retried for about a day until the receiver answers 2xx." />
      <div className={styles.layout}>
        <div>
          {endpoints.length === 0 ? (
            <p className="muted">No endpoints yet.</p>
          ) : (
            <div className={styles.tableWrap}>
              <DataTable
                caption="Webhook endpoints"
                rows={endpoints}
                rowKey={(endpoint) => endpoint.id}
                columns={[
                  {
                    header: "Endpoint",
                    cell: (endpoint) => (
                      <div className={styles.wrap}>
                        <StaffLink href={`/admin/webhooks/${endpoint.id}`}>{endpoint.url}</StaffLink>
                        {endpoint.description && <div className="muted small">{endpoint.description}</div>}
                      </div>
                    ),
                  },
                  { header: "Sends", cell: (endpoint) => endpoint.events.map((e) => WEBHOOK_EVENT_LABELS[e as WebhookEvent]?.split(" (")[0] ?? e).join(", ") },
                  {
                    header: "Status",
                    cell: (endpoint) => (
                      <>
                        {endpoint.isActive ? <Badge tone="success">Active</Badge> : <Badge>Off</Badge>}{" "}
                        {endpoint.failingDeliveries > 0 && <Badge tone="warning">{endpoint.failingDeliveries} failing</Badge>}
                      </>
                    ),
                  },
                ]}
              />
            </div>
          )}
        </div>
        <section aria-labelledby="add-heading" className={`${cardClass} ${styles.panel}`}>
          <h2 id="add-heading" className={styles.panelHeading}>Add an endpoint</h2>
          <WebhookEndpointForm />
        </section>
      </div>
    </>
  );
}
