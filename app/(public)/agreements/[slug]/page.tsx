import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/public/breadcrumbs";
import { JsonLdScript } from "@/components/public/json-ld-script";
import { RecordDate } from "@/components/public/record-date";
import styles from "@/components/public/record.module.css";
import { SourcesList } from "@/components/public/sources-list";
import { Timeline } from "@/components/public/timeline";
import { WorldMap, type MapLegendEntry } from "@/components/public/world-map";
import { PARTICIPANT_STATUS_LABELS, PARTICIPANT_STATUS_ORDER, type ParticipantStatus } from "@/lib/agreements/participant-status";
import { getPublicAgreement } from "@/lib/agreements/public-queries";
import { isoDate } from "@/lib/format/date";
import { EVENT_TYPE_LABELS, TREATY_ACTION_LABELS, label } from "@/lib/format/labels";
import { renderMarkdown } from "@/lib/markdown/render";
import { breadcrumbList, jsonLdGraph, wikidataUrl } from "@/lib/site/json-ld";
import { AGREEMENT_KIND_LABELS } from "@/lib/format/labels";
import { countryNode } from "@/lib/site/record-json-ld";
import { absoluteUrl } from "@/lib/site/url";
import { agreementPath, countryPath, eventPath } from "@/lib/site/paths";
import { RecordSection } from "@/components/public/record-section";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

const STATUS_TONES: Record<ParticipantStatus, MapLegendEntry["tone"]> = {
  IN_FORCE: "strong",
  RATIFIED: "strong",
  ACCEDED: "strong",
  SIGNED: "accent",
  INTENT_ANNOUNCED: "warning",
  WITHDRAWN: "muted",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const agreement = await getPublicAgreement(slug);
  if (!agreement) return { title: "Agreement not found", robots: { index: false } };
  const description =
    agreement.summary ?? `${agreement.name}: ${agreement.parties.length} parties and their signatures, ratifications and accessions.`;
  const path = agreementPath(agreement.slug);
  return { title: agreement.name, description, alternates: { canonical: path }, openGraph: { title: agreement.name, description, url: path } };
}

export default async function AgreementPage({ params }: Props) {
  const { slug } = await params;
  const agreement = await getPublicAgreement(slug);
  if (!agreement) notFound();
  const path = agreementPath(agreement.slug);
  const url = absoluteUrl(path);
  const statuses = PARTICIPANT_STATUS_ORDER.filter((s) => agreement.parties.some((p) => p.status === s));
  return (
    <article className={styles.page}>
      <JsonLdScript
        data={jsonLdGraph([
          {
            "@type": "Legislation",
            "@id": url,
            name: agreement.name,
            url,
            description: agreement.summary ?? undefined,
            legislationType: AGREEMENT_KIND_LABELS[agreement.kind],
            legislationDate: agreement.concludedOn ? isoDate(agreement.concludedOn, agreement.concludedPrecision) : undefined,
            sameAs: wikidataUrl(agreement.wikidataId),
            isPartOf: agreement.parent ? { "@type": "Legislation", name: agreement.parent.name, url: absoluteUrl(agreementPath(agreement.parent.slug)) } : undefined,
            hasPart: agreement.children.map((c) => ({ "@type": "Legislation", name: c.name, url: absoluteUrl(agreementPath(c.slug)) })),
            spatialCoverage: agreement.parties.map((p) => countryNode(p.country)),
            citation: agreement.sources.map((s) => ({ "@type": "CreativeWork", name: s.title, url: s.url })),
          },
          breadcrumbList([
            { name: "Home", url: absoluteUrl("/") },
            { name: "Agreements", url: absoluteUrl("/agreements") },
            { name: agreement.name, url },
          ]),
        ])}
      />
      <Breadcrumbs
        items={[
          { name: "Home", href: "/" },
          { name: "Agreements", href: "/agreements" },
          { name: agreement.name, href: path },
        ]}
      />
      <p className={styles.kicker}>
        <span className={styles.type}>{AGREEMENT_KIND_LABELS[agreement.kind] ?? agreement.kind}</span>
        {agreement.concludedOn && (
          <span>
            Concluded <RecordDate date={agreement.concludedOn} precision={agreement.concludedPrecision} />
          </span>
        )}
      </p>
      <h1 className={styles.title}>{agreement.name}</h1>
      {agreement.summary && <p className={styles.lede}>{agreement.summary}</p>}
      <div className={styles.layout}>
        <div className={styles.main}>
          <RecordSection id="map" title="Parties on the map">
            <WorldMap
              id="agreement-map"
              title={`Parties to the ${agreement.name}, coloured by status`}
              description={`A world map of the ${agreement.parties.length} countries with steps on the ${agreement.name}: ${statuses
                .map((s) => `${PARTICIPANT_STATUS_LABELS[s].toLowerCase()}: ${agreement.parties.filter((p) => p.status === s).map((p) => p.country.name).join(", ")}`)
                .join("; ")}.`}
              highlights={agreement.parties.map((p) => ({ numeric: p.country.numeric, iso2: p.country.iso2, name: p.country.name, group: p.status }))}
              legend={statuses.map((s) => ({ group: s, label: PARTICIPANT_STATUS_LABELS[s], tone: STATUS_TONES[s] }))}
            />
          </RecordSection>
          <RecordSection id="parties" title="Parties and their status">
            {agreement.parties.length === 0 ? (
              <p className="muted">No treaty actions are on the record yet.</p>
            ) : (
              <div className={styles.tableWrap}>
                <table className={styles.table}>
                  <caption className="visually-hidden">Each party&rsquo;s status, derived from its treaty actions</caption>
                  <thead>
                    <tr>
                      <th scope="col">Party</th>
                      <th scope="col">Status</th>
                      <th scope="col">Steps</th>
                    </tr>
                  </thead>
                  <tbody>
                    {agreement.parties.map((p) => (
                      <tr key={p.country.iso2}>
                        <th scope="row">
                          <Link href={countryPath(p.country.iso2)}>{p.country.name}</Link>
                        </th>
                        <td>{PARTICIPANT_STATUS_LABELS[p.status]}</td>
                        <td>
                          <ul className={styles.compact}>
                            {p.actions.map((a) => (
                              <li key={a.id}>
                                {label(TREATY_ACTION_LABELS, a.type)}, <RecordDate date={a.date} precision={a.precision} />
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </RecordSection>
          <RecordSection id="timeline" title="Treaty actions over time">
            <Timeline
              label={`Treaty actions on the ${agreement.name}`}
              entries={agreement.actions.map((a) => ({
                key: a.id,
                date: a.date,
                precision: a.precision,
                title: `${a.country.name}: ${label(TREATY_ACTION_LABELS, a.type).toLowerCase()}`,
                href: a.event ? eventPath(a.event.slug) : countryPath(a.country.iso2),
                kind: label(TREATY_ACTION_LABELS, a.type),
                note: a.note ?? undefined,
              }))}
            />
          </RecordSection>
          {agreement.body?.trim() && (
            <RecordSection id="about" title="About">
              <div className={styles.body} dangerouslySetInnerHTML={{ __html: renderMarkdown(agreement.body) }} />
            </RecordSection>
          )}
          <SourcesList sources={agreement.sources} />
        </div>
        <aside className={styles.aside} aria-label="Related">
          {(agreement.parent || agreement.children.length > 0) && (
            <RecordSection id="related-agreements" title="Related agreements">
              <ul className={styles.plain}>
                {agreement.parent && (
                  <li>
                    Part of <Link href={agreementPath(agreement.parent.slug)}>{agreement.parent.name}</Link>
                  </li>
                )}
                {agreement.children.map((c) => (
                  <li key={c.slug}>
                    <Link href={agreementPath(c.slug)}>{c.name}</Link>
                    <span className={styles.sourceMeta}>
                      {AGREEMENT_KIND_LABELS[c.kind]}
                      {c.concludedOn && (
                        <>
                          {" · "}
                          <RecordDate date={c.concludedOn} precision={c.concludedPrecision} />
                        </>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            </RecordSection>
          )}
          <RecordSection id="events" title="Events">
            {agreement.events.length === 0 ? (
              <p className="muted">No published events concern this agreement.</p>
            ) : (
              <ul className={styles.plain}>
                {agreement.events.map((e) => (
                  <li key={e.id}>
                    <Link href={eventPath(e.slug)}>{e.title}</Link>
                    <span className={styles.sourceMeta}>
                      {label(EVENT_TYPE_LABELS, e.type)} · <RecordDate date={e.date} precision={e.datePrecision} />
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
