import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { notFound } from "next/navigation";
import { UtcTime } from "@/components/admin/utc-time";
import { ResendDeliveryButton, RotateSecret, WebhookEndpointActions } from "@/components/admin/webhook-actions";
import { WebhookEndpointForm } from "@/components/admin/webhook-endpoint-form";
import styles from "@/components/admin/admin.module.css";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader, cardClass } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/errors/app-error";
import { getWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const metadata: Metadata = { title: "Webhook endpoint" };
export const dynamic = "force-dynamic";

const STATUS = {
  PENDING: <Badge tone="info">Waiting</Badge>,
  RETRYING: <Badge tone="warning">Retrying</Badge>,
  SUCCEEDED: <Badge tone="success">Delivered</Badge>,
  FAILED: <Badge tone="danger">Failed</Badge>,
} as const;

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole("ADMIN", `/admin/webhooks/${id}`);
  const endpoint = await getWebhookEndpoint(id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title="Webhook endpoint">
        <p className={`${styles.wrap} small`}>{endpoint.url}</p>
      </PageHeader>
      <div className={styles.layout}>
        <div>
          <h2 className={styles.sectionHeading}>Deliveries</h2>
          {endpoint.deliveries.length === 0 ? (
            <p className="muted small">Nothing sent yet. Send a test event to check the receiver.</p>
          ) : (
            <div className={styles.tableWrap}>
              <DataTable
                caption="Latest deliveries, newest first"
                rows={endpoint.deliveries}
                rowKey={(delivery) => delivery.id}
                columns={[
                  { header: "Queued", cell: (delivery) => <span className={styles.nowrap}><UtcTime value={delivery.createdAt} /></span> },
                  {
                    header: "Change",
                    cell: (delivery) => (
                      <>
                        <code>{delivery.eventType}</code>
                        <details>
                          <summary className="small">Payload</summary>
                          <pre className={styles.summary}>{JSON.stringify(delivery.payload, null, 2)}</pre>
                        </details>
                      </>
                    ),
                  },
                  {
                    header: "Status",
                    cell: (delivery) => (
                      <>
                        {STATUS[delivery.status]}
                        {delivery.lastError && <div className="small muted">{delivery.lastError}</div>}
                      </>
                    ),
                  },
                  { header: "Response", cell: (delivery) => delivery.responseStatus ?? "—" },
                  { header: "Attempts", cell: (delivery) => delivery.attempts },
                  {
                    header: "Actions",
                    hideHeader: true,
                    cell: (delivery) =>
                      (delivery.status === "SUCCEEDED" || delivery.status === "FAILED") && (
                        <ResendDeliveryButton id={delivery.id} label={`Send ${delivery.eventType} of ${delivery.createdAt.toISOString().slice(0, 16).replace("T", " ")} again`} />
                      ),
                  },
                ]}
              />
            </div>
          )}
          <p className={styles.back}>
            <StaffLink href="/admin/webhooks">All endpoints</StaffLink>
          </p>
        </div>
        <div className={styles.stack}>
          <section aria-labelledby="test-heading" className={`${cardClass} ${styles.panel}`}>
            <h2 id="test-heading" className={styles.panelHeading}>Check it</h2>
            <WebhookEndpointActions id={endpoint.id} />
          </section>
          <section aria-labelledby="secret-heading" className={`${cardClass} ${styles.panel}`}>
            <h2 id="secret-heading" className={styles.panelHeading}>Signing secret</h2>
            <p className="small muted">Shown only when it was made. If it may have leaked, replace it.</p>
            <RotateSecret id={endpoint.id} />
          </section>
          <section aria-labelledby="edit-heading" className={`${cardClass} ${styles.panel}`}>
            <h2 id="edit-heading" className={styles.panelHeading}>Settings</h2>
            <WebhookEndpointForm endpoint={endpoint} />
          </section>
        </div>
      </div>
    </>
  );
}
