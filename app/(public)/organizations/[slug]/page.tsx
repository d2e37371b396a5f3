import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/public/breadcrumbs";
import { JsonLdScript } from "@/components/public/json-ld-script";
import styles from "@/components/public/record.module.css";
import { Timeline } from "@/components/public/timeline";
import { EVENT_TYPE_LABELS, OCCURRENCE_LABELS, PARTICIPANT_ROLE_LABELS, label } from "@/lib/format/labels";
import { getPublicOrganization } from "@/lib/organizations/public-queries";
import { breadcrumbList, jsonLdGraph, wikidataUrl } from "@/lib/site/json-ld";
import { ORGANIZATION_KIND_LABELS } from "@/lib/site/labels";
import { countryNode, personNode } from "@/lib/site/record-json-ld";
import { absoluteUrl } from "@/lib/site/url";
import { countryPath, eventPath, organizationPath, personPath } from "@/lib/site/paths";
import { RecordSection } from "@/components/public/record-section";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const org = await getPublicOrganization(slug);
  if (!org) return { title: "Organization not found", robots: { index: false } };
  const description = org.description ?? `${org.name} in the diplomatic record: members and the events it took part in.`;
  const path = organizationPath(org.slug);
  return { title: org.name, description, alternates: { canonical: path }, openGraph: { title: org.name, description, url: path } };
}

export default async function OrganizationPage({ params }: Props) {
  const { slug } = await params;
  const org = await getPublicOrganization(slug);
  if (!org) notFound();
  const path = organizationPath(org.slug);
  const url = absoluteUrl(path);
  return (
    <article className={styles.page}>
      <JsonLdScript
        data={jsonLdGraph([
          {
            "@type": org.kind === "GOVERNMENT_BODY" ? "GovernmentOrganization" : "Organization",
            "@id": url,
            name: org.name,
            alternateName: org.acronym ?? undefined,
            url,
            description: org.description ?? undefined,
            areaServed: org.country ? countryNode(org.country) : undefined,
            member: org.members.map((m) => countryNode(m.country)),
            employee: org.offices.map((o) => personNode(o.person, o.title)),
            sameAs: wikidataUrl(org.wikidataId),
          },
          breadcrumbList([
            { name: "Home", url: absoluteUrl("/") },
            { name: org.name, url },
          ]),
        ])}
      />
      <Breadcrumbs items={[{ name: "Home", href: "/" }, { name: org.name, href: path }]} />
      <p className={styles.kicker}>
        <span className={styles.type}>{ORGANIZATION_KIND_LABELS[org.kind] ?? org.kind}</span>
        {org.acronym && org.acronym !== org.name && <span>{org.acronym}</span>}
        {org.country && <Link href={countryPath(org.country.iso2)}>{org.country.name}</Link>}
        {org.wikidataId && <a href={wikidataUrl(org.wikidataId)}>Wikidata {org.wikidataId}</a>}
      </p>
      <h1 className={styles.title}>{org.name}</h1>
      {org.description && <p className={styles.lede}>{org.description}</p>}
      <div className={styles.layout}>
        <div className={styles.main}>
          <RecordSection id="events" title="Events">
            <Timeline
              label={`Events ${org.name} took part in`}
              entries={org.participations.map((p) => ({
                key: p.id,
                date: p.event.date,
                precision: p.event.datePrecision,
                title: p.event.title,
                href: eventPath(p.event.slug),
                kind: `${label(EVENT_TYPE_LABELS, p.event.type)} · ${label(PARTICIPANT_ROLE_LABELS, p.role)}`,
                flag: p.event.occurrence !== "OCCURRED" ? label(OCCURRENCE_LABELS, p.event.occurrence) : undefined,
              }))}
            />
          </RecordSection>
        </div>
        <aside className={styles.aside} aria-label="Members and people">
          {org.members.length > 0 && (
            <RecordSection id="members" title="Members">
              <ul className={styles.inline}>
                {org.members.map((m) => (
                  <li key={m.id}>
                    <Link className={styles.chip} href={countryPath(m.country.iso2)}>
                      {m.country.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </RecordSection>
          )}
          {org.offices.length > 0 && (
            <RecordSection id="people" title="People">
              <ul className={styles.plain}>
                {org.offices.map((o) => (
                  <li key={o.id}>
                    <Link href={personPath(o.person.slug)}>{o.person.name}</Link>
                    <span className={styles.sourceMeta}>{o.title}</span>
                  </li>
                ))}
              </ul>
            </RecordSection>
          )}
        </aside>
      </div>
    </article>
  );
}
