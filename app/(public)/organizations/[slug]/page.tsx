import Link from "next/link";
import styles from "@/components/public/record.module.css";
import { ParticipationsSection } from "@/components/public/timeline";
import { getPublicOrganization } from "@/lib/organizations/public-queries";
import { wikidataUrl } from "@/lib/site/json-ld";
import { ORGANIZATION_KIND_LABELS } from "@/lib/site/labels";
import { countryNode, personNode } from "@/lib/site/record-json-ld";
import { countryPath, organizationPath, pageTrail, personPath } from "@/lib/site/paths";
import { ChipSection, LinkSection } from "@/components/public/record-section";
import { RecordHeading, RecordTrail, WikidataLink } from "@/components/public/record-trail";
import { readOrMerged, recordMetadata, slugPageMetadata, type SlugProps } from "@/lib/site/record-page";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

export const generateMetadata = slugPageMetadata(getPublicOrganization, "Organization", (org) =>
  recordMetadata({
    title: org.name,
    description: org.description ?? `${org.name} in the diplomatic record: members and the events it took part in.`,
    path: organizationPath(org.slug),
  }),
);

export default async function OrganizationPage({ params }: SlugProps) {
  const org = await readOrMerged(params, getPublicOrganization, { kind: "ORGANIZATION", path: organizationPath });
  const path = organizationPath(org.slug);
  return (
    <article className={styles.page}>
      <RecordTrail
        trail={pageTrail({ name: org.name, href: path })}
        node={{
          "@type": org.kind === "GOVERNMENT_BODY" ? "GovernmentOrganization" : "Organization",
          alternateName: org.acronym ?? undefined,
          description: org.description ?? undefined,
          areaServed: org.country ? countryNode(org.country) : undefined,
          member: org.members.map((m) => countryNode(m.country)),
          employee: org.offices.map((o) => personNode(o.person, o.title)),
          sameAs: wikidataUrl(org.wikidataId),
        }}
      />
      <RecordHeading type={ORGANIZATION_KIND_LABELS[org.kind] ?? org.kind} title={org.name} lede={org.description}>
        {org.acronym && org.acronym !== org.name && <span>{org.acronym}</span>}
        {org.country && <Link href={countryPath(org.country.iso2)}>{org.country.name}</Link>}
        <WikidataLink id={org.wikidataId} />
      </RecordHeading>
      <div className={styles.layout}>
        <div className={styles.main}>
          <ParticipationsSection name={org.name} participations={org.participations} total={org.eventCount} />
        </div>
        <aside className={styles.aside} aria-label="Members and people">
          <ChipSection id="members" title="Members" items={org.members.map((m) => ({ key: m.id, href: countryPath(m.country.iso2), name: m.country.name }))} />
          <LinkSection id="people" title="People" items={org.offices.map((o) => ({ key: o.id, href: personPath(o.person.slug), name: o.person.name, meta: o.title }))} />
        </aside>
      </div>
    </article>
  );
}
