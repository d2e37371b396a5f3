import type { Metadata } from "next";
import Link from "next/link";
import { IntentLink } from "@/components/public/intent-link";
import { notFound } from "next/navigation";
import { RecordDate } from "@/components/public/record-date";
import styles from "@/components/public/record.module.css";
import { StatementSection } from "@/components/public/statement-list-item";
import { eventTimelineEntry, Timeline } from "@/components/public/timeline";
import { PARTICIPANT_STATUS_LABELS } from "@/lib/agreements/participant-status";
import { getPublicRelation } from "@/lib/countries/public-queries";
import { parseRelationPair, relationPath } from "@/lib/countries/relation-path";
import { countryInText, pairInText } from "@/lib/format/country";
import { formatDate } from "@/lib/format/date";
import { EVENT_TYPE_LABELS, label } from "@/lib/format/labels";
import { countryNode } from "@/lib/site/record-json-ld";
import { countryEventsPath, countryPath, eventPath, filteredListPath, pageTrail, SECTIONS } from "@/lib/site/paths";
import { Fact, FactsSection, LinkSection, NewestOf, RecordSection, agreementLink } from "@/components/public/record-section";
import { RecordHeading, RecordTrail } from "@/components/public/record-trail";
import { notFoundMetadata, recordMetadata } from "@/lib/site/record-page";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ pair: string }> };

// Variant spellings (/relations/kz-il, /relations/IL-KZ) are sent to the canonical address by the
// proxy (lib/site/canonical-path.ts), for pairs of countries that exist; anything else is looked up as it is.
async function load(pair: string) {
  const parsed = parseRelationPair(pair);
  return parsed ? getPublicRelation(parsed.a, parsed.b) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { pair } = await params;
  const data = await load(pair);
  if (!data) return notFoundMetadata();
  const title = pairInText(data.a, data.b);
  const since = data.established ? ` Diplomatic relations since ${formatDate(data.established.date, data.established.datePrecision)}.` : "";
  const description = `The shared diplomatic record of ${countryInText(data.a)} and ${countryInText(data.b)}: ${data.eventCount} events, ${data.statementCount} statements, ${data.agreements.length} agreements.${since}`;
  return recordMetadata({ title, description, path: relationPath(data.a.iso2, data.b.iso2) });
}

export default async function RelationPage({ params }: Props) {
  const { pair } = await params;
  const data = await load(pair);
  if (!data) notFound();
  const { a, b, events, eventCount, statements, statementCount, agreements, established, days } = data;
  const title = pairInText(a, b);
  const [inTextA, inTextB] = [countryInText(a), countryInText(b)];
  const path = relationPath(a.iso2, b.iso2);
  return (
    <article className={styles.page}>
      <RecordTrail
        trail={pageTrail({ name: title, href: path }, SECTIONS.countries)}
        node={{ "@type": "WebPage", about: [countryNode(a), countryNode(b)] }}
      />
      <RecordHeading
        type="Relations"
        title={title}
        lede={
          established ? (
            <>
              Diplomatic relations established <RecordDate date={established.date} precision={established.datePrecision} /> (
              <Link href={eventPath(established.slug)}>the record</Link>).
            </>
          ) : (
            "The record holds no date for the establishment of diplomatic relations."
          )
        }
      >
        <Link href={countryPath(a.iso2)}>{a.name}</Link>
        <Link href={countryPath(b.iso2)}>{b.name}</Link>
      </RecordHeading>
      <div className={styles.layout}>
        <div className={styles.main}>
          <RecordSection id="timeline" title="Shared timeline">
            <Timeline
              label={`Events involving both ${inTextA} and ${inTextB}`}
              entries={events.map((e) => eventTimelineEntry(e))}
            />
            <NewestOf shown={events.length} total={eventCount}>
              All events involving <Link href={countryEventsPath(a.iso2)}>{inTextA}</Link> or{" "}
              <Link href={countryEventsPath(b.iso2)}>{inTextB}</Link>
            </NewestOf>
          </RecordSection>
          {days.length > 0 && (
            <RecordSection id="days-in-full" title="Those days in full">
              <p className="muted">
                The other events of the days {inTextA} and {inTextB} share, involving either of them, in the order they happened.
              </p>
              {days.map((d) => (
                <div key={d.date.toISOString()} className={styles.roleGroup}>
                  <h3 className={styles.roleName}>
                    <RecordDate date={d.date} precision="DAY" />
                  </h3>
                  <ol className={styles.plain} aria-label={`${formatDate(d.date)}, in order`}>
                    {d.events.map((e) => (
                      <li key={e.id}>
                        <IntentLink href={eventPath(e.slug)}>{e.title}</IntentLink>
                        <span className={styles.sourceMeta}>
                          {label(EVENT_TYPE_LABELS, e.type)} · {e.shared ? `${inTextA} and ${inTextB}` : `${e.only === a.iso2 ? inTextA : inTextB} only`}
                        </span>
                      </li>
                    ))}
                  </ol>
                </div>
              ))}
            </RecordSection>
          )}
          <StatementSection
            statements={statements}
            total={statementCount}
            empty="No published statement concerns both countries."
            more={
              <>
                Statements concerning <Link href={filteredListPath("statements", "country", a.iso2)}>{inTextA}</Link> or{" "}
                <Link href={filteredListPath("statements", "country", b.iso2)}>{inTextB}</Link>
              </>
            }
          />
        </div>
        <aside className={styles.aside} aria-label="Agreements and facts">
          <FactsSection title="At a glance">
            <Fact term="Relations since">{established ? <RecordDate date={established.date} precision={established.datePrecision} /> : "Not recorded"}</Fact>
            <Fact term="Shared events">{eventCount.toLocaleString("en")}</Fact>
            <Fact term="Statements">{statementCount.toLocaleString("en")}</Fact>
          </FactsSection>
          <LinkSection
            id="agreements"
            title="Agreements both are party to"
            empty="None on the record."
            items={agreements.map((ag) =>
              agreementLink(ag, `${a.name}: ${ag.statusA ? PARTICIPANT_STATUS_LABELS[ag.statusA] : "—"}; ${b.name}: ${ag.statusB ? PARTICIPANT_STATUS_LABELS[ag.statusB] : "—"}`),
            )}
          />
        </aside>
      </div>
    </article>
  );
}
