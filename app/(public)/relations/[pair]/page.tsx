import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Breadcrumbs } from "@/components/public/breadcrumbs";
import { JsonLdScript } from "@/components/public/json-ld-script";
import { RecordDate } from "@/components/public/record-date";
import styles from "@/components/public/record.module.css";
import { StatementListItem } from "@/components/public/statement-list-item";
import { Timeline } from "@/components/public/timeline";
import { PARTICIPANT_STATUS_LABELS } from "@/lib/agreements/participant-status";
import { getPublicRelation } from "@/lib/countries/public-queries";
import { parseRelationPair, relationPath } from "@/lib/countries/relation-path";
import { formatDate } from "@/lib/format/date";
import { EVENT_TYPE_LABELS, OCCURRENCE_LABELS, label } from "@/lib/format/labels";
import { breadcrumbList, jsonLdGraph } from "@/lib/site/json-ld";
import { countryNode } from "@/lib/site/record-json-ld";
import { absoluteUrl } from "@/lib/site/url";
import { agreementPath, countryPath, eventPath } from "@/lib/site/paths";
import { RecordSection } from "@/components/public/record-section";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ pair: string }> };

// Only the page redirects: a redirect thrown from generateMetadata as well would send two Location headers.
async function load(pair: string, { redirectToCanonical }: { redirectToCanonical: boolean }) {
  const parsed = parseRelationPair(pair);
  if (!parsed) return null;
  if (redirectToCanonical && !parsed.isCanonical) permanentRedirect(relationPath(parsed.a, parsed.b));
  return getPublicRelation(parsed.a, parsed.b);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { pair } = await params;
  const data = await load(pair, { redirectToCanonical: false });
  if (!data) return { title: "Not found", robots: { index: false } };
  const title = `${data.a.name} and ${data.b.name}`;
  const since = data.established ? ` Diplomatic relations since ${formatDate(data.established.date, data.established.datePrecision)}.` : "";
  const description = `The shared diplomatic record of ${data.a.name} and ${data.b.name}: ${data.events.length} events, ${data.statements.length} statements, ${data.agreements.length} agreements.${since}`;
  const path = relationPath(data.a.iso2, data.b.iso2);
  return { title, description, alternates: { canonical: path }, openGraph: { title, description, url: path } };
}

export default async function RelationPage({ params }: Props) {
  const { pair } = await params;
  const data = await load(pair, { redirectToCanonical: true });
  if (!data) notFound();
  const { a, b, events, statements, agreements, established } = data;
  const title = `${a.name} and ${b.name}`;
  const path = relationPath(a.iso2, b.iso2);
  const url = absoluteUrl(path);
  return (
    <article className={styles.page}>
      <JsonLdScript
        data={jsonLdGraph([
          { "@type": "WebPage", "@id": url, name: title, url, about: [countryNode(a), countryNode(b)] },
          breadcrumbList([
            { name: "Home", url: absoluteUrl("/") },
            { name: "Countries", url: absoluteUrl("/countries") },
            { name: title, url },
          ]),
        ])}
      />
      <Breadcrumbs
        items={[
          { name: "Home", href: "/" },
          { name: "Countries", href: "/countries" },
          { name: title, href: path },
        ]}
      />
      <p className={styles.kicker}>
        <span className={styles.type}>Relations</span>
        <Link href={countryPath(a.iso2)}>{a.name}</Link>
        <Link href={countryPath(b.iso2)}>{b.name}</Link>
      </p>
      <h1 className={styles.title}>{title}</h1>
      <p className={styles.lede}>
        {established ? (
          <>
            Diplomatic relations established <RecordDate date={established.date} precision={established.datePrecision} /> (
            <Link href={eventPath(established.slug)}>the record</Link>).
          </>
        ) : (
          "The record holds no date for the establishment of diplomatic relations."
        )}
      </p>
      <div className={styles.layout}>
        <div className={styles.main}>
          <RecordSection id="timeline" title="Shared timeline">
            <Timeline
              label={`Events involving both ${a.name} and ${b.name}`}
              entries={events.map((e) => ({
                key: e.id,
                date: e.date,
                precision: e.datePrecision,
                title: e.title,
                href: eventPath(e.slug),
                kind: label(EVENT_TYPE_LABELS, e.type),
                flag: e.occurrence !== "OCCURRED" ? label(OCCURRENCE_LABELS, e.occurrence) : undefined,
              }))}
            />
          </RecordSection>
          <RecordSection id="statements" title="Statements">
            {statements.length === 0 ? (
              <p className="muted">No published statement concerns both countries.</p>
            ) : (
              statements.map((s) => <StatementListItem key={s.id} statement={s} />)
            )}
          </RecordSection>
        </div>
        <aside className={styles.aside} aria-label="Agreements and facts">
          <RecordSection id="facts" title="At a glance">
            <dl className={styles.facts}>
              <dt>Relations since</dt>
              <dd>{established ? <RecordDate date={established.date} precision={established.datePrecision} /> : "Not recorded"}</dd>
              <dt>Shared events</dt>
              <dd>{events.length}</dd>
              <dt>Statements</dt>
              <dd>{statements.length}</dd>
            </dl>
          </RecordSection>
          <RecordSection id="agreements" title="Agreements both are party to">
            {agreements.length === 0 ? (
              <p className="muted">None on the record.</p>
            ) : (
              <ul className={styles.plain}>
                {agreements.map((ag) => (
                  <li key={ag.slug}>
                    <Link href={agreementPath(ag.slug)}>{ag.name}</Link>
                    <span className={styles.sourceMeta}>
                      {a.name}: {ag.statusA ? PARTICIPANT_STATUS_LABELS[ag.statusA] : "—"}; {b.name}:{" "}
                      {ag.statusB ? PARTICIPANT_STATUS_LABELS[ag.statusB] : "—"}
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
