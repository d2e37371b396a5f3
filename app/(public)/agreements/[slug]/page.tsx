import Link from "next/link";
import { FollowFeeds } from "@/components/public/follow-feeds";
import { IntentLink } from "@/components/public/intent-link";
import { feedAlternates, recordFeed } from "@/lib/feeds/follow";
import { RecordDate } from "@/components/public/record-date";
import styles from "@/components/public/record.module.css";
import { stackingTableClass } from "@/components/ui/page-header";
import { SourcesList } from "@/components/public/sources-list";
import { Timeline } from "@/components/public/timeline";
import { type MapLegendEntry, WorldMap } from "@/components/public/world-map";
import { PARTICIPANT_STATUS_LABELS, PARTICIPANT_STATUS_ORDER, type ParticipantStatus } from "@/lib/agreements/participant-status";
import { getPublicAgreement } from "@/lib/agreements/public-queries";
import { andList, countryInText } from "@/lib/format/country";
import { isoDate } from "@/lib/format/date";
import { EVENT_TYPE_LABELS, label, TREATY_ACTION_LABELS } from "@/lib/format/labels";
import { renderMarkdown } from "@/lib/markdown/render";
import { wikidataUrl } from "@/lib/site/json-ld";
import { AGREEMENT_KIND_LABELS } from "@/lib/format/labels";
import { countryNode } from "@/lib/site/record-json-ld";
import { absoluteUrl } from "@/lib/site/url";
import { agreementPath, countryPath, eventPath, pageTrail, SECTIONS } from "@/lib/site/paths";
import { LinkSection, RecordSection, eventLink } from "@/components/public/record-section";
import { RecordHeading, RecordTrail } from "@/components/public/record-trail";
import { readOrMerged, recordMetadata, slugPageMetadata, type SlugProps } from "@/lib/site/record-page";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

const STATUS_TONES: Record<ParticipantStatus, MapLegendEntry["tone"]> = {
  IN_FORCE: "strong",
  RATIFIED: "strong",
  ACCEDED: "strong",
  SIGNED: "accent",
  JOINED_THROUGH_RELATED: "related",
  INTENT_ANNOUNCED: "warning",
  WITHDRAWN: "muted",
};

export const generateMetadata = slugPageMetadata(getPublicAgreement, "Agreement", (agreement) =>
  recordMetadata({
    title: agreement.name,
    description: agreement.summary ?? `${agreement.name}: ${agreement.parties.length} parties and their signatures, ratifications and accessions.`,
    path: agreementPath(agreement.slug),
    feeds: feedAlternates([recordFeed("events", { agreement })]),
  }),
);

export default async function AgreementPage({ params }: SlugProps) {
  const agreement = await readOrMerged(params, getPublicAgreement, { kind: "AGREEMENT", path: agreementPath });
  const path = agreementPath(agreement.slug);
  const statuses = PARTICIPANT_STATUS_ORDER.filter((s) => agreement.parties.some((p) => p.status === s));
  return (
    <article className={styles.page}>
      <RecordTrail
        trail={pageTrail({ name: agreement.name, href: path }, SECTIONS.agreements)}
        node={{
          "@type": "Legislation",
          description: agreement.summary ?? undefined,
          legislationType: AGREEMENT_KIND_LABELS[agreement.kind],
          legislationDate: agreement.concludedOn ? isoDate(agreement.concludedOn, agreement.concludedPrecision) : undefined,
          sameAs: wikidataUrl(agreement.wikidataId),
          isPartOf: agreement.parent ? { "@type": "Legislation", name: agreement.parent.name, url: absoluteUrl(agreementPath(agreement.parent.slug)) } : undefined,
          hasPart: agreement.children.map((c) => ({ "@type": "Legislation", name: c.name, url: absoluteUrl(agreementPath(c.slug)) })),
          spatialCoverage: agreement.parties.map((p) => countryNode(p.country)),
          citation: agreement.sources.map((s) => ({ "@type": "CreativeWork", name: s.title, url: s.url })),
        }}
      />
      <RecordHeading type={AGREEMENT_KIND_LABELS[agreement.kind] ?? agreement.kind} title={agreement.name} lede={agreement.summary}>
        {agreement.concludedOn && (
          <span>
            Concluded <RecordDate date={agreement.concludedOn} precision={agreement.concludedPrecision} />
          </span>
        )}
      </RecordHeading>
      <div className={styles.layout}>
        <div className={styles.main}>
          <RecordSection id="map" title="Parties on the map">
            <WorldMap
              id="agreement-map"
              title={`Parties to the ${agreement.name}, coloured by status`}
              description={`A world map of the ${agreement.parties.length} countries with steps on the ${agreement.name}: ${statuses
                .map((s) => `${PARTICIPANT_STATUS_LABELS[s].toLowerCase()}: ${andList(agreement.parties.filter((p) => p.status === s).map((p) => countryInText(p.country)))}`)
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
                <table className={`${styles.table} ${stackingTableClass}`}>
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
                          <IntentLink href={countryPath(p.country.iso2)}>{p.country.name}</IntentLink>
                        </th>
                        <td data-label="Status">
                          <span className={`${styles.status} ${styles[`status_${STATUS_TONES[p.status]}`] ?? ""}`}>{PARTICIPANT_STATUS_LABELS[p.status]}</span>
                          {p.actions.some((a) => a.unconfirmedNote) && (
                            <>
                              {" "}
                              <span className={styles.flag}>Unconfirmed</span>
                            </>
                          )}
                        </td>
                        <td data-label="Steps">
                          <ul className={styles.compact}>
                            {p.actions.map((a) => (
                              <li key={a.id}>
                                {label(TREATY_ACTION_LABELS, a.type)}
                                {a.viaAgreement && (
                                  <>
                                    {" ("}
                                    <IntentLink href={`/agreements/${a.viaAgreement.slug}`}>{a.viaAgreement.name}</IntentLink>
                                    {")"}
                                  </>
                                )}
                                , <RecordDate date={a.date} precision={a.precision} />
                                {a.unconfirmedNote && <span className={styles.sourceMeta}>Not confirmed: {a.unconfirmedNote}</span>}
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
                note: [a.note, a.unconfirmedNote && `Not confirmed: ${a.unconfirmedNote}`].filter(Boolean).join(" ") || undefined,
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
                    <IntentLink href={agreementPath(c.slug)}>{c.name}</IntentLink>
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
          <LinkSection
            id="events"
            title="Events"
            empty="No published events concern this agreement."
            items={agreement.events.map((e) =>
              eventLink(
                e,
                <>
                  {label(EVENT_TYPE_LABELS, e.type)} · <RecordDate date={e.date} precision={e.datePrecision} />
                </>,
              ),
            )}
          >
            <FollowFeeds list="events" filters={recordFeed("events", { agreement }).filters} />
          </LinkSection>
        </aside>
      </div>
    </article>
  );
}
