import type { Metadata } from "next";
import { IntentLink } from "@/components/public/intent-link";
import { RecordDate } from "@/components/public/record-date";
import styles from "@/components/public/record.module.css";
import { getPublicAgreements } from "@/lib/agreements/public-queries";
import { buildPlaceholder } from "@/lib/cache/runtime-page";
import { isBuildPhase } from "@/lib/env/build-phase.mjs";
import { AGREEMENT_KIND_LABELS } from "@/lib/format/labels";
import { agreementPath, pageTrail, SECTIONS } from "@/lib/site/paths";
import { RecordTrail } from "@/components/public/record-trail";

export const metadata: Metadata = {
  title: "Agreements",
  description: "Treaties, declarations and memoranda in the diplomatic record, with their parties and each party's steps.",
  alternates: { canonical: "/agreements" },
};

export default async function AgreementsPage() {
  if (isBuildPhase()) return buildPlaceholder();
  const agreements = await getPublicAgreements();
  return (
    <div className={styles.page}>
      <RecordTrail trail={pageTrail(SECTIONS.agreements)} />
      <h1 className={styles.title}>Agreements</h1>
      <p className={styles.lede}>Treaties, declarations and memoranda, with their parties and each party&rsquo;s signatures, ratifications and accessions.</p>
      {agreements.length === 0 ? (
        <p className="muted">No agreements on the record yet.</p>
      ) : (
        <ul className={styles.plain}>
          {agreements.map((a) => (
            <li key={a.slug} className={styles.listItem}>
              <p className={styles.kicker}>
                <span className={styles.type}>{AGREEMENT_KIND_LABELS[a.kind] ?? a.kind}</span>
                {a.concludedOn && (
                  <span>
                    Concluded <RecordDate date={a.concludedOn} precision={a.concludedPrecision} />
                  </span>
                )}
                <span>
                  {a.partyCount} {a.partyCount === 1 ? "party" : "parties"}
                </span>
              </p>
              <h2 className={styles.itemTitle}>
                <IntentLink href={agreementPath(a.slug)}>{a.name}</IntentLink>
              </h2>
              {a.summary && <p className={styles.body}>{a.summary}</p>}
              {a.parent && (
                <p className={styles.meta}>
                  Part of <IntentLink href={agreementPath(a.parent.slug)}>{a.parent.name}</IntentLink>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
