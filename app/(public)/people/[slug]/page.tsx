import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/public/breadcrumbs";
import { JsonLdScript } from "@/components/public/json-ld-script";
import { RecordDate } from "@/components/public/record-date";
import styles from "@/components/public/record.module.css";
import { StatementListItem } from "@/components/public/statement-list-item";
import { Timeline } from "@/components/public/timeline";
import { EVENT_TYPE_LABELS, OCCURRENCE_LABELS, PARTICIPANT_ROLE_LABELS, label } from "@/lib/format/labels";
import { getPublicPerson } from "@/lib/people/public-queries";
import { breadcrumbList, jsonLdGraph, wikidataUrl } from "@/lib/site/json-ld";
import { countryNode } from "@/lib/site/record-json-ld";
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
  const person = await getPublicPerson(slug);
  if (!person) return { title: "Person not found", robots: { index: false } };
  const office = person.offices[0]?.title;
  const description = `${person.name}${office ? `, ${office}` : ""}: statements and events in the diplomatic record.`;
  const path = personPath(person.slug);
  return { title: person.name, description, alternates: { canonical: path }, openGraph: { type: "profile", title: person.name, description, url: path } };
}

export default async function PersonPage({ params }: Props) {
  const { slug } = await params;
  const person = await getPublicPerson(slug);
  if (!person) notFound();
  const path = personPath(person.slug);
  const url = absoluteUrl(path);
  return (
    <article className={styles.page}>
      <JsonLdScript
        data={jsonLdGraph([
          {
            "@type": "Person",
            "@id": url,
            name: person.name,
            url,
            description: person.description ?? undefined,
            jobTitle: person.offices[0]?.title,
            nationality: person.country ? countryNode(person.country) : undefined,
            sameAs: wikidataUrl(person.wikidataId),
          },
          breadcrumbList([
            { name: "Home", url: absoluteUrl("/") },
            { name: person.name, url },
          ]),
        ])}
      />
      <Breadcrumbs items={[{ name: "Home", href: "/" }, { name: person.name, href: path }]} />
      <p className={styles.kicker}>
        <span className={styles.type}>Person</span>
        {person.country && <Link href={countryPath(person.country.iso2)}>{person.country.name}</Link>}
        {person.wikidataId && <a href={wikidataUrl(person.wikidataId)}>Wikidata {person.wikidataId}</a>}
      </p>
      <h1 className={styles.title}>{person.name}</h1>
      {person.description && <p className={styles.lede}>{person.description}</p>}
      <div className={styles.layout}>
        <div className={styles.main}>
          <RecordSection id="statements" title="Statements">
            {person.statements.length === 0 ? (
              <p className="muted">No published statements.</p>
            ) : (
              person.statements.map((s) => <StatementListItem key={s.id} statement={s} />)
            )}
          </RecordSection>
          <RecordSection id="events" title="Events">
            <Timeline
              label={`Events ${person.name} took part in`}
              entries={person.participations.map((p) => ({
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
        <aside className={styles.aside} aria-label="Offices">
          <RecordSection id="offices" title="Offices held">
            {person.offices.length === 0 ? (
              <p className="muted">None recorded.</p>
            ) : (
              <ul className={styles.plain}>
                {person.offices.map((o) => (
                  <li key={o.id}>
                    {o.title}
                    <span className={styles.sourceMeta}>
                      {o.organization ? (
                        <Link href={organizationPath(o.organization.slug)}>{o.organization.name}</Link>
                      ) : o.country ? (
                        <Link href={countryPath(o.country.iso2)}>{o.country.name}</Link>
                      ) : null}
                      {o.startDate && (
                        <>
                          {" · from "}
                          <RecordDate date={o.startDate} precision={o.startPrecision} />
                        </>
                      )}
                      {o.endDate && (
                        <>
                          {" to "}
                          <RecordDate date={o.endDate} precision={o.endPrecision} />
                        </>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </RecordSection>
        </aside>
      </div>
    </article>
  );
}
