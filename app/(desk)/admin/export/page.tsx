import type { Metadata } from "next";
import styles from "@/components/admin/admin.module.css";
import { buttonClass } from "@/components/ui/button";
import { cardClass, PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";

export const metadata: Metadata = { title: "Export the record" };
export const dynamic = "force-dynamic";

export default async function ExportPage() {
  await requirePageRole("ADMIN", "/admin/export");
  return (
    <>
      <PageHeader title="Export the record" lede="One file with everything Chancery holds: countries, people, organizations, agreements and treaty actions, events, statements, sources, topics, corrections, every revision, the staff accounts and the audit log." />
      <div className={styles.stack}>
        <section className={cardClass} aria-labelledby="download-heading">
          <h2 id="download-heading" className={styles.panelHeading}>Download</h2>
          <p>
            The file is compressed JSON (<code>.ndjson.gz</code>), read as one consistent moment of
            the record, and checked when it is restored: a cut or changed file is refused. Passwords
            and sessions are not in it; after a restore, staff sign in again with a reset link.
          </p>
          <p>
            {/* A plain link: a download is not a page to navigate to client-side. */}
            <a className={buttonClass("primary")} href="/api/admin/export" download>
              Download an export
            </a>
          </p>
        </section>
        <section className={cardClass} aria-labelledby="restore-heading">
          <h2 id="restore-heading" className={styles.panelHeading}>Restore on another server</h2>
          <p>On a fresh copy of Chancery, before its first start:</p>
          <pre className={styles.command}>
            <code>npm run import -- --in chancery-backup-….ndjson.gz{"\n"}npm start</code>
          </pre>
          <p>
            A restore goes only into an empty database, in one transaction. To carry password hashes
            too, export on the server with{" "}
            <code>npm run export -- --out FILE --with-credentials</code> and keep that file as safe
            as the passwords.
          </p>
        </section>
      </div>
    </>
  );
}
